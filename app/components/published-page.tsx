import type { ActionStatus } from "~/domain/action-items";
import type { Verdict } from "~/domain/nps-statistics";
import type { MessageKey } from "~/i18n/messages/en";
import type { Translate } from "~/i18n/translate";
import type {
  ActionView,
  AddedView,
  GroupView,
  PublishedView,
  RoundView,
  ScoreView,
} from "~/pages/published-page.server";

const STATUS_KEYS: Record<ActionStatus, MessageKey> = {
  PLANNED: "status.PLANNED",
  IN_PROGRESS: "status.IN_PROGRESS",
  DONE: "status.DONE",
  CANCELLED: "status.CANCELLED",
};

function ScoreDetails({ score, t }: { score: ScoreView; t: Translate }) {
  return (
    <span className="small muted">
      {t("published.score.range", { low: score.low, high: score.high })} ·{" "}
      {t("published.score.answers", { count: score.answers })}
    </span>
  );
}

/**
 * People added to the directory just before a launch could be made up to answer in someone's
 * name; whoever reads a figure should know how many such people it holds.
 */
function AddedNote({ added, t }: { added: AddedView | null; t: Translate }) {
  if (!added) return null;
  return <span className="added-note small block">{t("published.added", { ...added })}</span>;
}

const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  change: "published.change.significant",
  noise: "published.change.noise",
  "too-few": "published.change.tooFew",
};

function Change({ round, t }: { round: RoundView; t: Translate }) {
  if (!round.change) return null;
  const { delta, verdict, since } = round.change;
  return (
    <p className={verdict === "change" ? "change-significant" : "muted"}>
      {t(VERDICT_KEYS[verdict], { delta, round: since })}
    </p>
  );
}

function LatestRound({ round, t }: { round: RoundView; t: Translate }) {
  return (
    <article className="card" aria-labelledby="latest-round">
      <h3 id="latest-round">{round.name}</h3>
      <p className="small muted">{t("published.round.closed", { date: round.closed })}</p>
      {round.score ? (
        <>
          <p className="published-score">
            <span className="stat">{round.score.nps}</span>{" "}
            <span className="stat-label">{t("published.score.label")}</span>
          </p>
          <p>
            <ScoreDetails score={round.score} t={t} />
            <AddedNote added={round.added} t={t} />
          </p>
          <Change round={round} t={t} />
        </>
      ) : (
        <p className="suppressed">{t("published.withheld", { k: round.k })}</p>
      )}
      <p className="small muted">{t("published.enps.about")}</p>
      {round.score ? <p className="small muted">{t("published.score.meaning")}</p> : null}
    </article>
  );
}

function GroupList({ heading, groups, t }: { heading: string; groups: GroupView[]; t: Translate }) {
  if (groups.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul className="published-groups">
        {groups.map((group) => (
          <li key={group.name}>
            <span className="published-group-name">{group.name}</span>
            <span className="published-group-score">
              <strong>
                {group.score.nps} <span className="visually-hidden">{t("published.score.label")}</span>
              </strong>
              <ScoreDetails score={group.score} t={t} />
              <AddedNote added={group.added} t={t} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Groups({ view, k, t }: { view: PublishedView; k: number; t: Translate }) {
  const none = view.departments.length === 0 && view.roles.length === 0;
  return (
    <section className="card" aria-labelledby="groups-heading">
      <h3 id="groups-heading">{t("published.groups.heading")}</h3>
      {none ? <p>{t("published.groups.none")}</p> : null}
      <GroupList heading={t("published.groups.departments")} groups={view.departments} t={t} />
      <GroupList heading={t("published.groups.roles")} groups={view.roles} t={t} />
      <p className="small muted">{t("published.groups.note", { k })}</p>
      {none ? null : <p className="small muted">{t("published.score.meaning")}</p>}
    </section>
  );
}

function EarlierRounds({ rounds, t }: { rounds: RoundView[]; t: Translate }) {
  if (rounds.length === 0) return null;
  return (
    <section className="card" aria-labelledby="earlier-heading">
      <h3 id="earlier-heading">{t("published.earlier.heading")}</h3>
      <ol className="published-rounds">
        {rounds.map((round) => (
          <li key={round.id}>
            <p className="published-round-head">
              <strong>{round.name}</strong>{" "}
              <span className="small muted">{t("published.round.closed", { date: round.closed })}</span>
            </p>
            {round.score ? (
              <p>
                {t("published.score.label")} <strong>{round.score.nps}</strong> ·{" "}
                <ScoreDetails score={round.score} t={t} />
              </p>
            ) : (
              <p className="suppressed">{t("published.withheld", { k: round.k })}</p>
            )}
            <Change round={round} t={t} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The headline results of the latest closed periodic rounds. */
export function PublishedResults({ view, t }: { view: PublishedView; t: Translate }) {
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t("published.results.heading")}</h2>
      {view.latest ? (
        <>
          <LatestRound round={view.latest} t={t} />
          {view.latest.score ? <Groups view={view} k={view.latest.k} t={t} /> : null}
          <EarlierRounds rounds={view.earlier} t={t} />
        </>
      ) : (
        <p className="empty-state">{t("published.results.empty")}</p>
      )}
    </section>
  );
}

function PublishedAction({ item, t }: { item: ActionView; t: Translate }) {
  const context = [item.round ? t("published.action.after", { round: item.round }) : null, ...item.groups].filter(
    Boolean,
  );
  return (
    <li className="card published-action">
      <h4>{item.title}</h4>
      {context.length > 0 ? <p className="small muted">{context.join(" · ")}</p> : null}
      <p className="small">{t("published.action.deadline", { date: item.deadline })}</p>
      {item.note ? (
        <div className="published-note">
          <p className="small muted">{t("published.action.latest", { date: item.note.date })}</p>
          <p className="prewrap">{item.note.body}</p>
        </div>
      ) : (
        <p className="small muted">{t("published.action.noUpdate")}</p>
      )}
    </li>
  );
}

/** The action items HR published, grouped by status. */
export function PublishedActions({ view, t }: { view: PublishedView; t: Translate }) {
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("published.actions.heading")}</h2>
      {view.actions.length === 0 ? (
        <p className="empty-state">{t("published.actions.empty")}</p>
      ) : (
        view.actions.map((group) => (
          <section key={group.status} aria-labelledby={`status-${group.status}`}>
            <h3 id={`status-${group.status}`}>
              {t(STATUS_KEYS[group.status])} <span className="muted">({group.items.length})</span>
            </h3>
            <ul className="published-actions">
              {group.items.map((item) => (
                <PublishedAction key={item.id} item={item} t={t} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
