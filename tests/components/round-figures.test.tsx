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
          overall: { invited: 34, responses: 20, rate: 20 / 34 },
          departments: [
            { id: "big", name: "Big dept", invited: 20, responses: 12, rate: 0.6 },
            { id: "tiny", name: "Tiny dept", invited: 4, responses: null, rate: null },
          ],
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
          departments: [{ id: "big", name: "Big dept", invited: 20, responses: 12, rate: 0.6 }],
        }}
      />,
    );
    const table = screen.getByRole("table", { name: "Responses from your department" });
    expect(within(table).queryByRole("row", { name: /^Everyone/ })).toBeNull();
    expect(within(table).getByRole("row", { name: /^Big dept/ })).toHaveTextContent("Big dept2012 (60%)");
  });
});
