// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ComponentType } from "react";
import { afterEach, describe, expect, it } from "vitest";
import Outbox from "~/routes/hr.outbox";
import RoundPage from "~/routes/hr.rounds.$roundId._index";

afterEach(cleanup);

function renderPage(Component: ComponentType, data: object, path = "/") {
  const Stub = createRemixStub([{ path: "/", Component, loader: () => data }]);
  render(<Stub initialEntries={[path]} />);
}

const round = {
  id: "r1",
  name: "Autumn eNPS",
  kind: "PERIODIC",
  opensAt: "2026-11-17T18:38:00.000Z",
  closesAt: "2026-12-01T18:38:00.000Z",
  closedAt: null,
  k: 5,
  invitedCount: 40,
  lastReminderAt: null,
  period: null,
  createdAt: "2026-11-17T18:38:00.000Z",
  survey: { id: "s1", name: "Employee NPS" },
  schedule: null,
  training: null,
  createdBy: { name: "Hanna" },
  status: "open",
  audience: { departments: [], roles: [] },
};

const roundPage = (changes: Record<string, unknown>) => ({
  round,
  counts: null,
  isAdmin: true,
  links: null,
  hasSharedLink: false,
  mailConfigured: false,
  confirm: null,
  lastReminder: null,
  ...changes,
});

describe("a round's page", () => {
  it("without a mail server, disables the e-mail buttons and says the links CSV is the way", async () => {
    renderPage(RoundPage, roundPage({}));
    const invite = await screen.findByRole("button", { name: "Send invitations by e-mail" });
    const remind = screen.getByRole("button", { name: "Send reminders" });
    for (const button of [invite, remind]) {
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(/E-mail is not set up: no mail server is configured \(SMTP_URL\)/);
    }
    expect(screen.getByText(/Download the personal links as CSV/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Download links (CSV)" })).toBeEnabled();
    expect(screen.queryByRole("link", { name: /Send/ })).toBeNull();
    expect(document.body.textContent).not.toMatch(/wait in the outbox/i);
  });

  it("with a mail server, shows when reminders last went out, in the one date style", async () => {
    renderPage(
      RoundPage,
      roundPage({
        mailConfigured: true,
        round: { ...round, lastReminderAt: "2026-11-20T09:05:00.000Z" },
        lastReminder: { ago: "2 days ago", recent: false },
      }),
    );
    const reminders = await screen.findByRole("region", { name: "Reminders" });
    expect(reminders).toHaveTextContent("Last sent 20 Nov 2026, 09:05 UTC (2 days ago).");
    expect(within(reminders).getByRole("link", { name: "Send reminders…" })).toHaveAttribute(
      "href",
      "/?confirm=remind",
    );
    expect(screen.getByRole("link", { name: "Send invitations by e-mail…" })).toBeInTheDocument();
  });

  it("asks plainly before sending reminders again within a day, and the form carries that second yes", async () => {
    renderPage(
      RoundPage,
      roundPage({
        mailConfigured: true,
        confirm: "remind",
        round: { ...round, lastReminderAt: "2026-11-22T16:00:00.000Z" },
        lastReminder: { ago: "3 hours ago", recent: true },
      }),
    );
    const card = await screen.findByRole("form", { name: "Send reminders again?" });
    expect(card).toHaveTextContent("Reminders already went out 3 hours ago.");
    expect(within(card).getByRole("button", { name: "Send reminders again" })).toHaveAttribute("value", "remind");
    expect(card.querySelector('input[type="hidden"][name="again"]')).toHaveAttribute("value", "yes");
  });
});

describe("the outbox", () => {
  const message = {
    id: 1,
    kind: "INVITATION",
    to: "ana@example.com",
    subject: "Your anonymous survey",
    body: "Answer here: [personal link]",
    createdAt: "2026-11-22T10:00:00.000Z",
    sentAt: null,
    error: null,
  };

  it("without a mail server, says its messages are kept for the record and not delivered, never 'waiting'", async () => {
    renderPage(Outbox, { messages: [message], total: 1, page: 1, mailConfigured: false });
    const table = await screen.findByRole("table", { name: "Messages, newest first" });
    expect(within(table).getByText("Not sent")).toHaveAttribute(
      "title",
      "Kept for the record; not delivered: no mail server was set up",
    );
    expect(table).toHaveTextContent("22 Nov 2026, 10:00 UTC");
    expect(screen.getByText(/kept for the record only and will not be delivered later/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/waiting/i);
  });

  it("with a mail server, shows when each message was sent", async () => {
    renderPage(Outbox, {
      messages: [{ ...message, sentAt: "2026-11-22T10:00:05.000Z" }],
      total: 1,
      page: 1,
      mailConfigured: true,
    });
    expect(await screen.findByText("Sent 22 Nov 2026, 10:00 UTC")).toBeInTheDocument();
    expect(screen.queryByText(/not set up/)).toBeNull();
  });
});
