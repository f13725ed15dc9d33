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
  // The wide screen's navigation; the phone's menu holds the same links (tested below).
  return within(screen.getAllByRole("navigation", { name: "Main" })[0]);
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
      "Settings",
    ]);
  });

  it("offers the same sections in the phone's menu, which opens without JavaScript", () => {
    renderShellAt("/hr/outbox", "ADMIN");
    const [wide, menu] = screen.getAllByRole("navigation", { name: "Main" });
    const links = (nav: HTMLElement) =>
      within(nav)
        .getAllByRole("link")
        .map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("aria-current")]);
    expect(links(menu)).toEqual(links(wide));
    expect(menu.closest("details")).not.toBeNull();
    expect(menu.closest("details")!.querySelector("summary")).toHaveTextContent("Menu");
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
    ["/hr/users/new", "Settings"],
    ["/hr/outbox", "Settings"],
    ["/hr/audit", "Settings"],
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
