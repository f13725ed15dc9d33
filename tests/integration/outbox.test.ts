import { describe, expect, it } from "vitest";
import { deliver, listOutbox, mailIsConfigured } from "~/models/outbox.server";

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
      { kind: "REMINDER", to: "bo@example.com", keptTo: "someone who has not answered yet", subject: "Reminder", text: "Please answer" },
      { kind: "REMINDER", to: "cy@example.com", keptTo: "someone who has not answered yet", subject: "Reminder", text: "Please answer" },
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
