import type { Messages } from "./en";

export const bg = {
  "language.label": "Език",
} satisfies Messages;
