// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ActionDetails, ActionHistory, NoteForm } from "~/components/action-detail";
import { ownerOptions } from "~/components/action-form";
import { MyActions } from "~/components/my-actions";

afterEach(cleanup);

function renderInRoute(node: ReactNode) {
  const Stub = createRemixStub([{ path: "/", Component: () => <>{node}</> }]);
  render(<Stub />);
}

describe("MyActions", () => {
  it("says plainly when nothing is waiting", () => {
    renderInRoute(<MyActions items={[]} total={0} ownerId="u1" />);
    expect(screen.getByRole("heading", { name: "My actions" })).toBeInTheDocument();
    expect(screen.getByText(/Nothing is waiting for you/)).toBeInTheDocument();
  });

  it("lists open items with their status, marks overdue ones in words and links to the rest", () => {
    renderInRoute(
      <MyActions
        ownerId="u1"
        total={3}
        items={[
          { id: "a", title: "Late one", status: "IN_PROGRESS", deadline: "2026-03-01", overdue: true },
          { id: "b", title: "Next one", status: "PLANNED", deadline: "2026-04-01", overdue: false },
        ]}
      />,
    );
    const [late, next] = screen.getAllByRole("listitem");
    expect(within(late).getByRole("link", { name: "Late one" })).toHaveAttribute("href", "/hr/actions/a");
    expect(late).toHaveTextContent("In progress");
    expect(late).toHaveTextContent("1 Mar 2026");
    expect(within(late).getByText("Overdue")).toBeInTheDocument();
    expect(within(next).queryByText("Overdue")).toBeNull();
    expect(screen.getByRole("link", { name: "See all 3 of your open actions" })).toHaveAttribute(
      "href",
      "/hr/actions?owner=u1&status=OPEN",
    );
  });
});

describe("an item's details and history", () => {
  const script = "<script>alert('x')</script>";

  it("shows titles, descriptions and notes as text, never as markup", () => {
    renderInRoute(
      <>
        <ActionDetails
          item={{
            description: `${script}\nsecond line`,
            owner: { name: "Ana", email: "ana@example.com", active: true },
            createdBy: { name: "Hanna" },
            round: null,
            department: { name: "Sales" },
            role: null,
            training: null,
            published: false,
          }}
        />
        <ActionHistory
          notes={[
            {
              id: "n1",
              body: `<img src=x onerror=alert(1)>`,
              status: "DONE",
              when: "1 Mar 2026, 10:00",
              author: { name: "Bo" },
            },
          ]}
        />
      </>,
    );
    expect(document.querySelector("script")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByText(/<script>alert\('x'\)<\/script>/)).toBeInTheDocument();
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
    const history = screen.getByRole("list");
    expect(history).toHaveTextContent("Bo");
    expect(history).toHaveTextContent("moved it to");
    expect(history).toHaveTextContent("Done");
  });

  it("ties a note's error to its field and offers only real status changes", () => {
    renderInRoute(
      <NoteForm status="IN_PROGRESS" published={false} errors={{ body: "Note is required." }} values={{ body: "" }} />,
    );
    expect(screen.getByLabelText("Note")).toHaveAccessibleDescription(/Note is required\./);
    const options = within(screen.getByLabelText("Status"))
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options).toEqual(["Keep as in progress", "Move to planned", "Move to done", "Move to cancelled"]);
    expect(screen.getByLabelText("Note")).not.toHaveAccessibleDescription(/published/);
  });

  it("warns, on a published item, that employees will read the note", () => {
    renderInRoute(<NoteForm status="IN_PROGRESS" published />);
    expect(screen.getByLabelText("Note")).toHaveAccessibleDescription(
      /This item is published: every employee will see this note/,
    );
  });
});

describe("the owner choice of the action form", () => {
  it("names each owner alone, and adds the e-mail only where two logins share a name", () => {
    expect(
      ownerOptions([
        { id: "1", name: "Ana Kowalska", email: "ana.k@example.com" },
        { id: "2", name: "Ben Ito", email: "ben@example.com" },
        { id: "3", name: "Ana Kowalska", email: "ana.kowalska@example.com" },
      ]),
    ).toEqual([
      { value: "1", label: "Ana Kowalska (ana.k@example.com)" },
      { value: "2", label: "Ben Ito" },
      { value: "3", label: "Ana Kowalska (ana.kowalska@example.com)" },
    ]);
  });
});
