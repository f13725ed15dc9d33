import { beforeEach, describe, expect, it } from "vitest";
import {
  ANONYMOUS_FAILURE,
  deliver,
  listOutbox,
  mailIsConfigured,
  type Mailer,
  type OutgoingMessage,
} from "~/models/outbox.server";
import { prisma } from "~/utils/db.server";

describe("deliver without SMTP", () => {
  it("keeps messages in the outbox, without their personal links", async () => {
    expect(mailIsConfigured()).toBe(false);
    const result = await deliver([
      {
        kind: "INVITATION",
        to: "ana@example.com",
        subject: "Your survey",
        text: "Answer here: http://candor.test/a/SECRETTOKEN",
        keptText: "Answer here: [personal link]",
      },
      {
        kind: "REMINDER",
        to: "bo@example.com",
        keptTo: "someone who has not answered yet",
        subject: "Reminder",
        text: "Please answer",
      },
      {
        kind: "REMINDER",
        to: "cy@example.com",
        keptTo: "someone who has not answered yet",
        subject: "Reminder",
        text: "Please answer",
      },
    ]);
    // The two reminders are kept as one row: their number would tell how many had not answered.
    expect(result).toEqual({ sent: 0, kept: 2, failed: 0 });
    const { messages } = await listOutbox({ page: 1, pageSize: 10 });
    expect(messages.map((m) => [m.to, m.body, m.sentAt])).toEqual([
      ["someone who has not answered yet", "Please answer", null],
      ["ana@example.com", "Answer here: [personal link]", null],
    ]);
    expect(JSON.stringify(messages)).not.toContain("SECRETTOKEN");
    expect(JSON.stringify(messages)).not.toContain("bo@example.com");
    expect(JSON.stringify(messages)).not.toContain("cy@example.com");
  });
});

/** A mail server that accepts some recipients and rejects the rest in its own words. */
function mailerRejecting(...rejected: string[]): Mailer {
  return {
    sendMail: async (mail: { to?: unknown }) => {
      const to = String(mail.to);
      if (rejected.includes(to))
        throw new Error(
          `Can't send mail - all recipients were rejected: 550 5.1.1 <${to}>: Recipient address rejected`,
        );
      return { messageId: `<${to}>` };
    },
  } as Mailer;
}

const reminder = (to: string): OutgoingMessage => ({
  kind: "REMINDER",
  to,
  keptTo: "someone who has not answered yet",
  subject: "Reminder",
  text: "Please answer",
});

describe("deliver when the mail server rejects some recipients", () => {
  beforeEach(() => prisma.outboxMessage.deleteMany());

  it("keeps a failed reminder with a generic error that names nobody", async () => {
    const result = await deliver(
      [reminder("bo@example.com"), reminder("cy@example.com"), reminder("di@example.com")],
      mailerRejecting("bo@example.com", "cy@example.com"),
    );
    expect(result).toMatchObject({ sent: 1, failed: 2, kept: 2 });
    const { messages } = await listOutbox({ page: 1, pageSize: 10 });
    const reminders = messages.filter((m) => m.kind === "REMINDER");
    expect(reminders.map((m) => [m.to, m.sentAt !== null, m.error]).sort()).toEqual([
      ["someone who has not answered yet", false, ANONYMOUS_FAILURE],
      ["someone who has not answered yet", true, null],
    ]);
    for (const address of ["bo@example.com", "cy@example.com", "di@example.com"]) {
      expect(JSON.stringify(messages)).not.toContain(address);
    }
  });

  it("keeps the same batch rows whether one reminder failed or several", async () => {
    const keptRows = async (rejected: string[]) => {
      await prisma.outboxMessage.deleteMany();
      await deliver(
        [reminder("bo@example.com"), reminder("cy@example.com"), reminder("di@example.com")],
        mailerRejecting(...rejected),
      );
      const rows = await prisma.outboxMessage.findMany({
        select: { kind: true, to: true, subject: true, body: true, error: true },
      });
      return rows.sort((a, b) => String(a.error).localeCompare(String(b.error)));
    };
    expect(await keptRows(["cy@example.com"])).toEqual(await keptRows(["bo@example.com", "cy@example.com"]));
  });

  it("keeps the mail server's words for a message kept with its recipient", async () => {
    await deliver(
      [
        {
          kind: "INVITATION",
          to: "ana@example.com",
          subject: "Your survey",
          text: "Answer here",
          keptText: "Answer here",
        },
      ],
      mailerRejecting("ana@example.com"),
    );
    const { messages } = await listOutbox({ page: 1, pageSize: 1 });
    expect(messages[0]).toMatchObject({ to: "ana@example.com", sentAt: null });
    expect(messages[0].error).toContain("Recipient address rejected");
  });
});
