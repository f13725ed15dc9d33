import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionFilters, ActionTable } from "~/components/action-list";
import { TextField } from "~/components/field";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { maySendDigests } from "~/domain/action-access";
import { DIGEST_WINDOW_DAYS, filterQuery, isFiltered, parseActionFilter } from "~/domain/action-items";
import { HR_LOCALE, plural } from "~/domain/plural";
import { sendActionDigests, type DigestRun } from "~/models/action-digest.server";
import { listActionFilterOptions, listActions } from "~/models/action-lists.server";
import { mailIsConfigured } from "~/models/outbox.server";
import { actorOf, requireAdmin, requireUser } from "~/pages/auth.server";
import { env } from "~/utils/env.server";
import { badRequest, readForm, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { pageFrom } from "~/utils/params.server";
import { publicOrigin } from "~/utils/public-url.server";

export const meta: MetaFunction = () => [{ title: "Action plans · Candor" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request);
    const url = new URL(request.url);
    const filter = parseActionFilter(url.searchParams);
    const page = pageFrom(url);
    const [{ items, total }, options] = await Promise.all([
      listActions(user, filter, { now: new Date(), page, pageSize: PAGE_SIZE }),
      listActionFilterOptions(user),
    ]);
    return {
      items,
      total,
      filter,
      page,
      options,
      showPublished: user.role === "ADMIN",
      canSendDigests: maySendDigests(user),
      publishedPageUrl: `${publicOrigin(request)}/you-said-we-did`,
    };
  });
}

function digestNotice(run: DigestRun): string {
  if (run.owners === 0) return `Nothing is overdue or due within ${DIGEST_WINDOW_DAYS} days, so no digest was needed.`;
  const count = (n: number) => plural(HR_LOCALE, n, { one: "# digest", other: "# digests" });
  const parts = [];
  if (run.queued > 0) {
    parts.push(
      mailIsConfigured()
        ? `${count(run.sent)} sent.`
        : `${count(run.queued)} put in the outbox (no mail server is set).`,
    );
  }
  if (run.failed > 0) parts.push(`${count(run.failed)} could not be sent; the outbox shows why.`);
  if (run.skipped > 0)
    parts.push(`${plural(HR_LOCALE, run.skipped, { one: "# owner", other: "# owners" })} already had today's digest.`);
  return parts.join(" ");
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const intent = (await readForm(request)).get("intent");
    if (intent !== "send-digests") throw badRequest("Unknown action.");
    const run = await sendActionDigests(new Date(), {
      baseUrl: env.PUBLIC_URL ?? new URL(request.url).origin,
      actor: actorOf(user),
    });
    return redirectWithNotice(request, "/hr/actions", digestNotice(run));
  });
}

export default function Actions() {
  const { items, total, filter, page, options, showPublished, canSendDigests, publishedPageUrl } =
    useLoaderData<typeof loader>();
  const sending = useNavigation().formData?.get("intent") === "send-digests";
  return (
    <>
      <PageHeader
        title="Action plans"
        description="What was decided after each round, who owns it and by when. Follow each item to done with progress notes."
        actions={
          <>
            <Link className="button" to="/hr/actions/new">
              New action
            </Link>
            <a className="button button-secondary" href={`/hr/actions.csv${filterQuery(filter)}`} download>
              Download CSV
            </a>
          </>
        }
      />
      <ActionFilters filter={filter} options={options} />
      {items.length === 0 ? (
        isFiltered(filter) ? (
          <EmptyState title="No action items match these filters">
            <Link to="/hr/actions">Clear the filters</Link>
          </EmptyState>
        ) : (
          <EmptyState title="No action items yet">
            <p>Turn a round's results into action: pick an owner and a deadline, then follow it to done.</p>
            <Link className="button" to="/hr/actions/new">
              New action
            </Link>
          </EmptyState>
        )
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {plural(HR_LOCALE, total, { one: "# action item", other: "# action items" })}
            {isFiltered(filter) ? (
              <>
                {" "}
                · <Link to="/hr/actions">Clear the filters</Link>
              </>
            ) : null}
          </p>
          <ActionTable items={items} showPublished={showPublished} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
        </>
      )}
      <section className="card share-card" aria-labelledby="share-heading">
        <h2 id="share-heading">"You said, we did" for employees</h2>
        <p className="muted">
          Employees open this page without signing in: the headline results of closed periodic rounds (only groups the
          anonymity rules show) and the items HR publishes, with their status and latest note, in their own language.
        </p>
        <TextField
          label="Link to share"
          name="published-page-url"
          value={publishedPageUrl}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          hint="Put it in a newsletter, on the intranet or on a poster."
        />
        <a href={publishedPageUrl}>Open the page</a>
      </section>
      {canSendDigests ? (
        <Form method="post" className="card digest-card">
          <h2>Reminders for owners</h2>
          <p className="muted">
            Each owner gets one e-mail listing their overdue items and those due within {DIGEST_WINDOW_DAYS} days.
            Owners who already got today's digest are skipped.
          </p>
          <button type="submit" name="intent" value="send-digests" className="secondary" disabled={sending}>
            {sending ? "Sending…" : "Send digests now"}
          </button>
        </Form>
      ) : null}
    </>
  );
}
