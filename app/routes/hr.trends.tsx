import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TrendChart } from "~/components/charts";
import { EmptyState, PageHeader } from "~/components/page";
import { formatInterval } from "~/components/results/format";
import { Withheld, WithheldFootnote } from "~/components/results/withheld";
import { changesFootnote, describeChange, explainChange, intervalsMeaning } from "~/components/statistics-words";
import { departmentKey, OVERALL_KEY, roleKey } from "~/domain/anonymity";
import { EVERYONE, formatNps } from "~/domain/group-figures";
import { formatDay } from "~/domain/utc-time";
import { listGroups } from "~/models/org-groups.server";
import { getTrend, type GroupRef } from "~/models/results/index.server";
import { requireUser } from "~/pages/auth.server";
import { badRequest, withRefusals } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Trends · Candor" }];

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** "overall", "department:<id>" or "role:<id>" from the picker; 400 for anything else. */
function groupFrom(value: string | null, fallback: GroupRef): GroupRef {
  if (value === null || value === "") return fallback;
  if (value === OVERALL_KEY) return {};
  const [kind, id] = value.split(":");
  if (!id || !ID.test(id)) throw badRequest("Choose a group from the list.");
  if (kind === "department") return { departmentId: id };
  if (kind === "role") return { roleId: id };
  throw badRequest("Choose a group from the list.");
}

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request, ["ADMIN", "MANAGER"]);
    const own: GroupRef = user.role === "MANAGER" ? { departmentId: user.departmentId } : {};
    const group = groupFrom(new URL(request.url).searchParams.get("group"), own);
    const points = await getTrend(user, group);
    const [departments, roles] = await Promise.all([
      listGroups("department"),
      user.role === "ADMIN" ? listGroups("role") : [],
    ]);
    const visibleDepartments =
      user.role === "ADMIN" ? departments : departments.filter((d) => d.id === user.departmentId);
    const selected = group.departmentId
      ? departmentKey(group.departmentId)
      : group.roleId
        ? roleKey(group.roleId)
        : OVERALL_KEY;
    const name =
      (group.departmentId && departments.find((d) => d.id === group.departmentId)?.name) ||
      (group.roleId && roles.find((r) => r.id === group.roleId)?.name) ||
      EVERYONE;
    return {
      canPick: user.role === "ADMIN",
      selected,
      name,
      departments: visibleDepartments.map((d) => ({ key: departmentKey(d.id), name: d.name })),
      roles: roles.map((r) => ({ key: roleKey(r.id), name: r.name })),
      points,
    };
  });
}

export default function Trends() {
  const data = useLoaderData<typeof loader>();
  const query = data.selected === OVERALL_KEY ? "" : `?group=${encodeURIComponent(data.selected)}`;
  return (
    <>
      <PageHeader
        title="Trends"
        description="eNPS of each closed periodic round, with its 95% interval. A change is called clear only when chance alone would give one this large less than 1 time in 20."
      />
      {data.canPick ? (
        <Form method="get" className="filters" aria-label="Choose a group">
          <div className="field">
            <label htmlFor="group">Group</label>
            {/* Keyed, so that after a client-side visit the list shows the group in the URL. */}
            <select key={data.selected} id="group" name="group" defaultValue={data.selected}>
              <option value={OVERALL_KEY}>{EVERYONE}</option>
              <optgroup label="Departments">
                {data.departments.map((d) => (
                  <option key={d.key} value={d.key}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Roles">
                {data.roles.map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <button type="submit" className="secondary">
            Show
          </button>
        </Form>
      ) : (
        <p className="muted">Your department: {data.name}</p>
      )}
      {data.points.length === 0 ? (
        <EmptyState title="No closed periodic rounds yet">
          <p>The trend starts once the first periodic eNPS round has closed.</p>
        </EmptyState>
      ) : (
        <section className="card" aria-labelledby="trend-heading">
          <h2 id="trend-heading">eNPS over time · {data.name}</h2>
          {data.points.every((p) => !p.asked) ? (
            <p className="muted">
              None of these rounds invited anyone in {data.name}, so there is no figure to follow yet.
            </p>
          ) : data.points.every((p) => !p.score) ? (
            <p className="muted">
              Every round's figure for {data.name} is withheld: in none of them did enough people answer to show a score
              without pointing at someone. Their answers still count in the company's figures.
            </p>
          ) : (
            <TrendChart
              label={`eNPS over time, ${data.name}: ${data.points.map((p) => `${p.name} ${p.score ? formatNps(p.score.nps) : "withheld"}`).join(", ")}`}
              points={data.points.map((p) => ({
                label: p.name,
                nps: p.score?.nps ?? null,
                low: p.score?.low ?? null,
                high: p.score?.high ?? null,
              }))}
            />
          )}
          <div className="table-wrap chart-table">
            <table className="trend-table">
              <caption className="visually-hidden">eNPS per round, {data.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  <th scope="col">Closed</th>
                  <th scope="col" className="num">
                    eNPS
                  </th>
                  <th scope="col" className="num">
                    95% interval
                  </th>
                  <th scope="col" className="num">
                    Responses
                  </th>
                  <th scope="col">Change from the round before</th>
                </tr>
              </thead>
              <tbody>
                {data.points.map((p, index) => (
                  <tr key={p.roundId}>
                    <th scope="row">
                      <Link to={`/hr/rounds/${p.roundId}/results${query}`}>{p.name}</Link>
                    </th>
                    <td>{formatDay(p.closedOn)}</td>
                    {p.score ? (
                      <>
                        <td className="num">{formatNps(p.score.nps)}</td>
                        <td className="num">{formatInterval(p.score.low, p.score.high)}</td>
                        <td className="num">{p.score.n}</td>
                      </>
                    ) : (
                      <td colSpan={3} aria-describedby="withheld-note">
                        <Withheld />
                      </td>
                    )}
                    <td className={p.change?.verdict === "change" ? "change-significant" : undefined}>
                      {p.change ? (
                        <span title={explainChange(p.change)}>
                          {describeChange(p.change)}
                          <span className="visually-hidden">. {explainChange(p.change)}</span>
                        </span>
                      ) : index === 0 ? (
                        "No earlier round to compare with"
                      ) : (
                        "No comparison: a figure is withheld"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="footnote">
            {changesFootnote(
              data.points.map((p) => p.change),
              data.selected === OVERALL_KEY ? "The latest change of the whole company" : null,
            )}
          </p>
          <p className="footnote">{intervalsMeaning()}</p>
          <WithheldFootnote />
        </section>
      )}
    </>
  );
}
