import { z } from "zod";
import { toCsv } from "./csv";
import { HR_LOCALE, plural } from "./plural";
import { optionalText, requiredText } from "./text";
import { formatDay } from "./utc-time";

/**
 * Action items: what was decided after a round, who owns it and by when. Pure rules shared by
 * the model, the pages, the CSV export and the digest mail.
 */

export const ACTION_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  CANCELLED: "Cancelled",
};

export const OPEN_STATUSES: readonly ActionStatus[] = ["PLANNED", "IN_PROGRESS"];

export function isActionStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Done and cancelled items ask nothing more of their owner. */
export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function statusLabel(status: string): string {
  return isActionStatus(status) ? ACTION_STATUS_LABELS[status] : status;
}

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const NOTE_MAX = 4000;
export const DIGEST_WINDOW_DAYS = 7;

// ---------- days ----------
// A deadline is a calendar day, stored as midnight UTC of that day. "Today" is the server's own
// calendar day (set TZ to the company's time zone), so an item becomes overdue the morning after
// its deadline wherever the server runs.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** True for a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The server's calendar day at `now`. */
export function todayOf(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The stored form of a deadline day. */
export function deadlineOn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function dayOfDeadline(deadline: Date): string {
  return deadline.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = deadlineOn(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOfDeadline(date);
}

/** The start and end of the server's calendar day at `now`. */
export function dayBounds(now: Date): { start: Date; end: Date } {
  return {
    start: new Date(now.getFullYear(), now.getMonth(), now.getDate()),
    end: new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1),
  };
}

/** "31 May 2026, 14:05" in the server's time zone, for the history of notes. */
export function formatMoment(moment: Date): string {
  return `${formatDay(todayOf(moment))}, ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

// ---------- overdue and the digest ----------

export interface Dated {
  deadline: Date;
  status: string;
}

/** Overdue: still open, and its deadline day is before today (due today is not overdue yet). */
export function isOverdue(item: Dated, today: string): boolean {
  return isOpenStatus(item.status) && dayOfDeadline(item.deadline) < today;
}

/** In an owner's digest: still open, and overdue or due within the next seven days. */
export function isDueForDigest(item: Dated, today: string): boolean {
  return isOpenStatus(item.status) && dayOfDeadline(item.deadline) <= addDays(today, DIGEST_WINDOW_DAYS);
}

export interface DigestItem extends Dated {
  id: string;
  title: string;
  ownerId: string;
}

export interface OwnerDigest<T extends DigestItem> {
  ownerId: string;
  overdue: T[];
  dueSoon: T[];
}

const byDeadline = (a: DigestItem, b: DigestItem) =>
  a.deadline.getTime() - b.deadline.getTime() || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/** One digest per owner with anything due: overdue items first, then those due within 7 days. */
export function selectDigests<T extends DigestItem>(items: readonly T[], today: string): OwnerDigest<T>[] {
  const byOwner = new Map<string, OwnerDigest<T>>();
  for (const item of [...items].sort(byDeadline)) {
    if (!isDueForDigest(item, today)) continue;
    const digest = byOwner.get(item.ownerId) ?? { ownerId: item.ownerId, overdue: [], dueSoon: [] };
    (isOverdue(item, today) ? digest.overdue : digest.dueSoon).push(item);
    byOwner.set(item.ownerId, digest);
  }
  return [...byOwner.values()].sort((a, b) => a.ownerId.localeCompare(b.ownerId));
}

/** Text that came from a form, on one line, so it cannot add lines of its own to a mail. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The digest mail, as plain text: titles are never read as markup. */
export function digestMessage(
  digest: OwnerDigest<DigestItem>,
  { ownerName, baseUrl }: { ownerName: string; baseUrl?: string },
): { subject: string; text: string } {
  const parts = [
    digest.overdue.length > 0
      ? `${plural(HR_LOCALE, digest.overdue.length, { one: "# action is", other: "# actions are" })} overdue`
      : "",
    digest.dueSoon.length > 0
      ? `${plural(HR_LOCALE, digest.dueSoon.length, { one: "# action is", other: "# actions are" })} due within ${DIGEST_WINDOW_DAYS} days`
      : "",
  ].filter(Boolean);
  const link = (path: string) => (baseUrl ? `\n  ${baseUrl.replace(/\/$/, "")}${path}` : "");
  const section = (heading: string, items: DigestItem[]) =>
    items.length === 0
      ? []
      : [
          heading,
          ...items.map(
            (item) =>
              `- ${oneLine(item.title)} (due ${formatDay(dayOfDeadline(item.deadline))}, ${statusLabel(item.status).toLowerCase()})${link(`/hr/actions/${item.id}`)}`,
          ),
          "",
        ];
  const text = [
    `Hello ${oneLine(ownerName)},`,
    "",
    `${parts.join(", and ")}.`,
    "",
    ...section("Overdue:", digest.overdue),
    ...section(`Due within ${DIGEST_WINDOW_DAYS} days:`, digest.dueSoon),
    "Add a progress note when something moves, so everyone can follow what was done.",
    baseUrl ? `All your actions:${link(`/hr/actions?owner=${digest.ownerId}&status=OPEN`)}` : "",
  ]
    .join("\n")
    .trimEnd();
  return { subject: `Candor: ${parts.join(", ")}`, text: `${text}\n` };
}

// ---------- forms ----------

const idOrNone = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => (value ? value : null));

const titleField = z.string({ error: "Title is required." }).transform(oneLine).pipe(requiredText("Title", TITLE_MAX));

const deadlineField = z
  .string({ error: "Enter a deadline." })
  .trim()
  .min(1, { message: "Enter a deadline.", abort: true })
  .refine(isDay, { message: "Enter the deadline as a date, like 2026-05-31.", abort: true });

export const DEADLINE_IN_PAST = "The deadline cannot be in the past.";

const actionFields = z.object({
  title: titleField,
  description: optionalText("Description", DESCRIPTION_MAX),
  ownerId: z.string({ error: "Choose an owner." }).trim().min(1, "Choose an owner."),
  deadline: deadlineField,
  roundId: idOrNone,
  departmentId: idOrNone,
  roleId: idOrNone,
  trainingId: idOrNone,
});

export type ActionInput = z.infer<typeof actionFields>;

/** A deadline may not be set in the past; an existing one that has passed may stay as it is. */
export function deadlineAllowed(deadline: string, today: string, current?: string): boolean {
  return deadline >= today || deadline === current;
}

export function newActionSchema(today: string) {
  return actionFields.extend({
    deadline: deadlineField.refine((day) => deadlineAllowed(day, today), DEADLINE_IN_PAST),
  });
}

export function editActionSchema(today: string, currentDeadline: string) {
  return actionFields.extend({
    deadline: deadlineField.refine((day) => deadlineAllowed(day, today, currentDeadline), DEADLINE_IN_PAST),
  });
}

export const actionNoteSchema = z.object({
  body: requiredText("Note", NOTE_MAX),
  status: z
    .union([z.literal(""), z.enum(ACTION_STATUSES)], { error: "Choose a status from the list." })
    .optional()
    .transform((value) => (value ? value : null)),
});

export type ActionNoteInput = z.infer<typeof actionNoteSchema>;

// ---------- the list's filters ----------

export const STATUS_FILTERS = ["", "OPEN", ...ACTION_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const filterId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{0,64}$/)
  .catch("")
  .default("");

/** The list's query string. A value that makes no sense is dropped rather than refused. */
export const actionFilterSchema = z.object({
  owner: filterId,
  status: z.enum(STATUS_FILTERS).catch("").default(""),
  department: filterId,
  round: filterId,
  overdue: z
    .string()
    .optional()
    .transform((value) => value === "1" || value === "on"),
});

export type ActionFilter = z.infer<typeof actionFilterSchema>;

export function parseActionFilter(params: URLSearchParams): ActionFilter {
  return actionFilterSchema.parse({
    owner: params.get("owner") ?? undefined,
    status: params.get("status") ?? undefined,
    department: params.get("department") ?? undefined,
    round: params.get("round") ?? undefined,
    overdue: params.get("overdue") ?? undefined,
  });
}

export function isFiltered(filter: ActionFilter): boolean {
  return (
    filter.owner !== "" || filter.status !== "" || filter.department !== "" || filter.round !== "" || filter.overdue
  );
}

/** The list's query string for a filter, so the CSV link exports exactly what is shown. */
export function filterQuery(filter: ActionFilter): string {
  const params = new URLSearchParams();
  for (const key of ["owner", "status", "department", "round"] as const) if (filter[key]) params.set(key, filter[key]);
  if (filter.overdue) params.set("overdue", "1");
  const query = params.toString();
  return query ? `?${query}` : "";
}

// ---------- links from other pages ----------

export interface ActionPrefill {
  roundId?: string | null;
  departmentId?: string | null;
  roleId?: string | null;
  trainingId?: string | null;
}

/** The "new action" page prefilled with a round and a group, e.g. from a results page. */
export function newActionHref(prefill: ActionPrefill): string {
  const params = new URLSearchParams();
  for (const key of ["roundId", "departmentId", "roleId", "trainingId"] as const) {
    const value = prefill[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/hr/actions/new?${query}` : "/hr/actions/new";
}

// ---------- CSV ----------

export interface ActionExportRow extends Dated {
  title: string;
  description: string;
  published: boolean;
  owner: { name: string; email: string };
  department: { name: string } | null;
  role: { name: string } | null;
  training: { title: string } | null;
  round: { name: string } | null;
  latestNote: string | null;
}

export const ACTION_CSV_HEADER = [
  "Title",
  "Status",
  "Deadline",
  "Overdue",
  "Owner",
  "Owner e-mail",
  "Department",
  "Role",
  "Training",
  "Round",
  "Published",
  "Description",
  "Latest note",
] as const;

/** The list as CSV; every text cell goes through toCsv, which keeps formulas from running. */
export function actionsCsv(rows: readonly ActionExportRow[], today: string): string {
  return toCsv(
    ACTION_CSV_HEADER,
    rows.map((row) => [
      row.title,
      statusLabel(row.status),
      dayOfDeadline(row.deadline),
      isOverdue(row, today) ? "yes" : "no",
      row.owner.name,
      row.owner.email,
      row.department?.name,
      row.role?.name,
      row.training?.title,
      row.round?.name,
      row.published ? "yes" : "no",
      row.description,
      row.latestNote,
    ]),
  );
}
