import actions from "./actions.css";
import base from "./base.css";
import forms from "./forms.css";
import layout from "./layout.css";
import pages from "./pages.css";
import published from "./published.css";
import results from "./results.css";
import rounds from "./rounds.css";
import survey from "./survey.css";
import tables from "./tables.css";
import trainings from "./trainings.css";

/**
 * Candor's stylesheets in cascade order: later ones build on earlier ones, so the order here
 * is the order of the one stylesheet they were split from. Mobile first; wider screens get
 * more room, not different pages.
 */
export const STYLESHEETS = [base, layout, forms, tables, pages, survey, actions, rounds, results, published, trainings];
