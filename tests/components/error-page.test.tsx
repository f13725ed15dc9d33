// @vitest-environment jsdom
import { useRouteError } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorPage } from "~/components/error-page";

afterEach(cleanup);

function RouteErrorPage() {
  return <ErrorPage error={useRouteError()} />;
}

/** Renders the app's error page for whatever a loader throws. */
async function renderThrown(thrown: unknown) {
  const Stub = createRemixStub([
    {
      path: "/somewhere",
      loader: () => {
        throw thrown;
      },
      Component: () => null,
      ErrorBoundary: RouteErrorPage,
    },
  ]);
  render(<Stub initialEntries={["/somewhere"]} />);
  return screen.findByRole("alert");
}

describe("ErrorPage", () => {
  it("keeps the message of the app's own 404", async () => {
    const page = await renderThrown(new Response("There is no such survey.", { status: 404 }));
    expect(page).toHaveTextContent("Not found");
    expect(page).toHaveTextContent("There is no such survey.");
  });

  it("says in plain words that an unknown address leads nowhere", async () => {
    const Stub = createRemixStub([{ path: "/", Component: () => null, ErrorBoundary: RouteErrorPage }]);
    render(<Stub initialEntries={["/nope"]} />);
    const page = await screen.findByRole("alert");
    expect(page).toHaveTextContent("Not found");
    expect(page).toHaveTextContent("We could not find that page.");
    expect(page.textContent).not.toMatch(/No route matches|Error:/);
  });

  it('calls a 403 "No access" and keeps its message', async () => {
    const page = await renderThrown(new Response("Only HR admins can change surveys.", { status: 403 }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("No access");
    expect(page).toHaveTextContent("Only HR admins can change surveys.");
  });

  it("falls back to the status text when a Response has no message", async () => {
    const page = await renderThrown(new Response("", { status: 409, statusText: "Conflict" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Already done");
    expect(page).toHaveTextContent("Conflict");
  });

  it("apologises calmly for anything unexpected, never showing its text", async () => {
    const page = await renderThrown(new Error("SQLITE_BUSY: database is locked"));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Something went wrong");
    expect(page.textContent).not.toContain("SQLITE");
  });
});
