// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { BreakdownTable, CrossTable, type BreakdownRow } from "~/components/results/breakdown-table";
import { NpsSummary } from "~/components/results/nps-summary";
import { WithheldFootnote } from "~/components/results/withheld";
import { intervalMeaning } from "~/components/statistics-words";
import { figuresOf } from "~/domain/group-figures";

afterEach(cleanup);

function renderInRemix(node: ReactNode) {
  const Stub = createRemixStub([{ path: "/", Component: () => <>{node}</> }]);
  render(<Stub />);
}

const shown: BreakdownRow = {
  key: "department:d1",
  name: "Sales",
  figures: {
    responses: 12,
    rate: 0.8,
    promoters: 6,
    passives: 3,
    detractors: 3,
    shares: { promoters: 0.5, passives: 0.25, detractors: 0.25 },
    nps: 25,
    low: 1.04,
    high: 38.96,
  },
  detailsHref: "?group=department%3Ad1#focus",
  actionHref: "/hr/actions/new?roundId=r&departmentId=d1",
};
const withheld: BreakdownRow = {
  key: "department:d2",
  name: "Legal",
  figures: null,
  detailsHref: "?group=x",
  actionHref: "/hr/actions/new?x",
};

describe("BreakdownTable", () => {
  it("shows a group's counts, shares, eNPS with its heat colour, interval and links", () => {
    renderInRemix(<BreakdownTable caption="eNPS by department" groupLabel="Department" rows={[shown, withheld]} />);
    const table = screen.getByRole("table", { name: "eNPS by department" });
    const row = within(table).getByRole("row", { name: /Sales/ });
    const cells = within(row)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    // The score and its interval come first, by the name, so that a phone shows them without scrolling.
    expect(cells.slice(0, 7)).toEqual(["+25.0", "+1.0 to +39.0", "12", "80%", "6 (50.0%)", "3 (25.0%)", "3 (25.0%)"]);
    expect(
      within(table)
        .getAllByRole("columnheader")
        .slice(0, 3)
        .map((h) => h.textContent),
    ).toEqual(["Department", "eNPS", "95% interval"]);
    expect(within(row).getByText("+25.0")).toHaveClass("heat", "heat-4");
    expect(within(row).getByRole("link", { name: "Create action for Sales" })).toHaveAttribute(
      "href",
      "/hr/actions/new?roundId=r&departmentId=d1",
    );
    expect(within(row).getByRole("link", { name: "Details of Sales" })).toBeInTheDocument();
  });

  it("gives a withheld group the label, no number and no links", () => {
    renderInRemix(
      <>
        <BreakdownTable caption="eNPS by department" groupLabel="Department" rows={[shown, withheld]} />
        <WithheldFootnote k={5} />
      </>,
    );
    const row = screen.getByRole("row", { name: /Legal/ });
    expect(row.textContent).toBe("LegalWithheld*");
    expect(row.textContent).not.toMatch(/\d/);
    expect(within(row).queryAllByRole("link")).toHaveLength(0);
    expect(within(row).getAllByRole("cell")[0]).toHaveAccessibleDescription(
      "Withheld: Fewer than 5 responses, or held back so a smaller group cannot be worked out.",
    );
  });

  it("drops the link column when the rows have no links (the print version)", () => {
    renderInRemix(
      <BreakdownTable
        caption="By role"
        groupLabel="Role"
        rows={[{ ...shown, detailsHref: undefined, actionHref: undefined }]}
      />,
    );
    expect(screen.getAllByRole("columnheader")).toHaveLength(8);
    expect(screen.queryAllByRole("link")).toHaveLength(0);
  });
});

