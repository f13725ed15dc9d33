import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { sharedLink } from "~/domain/links";
import { roundStatus } from "~/domain/round-status";
import { formatUtc } from "~/domain/utc-time";
import { LOCALES, LOCALE_NAMES, LOCALE_TAGS, type Locale } from "~/i18n/locales";
import { getRoundPoster } from "~/models/rounds.server";
import { requireAdmin } from "~/pages/auth.server";
import { conflict, notFound } from "~/utils/http.server";
import { requireId } from "~/utils/params.server";
import { publicOrigin } from "~/utils/public-url.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Poster: ${data?.name ?? "round"} · Candor` }];

/** The call to action in every language of the survey, for a workforce that reads several. */
const SCAN: Record<Locale, string> = {
  en: "Scan to answer anonymously",
  zh: "扫码匿名作答",
  uk: "Скануйте, щоб відповісти анонімно",
  pl: "Zeskanuj, aby odpowiedzieć anonimowo",
  bg: "Сканирайте, за да отговорите анонимно",
  ru: "Отсканируйте, чтобы ответить анонимно",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const round = await getRoundPoster(requireId(params, "roundId"));
  if (!round) throw notFound("There is no such round.");
  if (!round.sharedKey) throw notFound("This round has no shared link. Create one on the round's page first.");
  if (roundStatus(round) === "closed") throw conflict("This round is closed: its shared link no longer works.");
  const link = sharedLink(publicOrigin(request), round.sharedKey);
  // Drawn on the server as SVG: sharp at any print size, and no script needed.
  const qr = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 0 });
  return { id: round.id, name: round.name, k: round.k, closesAt: round.closesAt, link, qr };
}

export default function Poster() {
  const { id, name, k, closesAt, link, qr } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print poster-tools">
        <Link to={`/hr/rounds/${id}`}>Back to the round</Link>
        <p className="muted small">Print this page (Ctrl+P or ⌘P) and put it up where people pass by.</p>
      </div>
      <article className="poster" aria-labelledby="poster-title">
        <p className="poster-kicker">Anonymous survey</p>
        <h1 id="poster-title">{name}</h1>
        <p className="poster-lead">Tell us what you think. It takes about two minutes.</p>
        <div
          className="poster-qr"
          role="img"
          aria-label={`QR code for ${link}`}
          dangerouslySetInnerHTML={{ __html: qr }}
        />
        <p className="poster-url">{link}</p>
        <ol className="poster-steps">
          <li>Scan the code with your phone's camera, or type the address above.</li>
          <li>Choose your department and role, then answer.</li>
          <li>Nobody can see who answered what. Results are only shown for groups of at least {k} people.</li>
        </ol>
        <p className="poster-until">Open until {formatUtc(closesAt)}.</p>
        <ul className="poster-languages">
          {LOCALES.map((locale) => (
            <li key={locale} lang={LOCALE_TAGS[locale]}>
              {SCAN[locale]} <span className="muted">({LOCALE_NAMES[locale]})</span>
            </li>
          ))}
        </ul>
      </article>
    </>
  );
}
