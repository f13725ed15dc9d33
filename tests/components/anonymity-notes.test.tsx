// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { BreakdownTable, CrossTable } from "~/components/results/breakdown-table";
import { LinksDownloadedWarning } from "~/components/results/links-downloaded";
import { LOCALES } from "~/i18n/locales";
import { MESSAGES } from "~/i18n/translate";
import AnonymityPage from "~/routes/anonymity";

afterEach(cleanup);

function renderInRemix(node: ReactNode) {
  const Stub = createRemixStub([{ path: "/", Component: () => <>{node}</> }]);
  render(<Stub />);
}

const figures = {
  responses: 5,
  rate: 1,
  promoters: 3,
  passives: 1,
  detractors: 1,
  shares: { promoters: 0.6, passives: 0.2, detractors: 0.2 },
  nps: 40,
  low: -10,
  high: 80,
};

describe("a results group with people added just before the launch", () => {
  it("says how many of its invited people were, in a breakdown row and in a grid cell", () => {
    renderInRemix(
      <BreakdownTable
        caption="eNPS by department"
        groupLabel="Department"
        rows={[
          { key: "a", name: "Made-up team", figures, addedBeforeLaunch: { added: 2, invited: 3 } },
          { key: "b", name: "Old team", figures, addedBeforeLaunch: null },
          { key: "c", name: "New hire", figures: null, addedBeforeLaunch: { added: 1, invited: 6 } },
        ]}
      />,
    );
    expect(screen.getByRole("rowheader", { name: /Made-up team/ })).toHaveTextContent(
      "Made-up team2 of these 3 people were added just before the launch.",
    );
    expect(screen.getByRole("rowheader", { name: /Old team/ })).toHaveTextContent(/^Old team$/);
    expect(screen.getByRole("rowheader", { name: /New hire/ })).toHaveTextContent(
      "1 of these 6 people was added just before the launch.",
    );
    cleanup();
    renderInRemix(
      <CrossTable
        departments={[{ id: "d", name: "Team" }]}
        roles={[{ id: "r", name: "Staff" }]}
        cells={[
          {
            key: "k",
            departmentId: "d",
            roleId: "r",
            figures: { nps: 40, responses: 5 },
            addedBeforeLaunch: { added: 2, invited: 5 },
          },
        ]}
      />,
    );
    expect(
      within(screen.getByRole("table")).getByText("2 of these 5 people were added just before the launch."),
    ).toBeInTheDocument();
  });
});

describe("a round whose links were downloaded", () => {
  it("warns the reader of its results, and nothing is said for one whose links went by e-mail", () => {
    render(<LinksDownloadedWarning at="2026-03-02T09:00:00Z" />);
    expect(screen.getByText(/personal links were downloaded as a file \(first on 2 Mar 2026\)/)).toHaveTextContent(
      "Whoever held the file could answer in anyone's name",
    );
    cleanup();
    const { container } = render(<LinksDownloadedWarning at={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("the page that explains anonymity to employees", () => {
  it.each(LOCALES)("states what is kept, what is shown and every remaining limit, in %s", async (locale) => {
    const messages = MESSAGES[locale];
    const Stub = createRemixStub([
      { path: "/anonymity", Component: AnonymityPage, loader: () => ({ locale, messages }) },
    ]);
    render(<Stub initialEntries={[`/anonymity?lang=${locale}`]} />);
    expect(await screen.findByRole("heading", { level: 1, name: messages["anonymity.heading"] })).toBeInTheDocument();
    for (const key of [
      "anonymity.kept.body",
      "anonymity.shown.body",
      "anonymity.link.body",
      "anonymity.limits.server",
      "anonymity.limits.alone",
      "anonymity.limits.order",
      "anonymity.limits.links",
      "anonymity.limits.same",
    ] as const) {
      expect(screen.getByText(messages[key])).toBeInTheDocument();
    }
  });
});
