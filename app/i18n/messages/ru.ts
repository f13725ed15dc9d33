import type { Messages } from "./en";

export const ru = {
  "language.label": "Язык",
} satisfies Messages;
