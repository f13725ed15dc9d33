import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";

/** The frame of every employee page: the name, the language switcher, the content. */
export function EmployeePage({ locale, t, children }: { locale: Locale; t: Translate; children: ReactNode }) {
  return (
    <div className="employee">
      {/* First in the page: past the six language links straight to the survey or the text. */}
      <a className="skip-link" href="#main">
        {t("skip.toContent")}
      </a>
      <header className="employee-header">
        <span className="employee-brand">Candor</span>
        <LanguageSwitcher current={locale} label={t("language.label")} />
      </header>
      <main id="main" className="employee-main">
        {children}
      </main>
    </div>
  );
}

/** Plain links, so switching language works without JavaScript and keeps the other parameters. */
function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const location = useLocation();
  const hrefFor = (locale: Locale) => {
    const params = new URLSearchParams(location.search);
    params.set("lang", locale);
    params.delete("saved");
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={label} className="language-switcher">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              to={hrefFor(locale)}
              lang={locale === "zh" ? "zh-Hans" : locale}
              aria-current={locale === current ? "true" : undefined}
              replace
            >
              {LOCALE_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page that only explains something (already answered, closed, not open, unknown link). */
export function EmployeeMessage({ heading, body, children }: { heading: string; body: string; children?: ReactNode }) {
  return (
    <section className="card employee-message" aria-labelledby="message-heading">
      <h1 id="message-heading">{heading}</h1>
      <p>{body}</p>
      {children}
    </section>
  );
}
