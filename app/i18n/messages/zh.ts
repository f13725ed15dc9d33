import type { Messages } from "./en";

export const zh = {
  "language.label": "语言",
} satisfies Messages;
