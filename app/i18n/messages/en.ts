/**
 * English messages of the employee-facing pages. Every other locale has exactly these keys
 * (checked by the type system and by tests/unit/i18n.test.ts). `{name}` marks a value filled in.
 */
export const en = {
  "language.label": "Language",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
