/**
 * Words that follow a number, in the forms a language needs: English has one and other,
 * Ukrainian, Russian and Polish also few and many. `#` in a form stands for the number.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The HR pages are in English for now; they pass this so that other languages can follow. */
export const HR_LOCALE = "en";

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/** The form of `forms` that `count` takes in `locale`, with `#` replaced by the number. */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const form = forms[rulesFor(locale).select(count)] ?? forms.other;
  return form.replaceAll("#", String(count));
}
