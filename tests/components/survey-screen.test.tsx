// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SurveyScreen } from "~/components/survey-screen";
import { en } from "~/i18n/messages/en";
import { uk } from "~/i18n/messages/uk";
import ThanksPage from "~/routes/thanks";

afterEach(cleanup);

const view = {
  state: "ready" as const,
  k: 5,
  linksDownloaded: false,
  questions: [{ id: "q1", type: "NPS" as const, text: "How likely are you to recommend Northwind?" }],
};
const groups = { departments: [{ id: "d1", name: "Warehouse" }], roles: [{ id: "r1", name: "Picker" }] };

function renderKioskAfterAnswer() {
  const Stub = createRemixStub([
    {
      path: "/s/:key",
      Component: () => (
        <SurveyScreen
          locale="en"
          messages={en}
          view={view}
          variant="shared"
          groups={groups}
          kiosk
          saved
          formKey="next"
        />
      ),
    },
  ]);
  render(<Stub initialEntries={["/s/key?kiosk=1&lang=en&saved=1"]} />);
}

describe("a kiosk after an answer", () => {
  it("thanks the last person and offers the next one the form, with no link away from it", () => {
    renderKioskAfterAnswer();
    const thanks = screen.getByRole("status");
    expect(thanks).toHaveTextContent(en["kiosk.thanks"]);
    expect(within(thanks).queryAllByRole("link")).toEqual([]);
    expect(screen.queryByRole("link", { name: en["thanks.published"] })).toBeNull();
    expect(screen.queryByRole("link", { name: en["anonymity.linkText"] })).toBeNull();
    expect(screen.getByRole("radiogroup", { name: /recommend Northwind/ })).toBeInTheDocument();
  });
});

describe("the thanks page of a personal link", () => {
  it("keeps the link to what was done with earlier feedback, and to how anonymity is protected", async () => {
    const Stub = createRemixStub([
      { path: "/thanks", Component: ThanksPage, loader: () => ({ locale: "en", messages: en }) },
    ]);
    render(<Stub initialEntries={["/thanks?lang=en"]} />);
    const link = await screen.findByRole("link", { name: en["thanks.published"] });
    expect(link).toHaveAttribute("href", "/you-said-we-did?lang=en");
    expect(screen.getByRole("link", { name: en["anonymity.linkText"] })).toHaveAttribute("href", "/anonymity?lang=en");
  });
});

function renderPersonal(linksDownloaded: boolean) {
  const Stub = createRemixStub([
    {
      path: "/a/:token",
      Component: () => (
        <SurveyScreen locale="uk" messages={uk} view={{ ...view, linksDownloaded }} variant="personal" />
      ),
    },
  ]);
  render(<Stub initialEntries={["/a/token?lang=uk"]} />);
}

describe("the survey page of a personal link", () => {
  it("says, in the respondent's language, when HR downloaded the round's links as a file", () => {
    renderPersonal(true);
    const promise = screen.getByRole("complementary", { name: uk["survey.promise.title"] });
    expect(promise).toHaveTextContent(uk["survey.linksDownloaded"]);
    expect(within(promise).getByRole("link", { name: uk["anonymity.linkText"] })).toHaveAttribute(
      "href",
      "/anonymity?lang=uk",
    );
  });

  it("says nothing of the kind when the links went by e-mail", () => {
    renderPersonal(false);
    expect(screen.queryByText(uk["survey.linksDownloaded"])).toBeNull();
  });

  it("starts with a link past the language links to the survey, in the respondent's language", () => {
    renderPersonal(false);
    const links = screen.getAllByRole("link");
    expect(links[0]).toHaveTextContent("Перейти до основного вмісту");
    expect(links[0]).toHaveAttribute("href", "#main");
    // The language links come after it, and the survey is where it leads.
    expect(links.slice(1, 7).map((link) => link.getAttribute("lang"))).toEqual([
      "en",
      "zh-Hans",
      "uk",
      "pl",
      "bg",
      "ru",
    ]);
    expect(document.getElementById("main")).toContainElement(screen.getByRole("button", { name: uk["survey.submit"] }));
  });
});
