import type { Messages } from "./en";

export const uk = {
  "language.label": "Мова",
} satisfies Messages;