describe("CrossTable", () => {
  it("shows each cell's eNPS and responses, the label for withheld cells and a dash where nobody was invited", () => {
    renderInRemix(
      <CrossTable
        departments={[
          { id: "d1", name: "Sales" },
          { id: "d2", name: "Legal" },
        ]}
        roles={[
          { id: "r1", name: "Rep" },
          { id: "r2", name: "Lead" },
        ]}
        cells={[
          { key: "cell:d1|r1", departmentId: "d1", roleId: "r1", figures: { nps: 25, responses: 12 } },
          { key: "cell:d1|r2", departmentId: "d1", roleId: "r2", figures: null },
          { key: "cell:d2|r1", departmentId: "d2", roleId: "r1", figures: null },
        ]}
        detailsHref={(key) => `?group=${encodeURIComponent(key)}`}
      />,
    );
    const table = screen.getByRole("table", { name: "eNPS by department and role" });
    const [sales, legal] = within(table).getAllByRole("row").slice(1);
    const salesCells = within(sales).getAllByRole("cell");
    expect(salesCells[0].textContent).toBe("+25.0n = 12");
    expect(salesCells[0]).toHaveClass("heat-4");
    expect(within(salesCells[0]).getByRole("link")).toHaveAccessibleName(
      "Sales / Rep: eNPS +25.0, 12 responses. Details",
    );
    expect(within(salesCells[0]).getByRole("link")).toHaveAttribute("href", "?group=cell%3Ad1%7Cr1");
    expect(salesCells[1].textContent).toBe("Withheld*");
    const legalCells = within(legal).getAllByRole("cell");
    expect(legalCells[0].textContent).toBe("Withheld*");
    expect(legalCells[1].textContent).toBe("–Nobody invited");
  });
});

describe("NpsSummary", () => {
  // 6 promoters, 3 passives, 3 detractors of 12 answers, 15 invited: +25.0 (+1.0 to +39.0).
  const figures = figuresOf([1, 0, 0, 0, 0, 0, 2, 2, 1, 4, 2], 15, true)!;

  it("shows the eNPS, its interval, the responses of those invited and each category's share", () => {
    renderInRemix(<NpsSummary name="Everyone" figures={figures} />);
    expect(screen.getByLabelText("eNPS of Everyone: +25.0")).toHaveTextContent("+25.0");
    // 6 promoters, 3 passives, 3 detractors of 15 invited: the sample interval 20.0 -/+ 41.1 is cut to
    // what the 3 who did not answer could change: (3 - 3) / 15 = 0.0 to (3 + 3) / 15 = +40.0.
    expect(screen.getByText(/95% interval/).textContent).toBe("95% interval 0.0 to +40.0");
    expect(screen.getByText(/responses of 15 invited/).textContent).toBe(
      "12 responses of 15 invited (80% response rate)",
    );
    expect(screen.getByText("Promoters").closest("div")!.textContent).toBe("Promoters (9-10)6 · 50.0%");
  });

  it("calls a training round's score NPS, not eNPS", () => {
    renderInRemix(<NpsSummary name="Everyone" figures={figures} measure="NPS" />);
    expect(screen.getByLabelText("NPS of Everyone: +25.0")).toHaveTextContent("+25.0");
    expect(screen.queryByText("eNPS")).toBeNull();
  });

  it("says what the interval estimates and what it assumes", () => {
    const meaning = (invited: number | null, population: boolean, sharedLink: boolean) => {
      const f = figuresOf([0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 0], invited, population)!;
      return intervalMeaning({ n: f.responses, population: f.population }, { sharedLink });
    };
    expect(meaning(40, true, false)).toBe(
      "The 95% interval is where the eNPS of all 40 people invited most likely lies, assuming the 30 who did not answer think like the 10 who did. It never goes beyond what those 30 could change, whatever they think.",
    );
    expect(meaning(40, false, true)).toMatch(
      /^This round has a shared link, so who could answer is not known\. .*assuming those who answered are like those who did not\.$/,
    );
    expect(meaning(null, true, false)).toMatch(/^How many people could answer is not known\./);
    expect(meaning(10, true, false)).toBe(
      "Everyone invited answered, so this is exactly the eNPS of these 10 people: the interval is the score itself.",
    );
  });
});
