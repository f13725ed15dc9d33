// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AppShell } from "~/components/app-shell";
import type { UserRole } from "~/domain/user-roles";

afterEach(cleanup);

function renderShellAt(path: string, role: UserRole) {
  const Stub = createRemixStub([
    {
      path: "*",
      Component: () => (
        <AppShell user={{ name: "Dana", role }}>
          <p>content</p>
        </AppShell>
      ),
    },
  ]);
  render(<Stub initialEntries={[path]} />);
  return within(screen.getByRole("navigation", { name: "Main" }));
}

describe("AppShell", () => {
  it("shows HR admins every section", () => {
    const nav = renderShellAt("/hr", "ADMIN");
    expect(nav.getAllByRole("link").map((a) => a.textContent)).toEqual([
      "Home",
      "Surveys",
      "Rounds",
      "Trends",
      "Trainings",
      "Actions",
      "Directory",
      "Logins",
      "Outbox",
      "Audit log",
    ]);
  });

  it("shows a trainer only what a trainer may open", () => {
    const nav = renderShellAt("/hr", "TRAINER");
    expect(nav.getAllByRole("link").map((a) => a.textContent)).toEqual(["Home", "Trainings", "Actions"]);
  });

  it("marks the current section for screen readers", () => {
    const nav = renderShellAt("/hr/people", "ADMIN");
    expect(nav.getByRole("link", { name: "Directory" })).toHaveAttribute("aria-current", "page");
    expect(nav.getByRole("link", { name: "Home" })).not.toHaveAttribute("aria-current");
  });

  it.each([
    ["/hr", "Home"],
    ["/hr/rounds/schedules/new", "Rounds"],
    ["/hr/departments", "Directory"],
    ["/hr/roles", "Directory"],
    ["/hr/import", "Directory"],
    ["/hr/people/some-id", "Directory"],
    ["/hr/users/new", "Logins"],
  ])("marks only the section of %s as current", (path, section) => {
    const nav = renderShellAt(path, "ADMIN");
    const current = nav.getAllByRole("link").filter((a) => a.getAttribute("aria-current") === "page");
    expect(current.map((a) => a.textContent)).toEqual([section]);
  });

  it("offers a skip link to the content and a sign-out button", () => {
    renderShellAt("/hr", "MANAGER");
    expect(screen.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(screen.getByText("Department manager")).toBeInTheDocument();
  });
});
