import { useMemo } from "react";
import type { Messages, MessageKey } from "./messages/en";
import type { Translate } from "./translate";

/** A translator over the messages the loader sent for the page's locale. */
export function useTranslate(messages: Messages): Translate {
  return useMemo(
    () => (key: MessageKey, values?: Record<string, string | number>) => {
      const template = messages[key];
      return values
        ? template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match))
        : template;
    },
    [messages],
  );
}
