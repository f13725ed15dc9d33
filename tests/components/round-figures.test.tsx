// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RoundCountsTable } from "~/components/round-figures";

afterEach(cleanup);

describe("RoundCountsTable", () => {
  it("shows counts and rates the gate allows, and the one withheld label where it withholds them", () => {
    render(
      <RoundCountsTable
        counts={{
          k: 5,
          overall: { invited: 34, responses: 20, rate: 20 / 34, live: true },
          departments: [
            { id: "big", name: "Big dept", invited: 20, responses: 12, rate: 0.6, live: true },
            { id: "tiny", name: "Tiny dept", invited: 4, responses: null, rate: null, live: true },
          ],
          open: false,
          countedAt: null,
        }}
      />,
    );
    const table = screen.getByRole("table", { name: "Responses, overall and per department" });
    const row = (name: string) => within(table).getByRole("row", { name: new RegExp(`^${name}`) });
    expect(row("Everyone")).toHaveTextContent("Everyone3420 (59%)");
    expect(row("Big dept")).toHaveTextContent("Big dept2012 (60%)");
    // Withheld for whatever reason, with one label: "fewer than 5" could be false (a group held
    // back so a smaller one cannot be worked out may hold more).
    expect(row("Tiny dept")).toHaveTextContent("Tiny dept4Withheld*");
    expect(document.getElementById("withheld-note")).toHaveTextContent(
      "Withheld: Fewer than 5 responses, or held back so a smaller group cannot be worked out.",
    );
  });

  it("shows a manager their department's row only, without the whole round", () => {
    render(
      <RoundCountsTable
        counts={{
          k: 5,
          overall: null,
          departments: [{ id: "big", name: "Big dept", invited: 20, responses: 12, rate: 0.6, live: true }],
          open: false,
          countedAt: null,
        }}
      />,
    );
    const table = screen.getByRole("table", { name: "Responses from your department" });
    expect(within(table).queryByRole("row", { name: /^Everyone/ })).toBeNull();
    expect(within(table).getByRole("row", { name: /^Big dept/ })).toHaveTextContent("Big dept2012 (60%)");
  });

  it("marks the counts of an open round's small groups as hourly and states the rule beside them", () => {
    render(
      <RoundCountsTable
        counts={{
          k: 5,
          overall: { invited: 34, responses: 20, rate: 20 / 34, live: false },
          departments: [
            { id: "big", name: "Big dept", invited: 20, responses: 12, rate: 0.6, live: false },
            { id: "tiny", name: "Tiny dept", invited: 4, responses: null, rate: null, live: false },
          ],
          open: true,
          countedAt: new Date("2026-03-09T10:00:12Z"),
        }}
      />,
    );
    const table = screen.getByRole("table", { name: "Responses, overall and per department" });
    expect(within(table).getByRole("row", { name: /^Big dept/ })).toHaveTextContent(
      "Big dept2012† (counted hourly) (60%)",
    );
    expect(document.getElementById("withheld-note")).toHaveTextContent(
      "Withheld: Fewer than 5 people invited, or held back so a smaller group cannot be worked out.",
    );
    expect(document.getElementById("open-counts-note")).toHaveTextContent(
      "While the round is open, a group shows a count only if at least 5 people in it were invited: that was fixed when the round was launched and does not change as answers come in. † Groups of fewer than 50 invited people are counted once an hour, not answer by answer, so that nobody can watch one person's answer arrive: these counts are as of 9 Mar 2026, 10:00 UTC.",
    );
  });
});
