/**
 * The "you said, we did" page's data, in the reader's language: the headline results every
 * employee may read (through the results gate) and the action items HR published. Numbers and
 * dates are formatted here, on the server. Nothing about who owns or wrote an item is read.
 */
import type { ActionStatus } from "~/domain/action-items";
import { ADDED_BEFORE_LAUNCH_DAYS, type AddedBeforeLaunch } from "~/domain/added-before-launch";
import type { NpsEstimate, Verdict } from "~/domain/nps-statistics";
import { formatCount, formatDate, formatPoints } from "~/i18n/format";
import { languagePack } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { listPublishedActions, type PublishedAction } from "~/models/action-lists.server";
import {
  getPublicResults,
  type PublicGroup,
  type PublicResults,
  type PublicRound,
} from "~/models/results/index.server";

export interface ScoreView {
  nps: string;
  low: string;
  high: string;
  answers: string;
}

export interface RoundView {
  id: string;
  name: string;
  closed: string;
  k: number;
  /** Null when the whole round is withheld. */
  score: ScoreView | null;
  change: { delta: string; verdict: Verdict; since: string } | null;
  /** People added to the directory just before the launch, among those invited, if any. */
  added: AddedView | null;
}

export interface AddedView {
  added: string;
  invited: string;
  days: string;
}

export interface GroupView {
  name: string;
  score: ScoreView;
  added: AddedView | null;
}

export interface ActionView {
  id: string;
  title: string;
  deadline: string;
  /** The round it came from. */
  round: string | null;
  /** The department, role and training it concerns. */
  groups: string[];
  note: { body: string; date: string } | null;
}

export interface PublishedView {
  latest: RoundView | null;
  earlier: RoundView[];
  departments: GroupView[];
  roles: GroupView[];
  /** Published items by status, the ones under way first; statuses without items are left out. */
  actions: { status: ActionStatus; items: ActionView[] }[];
}

const STATUS_ORDER: readonly ActionStatus[] = ["IN_PROGRESS", "PLANNED", "DONE", "CANCELLED"];

export function publishedView(
  locale: Locale,
  results: PublicResults,
  actions: readonly PublishedAction[],
): PublishedView {
  const score = (estimate: NpsEstimate): ScoreView => ({
    nps: formatPoints(locale, estimate.nps),
    low: formatPoints(locale, estimate.low),
    high: formatPoints(locale, estimate.high),
    answers: formatCount(locale, estimate.n),
  });
  const added = (a: AddedBeforeLaunch | null): AddedView | null =>
    a && {
      added: formatCount(locale, a.added),
      invited: formatCount(locale, a.invited),
      days: formatCount(locale, ADDED_BEFORE_LAUNCH_DAYS),
    };
  const round = (r: PublicRound): RoundView => ({
    id: r.id,
    name: r.name,
    closed: formatDate(locale, r.closedOn),
    k: r.k,
    score: r.overall && score(r.overall),
    change:
      r.change && r.previousName
        ? { delta: formatPoints(locale, r.change.delta), verdict: r.change.verdict, since: r.previousName }
        : null,
    added: added(r.addedBeforeLaunch),
  });
  const group = (g: PublicGroup): GroupView => ({
    name: g.name,
    score: score(g.score),
    added: added(g.addedBeforeLaunch),
  });
  const action = (a: PublishedAction): ActionView => ({
    id: a.id,
    title: a.title,
    deadline: formatDate(locale, a.deadline),
    round: a.round?.name ?? null,
    groups: [a.department?.name, a.role?.name, a.training?.title].filter((name): name is string => !!name),
    note: a.latestNote && { body: a.latestNote.body, date: formatDate(locale, a.latestNote.day) },
  });
  const [latest, ...earlier] = results.rounds.map(round);
  return {
    latest: latest ?? null,
    earlier,
    departments: results.departments.map(group),
    roles: results.roles.map(group),
    actions: STATUS_ORDER.map((status) => ({
      status,
      items: actions.filter((a) => a.status === status).map(action),
    })).filter((g) => g.items.length > 0),
  };
}

/** Everything the page shows, in `locale`. */
export async function publishedPage(locale: Locale, now = new Date()) {
  const [results, actions] = await Promise.all([getPublicResults({ now }), listPublishedActions()]);
  return { ...languagePack(locale), ...publishedView(locale, results, actions) };
}

export type PublishedPageData = Awaited<ReturnType<typeof publishedPage>>;
