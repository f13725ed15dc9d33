import { DEFAULT_LOCALE, type Locale } from "./locales";
import { bg } from "./messages/bg";
import { en, type MessageKey } from "./messages/en";
import { pl } from "./messages/pl";
import { ru } from "./messages/ru";
import { uk } from "./messages/uk";
import { zh } from "./messages/zh";

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, zh, uk, pl, bg, ru };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translator for one locale: fills `{name}` placeholders, falls back to English. */
export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale] ?? MESSAGES[DEFAULT_LOCALE];
  return (key, values) => {
    const template = messages[key] ?? en[key];
    return values
      ? template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match))
      : template;
  };
}
