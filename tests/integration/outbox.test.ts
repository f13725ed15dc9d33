import { beforeEach, describe, expect, it } from "vitest";
import { deliver, listOutbox, mailIsConfigured, type Mailer } from "~/models/outbox.server";
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
    ]);
    expect(result).toEqual({ sent: 0, kept: 1, failed: 0 });
    const { messages } = await listOutbox({ page: 1, pageSize: 10 });
    expect(messages.map((m) => [m.to, m.body, m.sentAt])).toEqual([
      ["ana@example.com", "Answer here: [personal link]", null],
    ]);
    expect(JSON.stringify(messages)).not.toContain("SECRETTOKEN");
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

describe("deliver when the mail server rejects some recipients", () => {
  beforeEach(() => prisma.outboxMessage.deleteMany());

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
