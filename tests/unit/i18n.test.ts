import { describe, expect, it } from "vitest";
import { localeFor } from "~/i18n/locale.server";
import { LOCALES, negotiateLocale } from "~/i18n/locales";
import { en } from "~/i18n/messages/en";
import { MESSAGES, translator } from "~/i18n/translate";

describe("negotiateLocale", () => {
  it.each([
    ["uk-UA,uk;q=0.9,en;q=0.8", "uk"],
    ["zh-CN,zh;q=0.9", "zh"],
    ["de-DE,pl;q=0.7,en;q=0.5", "pl"],
    ["en;q=0.3,bg;q=0.9", "bg"],
    ["ru", "ru"],
    ["fr-FR,de", "en"],
    ["", "en"],
    ["uk;q=0,ru;q=0.5", "ru"],
    ["garbage;;;q=abc", "en"],
  ])("picks the best locale for %j", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("falls back to English without a header", () => {
    expect(negotiateLocale(null)).toBe("en");
  });
});

describe("messages", () => {
  it("exist in every locale for every English key, and are not left empty", () => {
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(MESSAGES[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("keep the same placeholders in every locale", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(en)) {
        expect(placeholders(MESSAGES[locale][key as keyof typeof en]), `${locale} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = translator("en");
    expect(t("language.label")).toBe("Language");
    expect(translator("uk")("language.label")).toBe("Мова");
    expect(t("survey.text.hint", { max: 2000 })).toBe("Up to 2000 characters. Please do not write names.");
    expect(t("survey.text.hint", { limit: 2000 })).toBe("Up to {max} characters. Please do not write names.");
    expect(t("survey.text.hint")).toBe("Up to {max} characters. Please do not write names.");
    expect(translator("uk")("error.tooLong", { max: 500 })).toContain("500");
    expect(translator("uk")("error.tooLong", { other: 500 })).toContain("{max}");
  });
});

describe("localeFor", () => {
  const request = (query: string, acceptLanguage = "pl-PL,pl;q=0.9") =>
    new Request(`http://candor.test/s/key${query}`, { headers: { "Accept-Language": acceptLanguage } });

  it("takes the language chosen on the page, in any case, over the browser's", () => {
    expect(localeFor(request("?lang=uk"))).toBe("uk");
    expect(localeFor(request("?lang=UK"))).toBe("uk");
    expect(localeFor(request("?lang=Zh"))).toBe("zh");
  });

  it("falls back to the browser's preference for an unknown or empty choice", () => {
    expect(localeFor(request("?lang=klingon"))).toBe("pl");
    expect(localeFor(request("?lang="))).toBe("pl");
    expect(localeFor(request(""))).toBe("pl");
  });
});
