import type { AddedBeforeLaunch } from "~/domain/added-before-launch";
import { formatNps, formatShare, heatLevel } from "~/domain/group-figures";
import type { ScoreName } from "~/domain/round-status";
import { useFastLinks } from "./fast-links";
import { formatInterval, formatRate } from "./format";
import { Withheld } from "./withheld";

export interface RowFigures {
  responses: number;
  rate: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  shares: { promoters: number; passives: number; detractors: number };
  nps: number;
  low: number;
  high: number;
}

export interface BreakdownRow {
  key: string;
  name: string;
  /** Null when withheld: the row then shows the label and no number at all. */
  figures: RowFigures | null;
  /** Where "Details" leads (the page focused on this group); none in print. */
  detailsHref?: string;
  /** Where "Create action" leads; none in print. */
  actionHref?: string;
  /** People added to the directory just before the launch, among those invited to the group. */
  addedBeforeLaunch?: AddedBeforeLaunch | null;
}

/** "3 of these 5 people were added just before the launch." */
export function addedBeforeLaunchText({ added, invited }: AddedBeforeLaunch): string {
  return added === 1
    ? `1 of these ${invited} people was added just before the launch.`
    : `${added} of these ${invited} people were added just before the launch.`;
}

/**
 * Under a group's name: a group that holds people added to the directory just before the launch
 * could hold people made up to answer in someone's name, which the reader should know.
 */
export function AddedBeforeLaunchNote({ added }: { added: AddedBeforeLaunch | null | undefined }) {
  if (!added) return null;
  return (
    <span className="added-note small block" aria-describedby="added-note">
      {addedBeforeLaunchText(added)}
    </span>
  );
}

/** What "added just before the launch" means, once per page. */
export function AddedBeforeLaunchFootnote({ days }: { days: number }) {
  return (
    <p className="footnote" id="added-note">
      Added just before the launch: added to the directory in the {days} days before the round was launched. People made
      up to answer in someone else's name would be among them, so read such a group's figures with care.
    </p>
  );
}

const FIGURE_COLUMNS = 7;

function Count({ count, share }: { count: number; share: number }) {
  return (
    <>
      {count} <span className="muted small">({formatShare(share)})</span>
    </>
  );
}

/** One breakdown (departments or roles) as a table, each score coloured by its level. */
export function BreakdownTable({
  caption,
  groupLabel,
  rows,
  measure = "eNPS",
}: {
  caption: string;
  groupLabel: string;
  rows: BreakdownRow[];
  measure?: ScoreName;
}) {
  const withLinks = rows.some((row) => row.detailsHref || row.actionHref);
  const followLink = useFastLinks();
  return (
    // A delegated click: Enter on a link inside fires it too, so keyboards need nothing more.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div className="table-wrap" onClick={followLink}>
      <table className="breakdown">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {/* The score first, by the name: on a phone both stay in view without scrolling. */}
            <th scope="col" className="num">
              {measure}
            </th>
            <th scope="col" className="num">
              95% interval
            </th>
            <th scope="col" className="num">
              Responses
            </th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              Promoters
            </th>
            <th scope="col" className="num">
              Passives
            </th>
            <th scope="col" className="num">
              Detractors
            </th>
            {withLinks ? (
              <th scope="col">
                <span className="visually-hidden">Links</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.name}
                <AddedBeforeLaunchNote added={row.addedBeforeLaunch} />
              </th>
              {row.figures ? (
                <>
                  <td className={`num heat heat-${heatLevel(row.figures.nps)}`}>{formatNps(row.figures.nps)}</td>
                  <td className="num">{formatInterval(row.figures.low, row.figures.high)}</td>
                  <td className="num">{row.figures.responses}</td>
                  <td className="num">{formatRate(row.figures.rate)}</td>
                  <td className="num">
                    <Count count={row.figures.promoters} share={row.figures.shares.promoters} />
                  </td>
                  <td className="num">
                    <Count count={row.figures.passives} share={row.figures.shares.passives} />
                  </td>
                  <td className="num">
                    <Count count={row.figures.detractors} share={row.figures.shares.detractors} />
                  </td>
                </>
              ) : (
                <td colSpan={FIGURE_COLUMNS} aria-describedby="withheld-note">
                  <Withheld />
                </td>
              )}
              {withLinks ? (
                <td className="row-links">
                  {row.figures && row.detailsHref ? (
                    <a href={row.detailsHref} aria-label={`Details of ${row.name}`}>
                      Details
                    </a>
                  ) : null}
                  {row.figures && row.actionHref ? (
                    <a href={row.actionHref} aria-label={`Create action for ${row.name}`}>
                      Create action
                    </a>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface CrossCell {
  key: string;
  departmentId: string;
  roleId: string;
  /** Null when withheld. */
  figures: { nps: number; responses: number } | null;
  addedBeforeLaunch?: AddedBeforeLaunch | null;
}

/**
 * Department x role as a grid: each cell's eNPS and responses, coloured by level, or the
 * withheld label; a dash where nobody of that department and role was invited.
 */
export function CrossTable({
  departments,
  roles,
  cells,
  detailsHref,
  measure = "eNPS",
}: {
  departments: { id: string; name: string }[];
  roles: { id: string; name: string }[];
  cells: CrossCell[];
  /** Where a shown cell's figure leads; plain figures without it (print). */
  detailsHref?: (key: string) => string;
  measure?: ScoreName;
}) {
  const byPair = new Map(cells.map((c) => [`${c.departmentId}|${c.roleId}`, c]));
  const followLink = useFastLinks();
  return (
    // A delegated click: Enter on a link inside fires it too, so keyboards need nothing more.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div className="table-wrap" onClick={followLink}>
      <table className="cross">
        <caption className="visually-hidden">{measure} by department and role</caption>
        <thead>
          <tr>
            <th scope="col">Department</th>
            {roles.map((role) => (
              <th scope="col" key={role.id} className="num">
                {role.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {departments.map((department) => (
            <tr key={department.id}>
              <th scope="row">{department.name}</th>
              {roles.map((role) => {
                const cell = byPair.get(`${department.id}|${role.id}`);
                if (!cell) {
                  return (
                    <td key={role.id} className="num muted">
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">Nobody invited</span>
                    </td>
                  );
                }
                if (!cell.figures) {
                  return (
                    <td key={role.id} className="num" aria-describedby="withheld-note">
                      <Withheld />
                      <AddedBeforeLaunchNote added={cell.addedBeforeLaunch} />
                    </td>
                  );
                }
                const nps = formatNps(cell.figures.nps);
                const figure = (
                  <>
                    <span className="cross-nps">{nps}</span>
                    <span className="cross-n">n = {cell.figures.responses}</span>
                  </>
                );
                return (
                  <td key={role.id} className={`num heat heat-${heatLevel(cell.figures.nps)}`}>
                    {detailsHref ? (
                      <a
                        href={detailsHref(cell.key)}
                        aria-label={`${department.name} / ${role.name}: ${measure} ${nps}, ${cell.figures.responses} responses. Details`}
                      >
                        {figure}
                      </a>
                    ) : (
                      figure
                    )}
                    <AddedBeforeLaunchNote added={cell.addedBeforeLaunch} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
