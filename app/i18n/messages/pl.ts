import type { Messages } from "./en";

export const pl = {
  "language.label": "Język",
} satisfies Messages;
