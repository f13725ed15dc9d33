import { followUpSeries, pickFollowUpRound } from "~/domain/action-outcome";
import { cellKey, departmentKey, OVERALL_KEY, roleKey, type GroupKind } from "~/domain/anonymity";
import type { FrequentTerms } from "~/domain/frequent-words";
import { EVERYONE, type GroupFigures, type RatingFigures } from "~/domain/group-figures";
import type { Category } from "~/domain/nps";
import type { NpsChange, NpsEstimate } from "~/domain/nps-statistics";
import type { CsvComment } from "~/domain/results-csv";
import { closingTime, roundStatus, type RoundStatus } from "~/domain/round-status";
import { changesAlong } from "~/domain/trend";
import { prisma } from "~/utils/db.server";
import { closedRoundComments, commentsOfGroup, termsOfGroup } from "./results-comments.server";
import { closedRoundFacts, gateFacts, type RoundFacts, type RoundRow } from "./results-facts.server";
import { viewerMaySeeRound } from "./rounds.server";
import type { SessionUser } from "./users.server";

/**
 * The results gate (anonymity rule 9). Every figure derived from responses leaves the database
 * through this module, after the anonymity rules have been applied; routes, charts and exports
 * never count responses themselves. Figures are read from the tallies, and a closed round's are
 * computed once and kept (they cannot change). Scores of an open round never leave (rule 7).
 */

/** Who is looking: an admin sees every group, a manager their department, a trainer the rounds of their trainings. */
export type ResultsViewer = Pick<SessionUser, "id" | "role" | "departmentId">;

export class ResultsForbiddenError extends Error {
  constructor() {
    super("These results are not yours to see.");
  }
}

/** A group named by department and/or role; neither names the whole round. */
export interface GroupRef {
  departmentId?: string | null;
  roleId?: string | null;
}

export function groupKeyOf(ref: GroupRef): string {
  if (ref.departmentId && ref.roleId) return cellKey(ref.departmentId, ref.roleId);
  if (ref.departmentId) return departmentKey(ref.departmentId);
  if (ref.roleId) return roleKey(ref.roleId);
  return OVERALL_KEY;
}

// ---------------------------------------------------------------------------------------------
// Rounds and who may see them
// ---------------------------------------------------------------------------------------------

const roundSelect = {
  id: true,
  name: true,
  kind: true,
  k: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  invitedCount: true,
  responseCount: true,
  audience: true,
  sharedKey: true,
  trainingId: true,
  training: { select: { trainerId: true } },
  survey: {
    select: {
      questions: {
        where: { type: { in: ["RATING", "TEXT"] as string[] } },
        orderBy: { position: "asc" },
        select: { id: true, type: true, texts: { select: { locale: true, text: true } } },
      },
    },
  },
} as const;

type LoadedRound = NonNullable<Awaited<ReturnType<typeof findRound>>>;

function findRound(roundId: string) {
  return prisma.round.findUnique({ where: { id: roundId }, select: roundSelect });
}

function rowOf(round: LoadedRound): RoundRow {
  return {
    id: round.id,
    k: round.k,
    invitedCount: round.invitedCount,
    responseCount: round.responseCount,
    audience: round.audience,
    sharedLink: round.sharedKey !== null,
  };
}

export interface QuestionLabel {
  id: string;
  text: string;
}

/** HR pages are in English; a question written only in another language shows that wording. */
function questionsOf(round: LoadedRound, type: "RATING" | "TEXT"): QuestionLabel[] {
  return round.survey.questions
    .filter((q) => q.type === type)
    .map((q) => ({ id: q.id, text: (q.texts.find((t) => t.locale === "en") ?? q.texts[0])?.text ?? "Question" }));
}

function isClosed(round: LoadedRound, now = new Date()) {
  return roundStatus(round, now) === "closed";
}

function factsOf(round: LoadedRound): Promise<RoundFacts> {
  return closedRoundFacts(
    rowOf(round),
    questionsOf(round, "RATING").map((q) => q.id),
  );
}

/**
 * Admins see every round, a trainer the rounds of their trainings, a manager the rounds whose
 * audience includes their department (the rounds their rounds list and round pages show).
 */
async function assertMayView(viewer: ResultsViewer, round: LoadedRound) {
  const allowed =
    viewer.role === "TRAINER" ? round.training?.trainerId === viewer.id : await viewerMaySeeRound(viewer, round);
  if (!allowed) throw new ResultsForbiddenError();
}

/** Whether the viewer may see this group at all: a manager sees only their department and its cells. */
function inScope(viewer: ResultsViewer, group: { kind: GroupKind; departmentId: string | null }) {
  if (viewer.role !== "MANAGER") return true;
  return (group.kind === "department" || group.kind === "cell") && group.departmentId === viewer.departmentId;
}

async function namesOf(departmentIds: Iterable<string>, roleIds: Iterable<string>) {
  const [departments, roles] = await Promise.all([
    prisma.department.findMany({
      where: { id: { in: [...new Set(departmentIds)] } },
      select: { id: true, name: true },
    }),
    prisma.role.findMany({ where: { id: { in: [...new Set(roleIds)] } }, select: { id: true, name: true } }),
  ]);
  return {
    department: new Map(departments.map((d) => [d.id, d.name])),
    role: new Map(roles.map((r) => [r.id, r.name])),
  };
}

const collator = new Intl.Collator("en");
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

// ---------------------------------------------------------------------------------------------
// Counts (what an open round shows)
// ---------------------------------------------------------------------------------------------

export interface DepartmentCount {
  id: string;
  name: string;
  invited: number;
  /** Null when the anonymity rules hold the figure back ("fewer than k"). */
  responses: number | null;
  rate: number | null;
}

export interface RoundCounts {
  k: number;
  invited: number;
  responses: number | null;
  rate: number | null;
  departments: DepartmentCount[];
}

/**
 * Response counts and rates of a round, overall and per department, as they may be shown
 * while the round is open (rule 7): counts only, and any count the anonymity rules withhold
 * is null. Departments are named only when someone there was invited, the audience names
 * them, or their count is shown.
 */
export async function getRoundCounts(roundId: string): Promise<RoundCounts | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  return countsOf(round);
}

async function countsOf(round: LoadedRound): Promise<RoundCounts> {
  const gate = await gateFacts(rowOf(round));
  const invitedBy = new Map<string, number>();
  for (const cell of gate.invited)
    invitedBy.set(cell.departmentId, (invitedBy.get(cell.departmentId) ?? 0) + cell.count);
  const answered = new Map(gate.groups.filter((g) => g.kind === "department").map((g) => [g.departmentId!, g.count]));
  const names = await namesOf(gate.named.departments, []);
  // With a shared link anyone may answer: the invited count is not who could, and there is no rate.
  const rate = (responses: number | null, invited: number) =>
    responses === null || invited === 0 || round.sharedKey !== null ? null : responses / invited;
  const total = gate.cells.reduce((sum, c) => sum + c.count, 0);
  const overall = gate.visible.has(OVERALL_KEY) ? total : null;
  return {
    k: round.k,
    invited: round.invitedCount,
    responses: overall,
    rate: rate(overall, round.invitedCount),
    departments: [...gate.named.departments]
      .filter((id) => names.department.has(id))
      .map((id) => {
        const shown = gate.visible.has(departmentKey(id)) ? (answered.get(id) ?? 0) : null;
        const invited = invitedBy.get(id) ?? 0;
        return { id, name: names.department.get(id)!, invited, responses: shown, rate: rate(shown, invited) };
      })
      .sort(byName),
  };
}

export interface ScopedCounts {
  k: number;
  /** Null when the viewer may not see the whole round (a manager). */
  overall: { invited: number; responses: number | null; rate: number | null } | null;
  departments: DepartmentCount[];
}

function scopeCounts(counts: RoundCounts, viewer: ResultsViewer): ScopedCounts {
  if (viewer.role !== "MANAGER") {
    const { departments, k, ...overall } = counts;
    return { k, overall, departments };
  }
  return { k: counts.k, overall: null, departments: counts.departments.filter((d) => d.id === viewer.departmentId) };
}

/**
 * A round's counts as `viewer` may see them (a manager: their department's row only). Null for
 * an unknown round; throws ResultsForbiddenError when the round is not the viewer's.
 */
export async function getRoundCountsFor(roundId: string, viewer: ResultsViewer): Promise<ScopedCounts | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  await assertMayView(viewer, round);
  return scopeCounts(await countsOf(round), viewer);
}

// ---------------------------------------------------------------------------------------------
// A round's results
// ---------------------------------------------------------------------------------------------

export interface RoundSummary {
  id: string;
  name: string;
  kind: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  k: number;
  invited: number;
  /** A shared (kiosk) link lets anyone answer: the number who could answer is then unknown. */
  sharedLink: boolean;
  trainingId: string | null;
}

function summaryOf(round: LoadedRound, now: Date): RoundSummary {
  return {
    id: round.id,
    name: round.name,
    kind: round.kind,
    status: roundStatus(round, now),
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    k: round.k,
    invited: round.invitedCount,
    sharedLink: round.sharedKey !== null,
    trainingId: round.trainingId,
  };
}

export interface GroupResult {
  key: string;
  kind: GroupKind;
  departmentId: string | null;
  roleId: string | null;
  /** "Everyone", the department's or role's name, or "Department / Role". */
  name: string;
  departmentName: string | null;
  roleName: string | null;
  /** Null when withheld: then nothing else about the group is given either. */
  figures: GroupFigures | null;
  /** One entry per rating question (null when that item is withheld); empty when the group is. */
  ratings: (RatingFigures | null)[];
  /** Whether its comments may be listed (getRoundComments). */
  comments: boolean;
}

export interface OpenRoundResults {
  state: "scheduled" | "open";
  round: RoundSummary;
  counts: ScopedCounts;
}

export interface ClosedRoundResults {
  state: "closed";
  round: RoundSummary;
  /** Null when the viewer may not see the whole round (a manager). */
  overall: GroupResult | null;
  departments: GroupResult[];
  roles: GroupResult[];
  cells: GroupResult[];
  ratingQuestions: QuestionLabel[];
  textQuestions: QuestionLabel[];
}

export type RoundResults = OpenRoundResults | ClosedRoundResults;

function resultOf(
  facts: RoundFacts,
  key: string,
  kind: GroupKind,
  department: { id: string; name: string } | null,
  role: { id: string; name: string } | null,
): GroupResult {
  const figures = facts.figures.get(key) ?? null;
  return {
    key,
    kind,
    departmentId: department?.id ?? null,
    roleId: role?.id ?? null,
    name: department && role ? `${department.name} / ${role.name}` : (department?.name ?? role?.name ?? EVERYONE),
    departmentName: department?.name ?? null,
    roleName: role?.name ?? null,
    figures,
    ratings: figures ? facts.ratings.get(key)! : [],
    comments: figures !== null && facts.commentKeys.has(key),
  };
}

async function closedResults(round: LoadedRound, viewer: ResultsViewer, now: Date): Promise<ClosedRoundResults> {
  const facts = await factsOf(round);
  const scoped = (kind: GroupKind, departmentId: string | null) => inScope(viewer, { kind, departmentId });
  const departmentIds = [...facts.named.departments].filter((id) => scoped("department", id));
  const cellGroups = facts.groups.filter(
    (g) => g.kind === "cell" && facts.named.cells.has(g.key) && scoped("cell", g.departmentId),
  );
  const roleIds = viewer.role === "MANAGER" ? [] : [...facts.named.roles];
  const names = await namesOf(
    [...departmentIds, ...cellGroups.map((g) => g.departmentId!)],
    [...roleIds, ...cellGroups.map((g) => g.roleId!)],
  );
  const department = (id: string) => ({ id, name: names.department.get(id)! });
  const role = (id: string) => ({ id, name: names.role.get(id)! });
  const departments = departmentIds
    .filter((id) => names.department.has(id))
    .map((id) => resultOf(facts, departmentKey(id), "department", department(id), null))
    .sort(byName);
  const roles = roleIds
    .filter((id) => names.role.has(id))
    .map((id) => resultOf(facts, roleKey(id), "role", null, role(id)))
    .sort(byName);
  const cells = cellGroups
    .filter((g) => names.department.has(g.departmentId!) && names.role.has(g.roleId!))
    .map((g) => resultOf(facts, g.key, "cell", department(g.departmentId!), role(g.roleId!)))
    .sort(
      (a, b) => collator.compare(a.departmentName!, b.departmentName!) || collator.compare(a.roleName!, b.roleName!),
    );
  return {
    state: "closed",
    round: summaryOf(round, now),
    overall: scoped("overall", null) ? resultOf(facts, OVERALL_KEY, "overall", null, null) : null,
    departments,
    roles,
    cells,
    ratingQuestions: questionsOf(round, "RATING"),
    textQuestions: questionsOf(round, "TEXT"),
  };
}

/**
 * What `viewer` may see of a round: its counts while it is open or scheduled, every shown
 * group's figures once it has closed. Null for an unknown round; throws ResultsForbiddenError
 * when the round is not the viewer's (a trainer's round of another trainer's training).
 */
export async function getRoundResults(
  roundId: string,
  viewer: ResultsViewer,
  now = new Date(),
): Promise<RoundResults | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  await assertMayView(viewer, round);
  const summary = summaryOf(round, now);
  if (summary.status !== "closed") {
    return { state: summary.status, round: summary, counts: scopeCounts(await countsOf(round), viewer) };
  }
  return closedResults(round, viewer, now);
}

/** A group's score with its interval, as domain/nps-statistics.ts computed it. */
export type GroupScore = NpsEstimate;

function scoreOf(facts: RoundFacts, key: string): GroupScore | null {
  const figures = facts.figures.get(key);
  if (!figures) return null;
  const { responses: n, nps, adjusted, se, low, high, population } = figures;
  return { n, nps, adjusted, se, low, high, population };
}

/**
 * The gated eNPS of one group of a closed round (for action items and trainings); null when
 * the round is unknown or not closed, or the group is withheld. Callers check who may see it.
 */
export async function getGroupScore(roundId: string, group: GroupRef, now = new Date()): Promise<GroupScore | null> {
  const round = await findRound(roundId);
  if (!round || !isClosed(round, now)) return null;
  return scoreOf(await factsOf(round), groupKeyOf(group));
}

// ---------------------------------------------------------------------------------------------
// One group as a viewer sees it, and the round that follows an action item up
// ---------------------------------------------------------------------------------------------

export interface ViewedRound {
  id: string;
  name: string;
  k: number;
  closed: boolean;
  trainingId: string | null;
  closedOn: Date;
}

export interface ViewedGroupScore {
  round: ViewedRound;
  /** "Everyone", the department's or role's name, or "Department / Role". */
  group: string;
  /** Null while the round is open, and for a group the gate withholds. */
  score: GroupScore | null;
}

function kindOfRef(ref: GroupRef): GroupKind {
  if (ref.departmentId && ref.roleId) return "cell";
  if (ref.departmentId) return "department";
  return ref.roleId ? "role" : "overall";
}

/**
 * One group's gated score as `viewer` sees it on the results page: the same rounds and the
 * same groups (a manager: their department and its cells; a trainer: their trainings'
 * rounds). Null for an unknown round; throws ResultsForbiddenError outside the viewer's scope.
 */
export async function getViewedGroupScore(
  viewer: ResultsViewer,
  roundId: string,
  ref: GroupRef,
  now = new Date(),
): Promise<ViewedGroupScore | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  await assertMayView(viewer, round);
  if (!inScope(viewer, { kind: kindOfRef(ref), departmentId: ref.departmentId ?? null }))
    throw new ResultsForbiddenError();
  const names = await namesOf(ref.departmentId ? [ref.departmentId] : [], ref.roleId ? [ref.roleId] : []);
  const parts = [
    ref.departmentId && names.department.get(ref.departmentId),
    ref.roleId && names.role.get(ref.roleId),
  ].filter(Boolean);
  const closed = isClosed(round, now);
  return {
    round: {
      id: round.id,
      name: round.name,
      k: round.k,
      closed,
      trainingId: round.trainingId,
      closedOn: closingTime(round),
    },
    group: parts.length > 0 ? parts.join(" / ") : EVERYONE,
    score: closed ? scoreOf(await factsOf(round), groupKeyOf(ref)) : null,
  };
}

/**
 * The round that tells whether an action item worked: of the closed rounds of its series (the
 * training's rounds, or periodic eNPS), the latest that closed on a day after the deadline and
 * after the round the item came from. Null while there is none.
 */
export async function findFollowUpRound(
  origin: ViewedRound,
  deadline: string,
  now = new Date(),
): Promise<{ id: string } | null> {
  const series = followUpSeries(origin);
  const rounds = await prisma.round.findMany({
    where: {
      ...(series.kind === "training" ? { trainingId: series.trainingId } : { kind: "PERIODIC" }),
      OR: [{ closedAt: { lte: now } }, { closesAt: { lte: now } }],
    },
    select: { id: true, closesAt: true, closedAt: true },
  });
  const closed = rounds.map((round) => ({ id: round.id, closedOn: closingTime(round) }));
  return pickFollowUpRound(closed, { deadline, origin: { id: origin.id, closedOn: origin.closedOn } });
}

// ---------------------------------------------------------------------------------------------
// What every employee may read ("you said, we did")
// ---------------------------------------------------------------------------------------------

export interface PublicRound {
  id: string;
  name: string;
  closedOn: Date;
  k: number;
  /** Null when the gate withholds the whole round. */
  overall: GroupScore | null;
  /** The change from the periodic round before; null for the first and next to a withheld round. */
  change: NpsChange | null;
  /** The name of the round before, which `change` is measured from. */
  previousName: string | null;
}

export interface PublicGroup {
  name: string;
  score: GroupScore;
}

export interface PublicResults {
  /** The latest closed periodic rounds, newest first. */
  rounds: PublicRound[];
  /** The departments and roles the gate shows in the latest of them; withheld ones are left out. */
  departments: PublicGroup[];
  roles: PublicGroup[];
}

/**
 * The headline results for everyone, without signing in: the overall eNPS of the latest
 * `limit` closed periodic rounds with each change, and the shown departments and roles of the
 * latest. Nothing of a withheld group, not even its name. The changes are labelled as the
 * company's trend labels them, so both pages say the same of each change.
 */
export async function getPublicResults({ limit = 4, now = new Date() } = {}): Promise<PublicResults> {
  const rounds = await prisma.round.findMany({
    where: { kind: "PERIODIC", OR: [{ closedAt: { lte: now } }, { closesAt: { lte: now } }] },
    select: roundSelect,
  });
  const recent = rounds.sort((a, b) => closingTime(a).getTime() - closingTime(b).getTime()).slice(-TREND_ROUNDS);
  const facts: RoundFacts[] = [];
  for (const round of recent) facts.push(await factsOf(round));
  const overall = facts.map((f) => scoreOf(f, OVERALL_KEY));
  const changes = changesAlong(overall, { latestIsPrimary: true });
  const shown = recent
    .map((round, index) => ({
      id: round.id,
      name: round.name,
      closedOn: closingTime(round),
      k: round.k,
      overall: overall[index],
      change: changes[index],
      previousName: index > 0 ? recent[index - 1].name : null,
    }))
    .slice(-limit)
    .reverse();
  const latest = facts.at(-1);
  if (!latest) return { rounds: shown, departments: [], roles: [] };
  const names = await namesOf(latest.named.departments, latest.named.roles);
  const groupsOf = (ids: Set<string>, names: Map<string, string>, keyOf: (id: string) => string) =>
    [...ids]
      .flatMap((id) => {
        const score = scoreOf(latest, keyOf(id));
        const name = names.get(id);
        return score && name ? [{ name, score }] : [];
      })
      .sort(byName);
  return {
    rounds: shown,
    departments: groupsOf(latest.named.departments, names.department, departmentKey),
    roles: groupsOf(latest.named.roles, names.role, roleKey),
  };
}

// ---------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------

export interface CommentQuery {
  groupKey: string;
  search?: string;
  category?: Category | null;
  page?: number;
  pageSize?: number;
}

export interface ListedComment {
  text: string;
  category: Category;
  question: string;
}

export interface CommentPage {
  groupKey: string;
  /** Comments matching the search and category. */
  total: number;
  page: number;
  pageSize: number;
  comments: ListedComment[];
  /** The group's most frequent words and phrases per category (over all its comments). */
  terms: Record<Category, FrequentTerms>;
}

/**
 * One page of a group's comments (shuffled, undated, tagged with their category), or null when
 * the round is not closed or the group's comments may not be listed for this viewer.
 */
export async function getRoundComments(
  roundId: string,
  viewer: ResultsViewer,
  query: CommentQuery,
  now = new Date(),
): Promise<CommentPage | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  await assertMayView(viewer, round);
  if (!isClosed(round, now)) return null;
  const facts = await factsOf(round);
  const group = facts.groups.find((g) => g.key === query.groupKey);
  if (!group || !facts.commentKeys.has(group.key) || !inScope(viewer, group)) return null;
  const comments = closedRoundComments(rowOf(round));
  const questions = new Map(questionsOf(round, "TEXT").map((q) => [q.id, q.text]));
  const search = (query.search ?? "").trim().toLowerCase();
  const ofGroup = commentsOfGroup(comments, group);
  const matching =
    !query.category && search === ""
      ? ofGroup
      : ofGroup.filter(
          (c) => (!query.category || c.category === query.category) && (search === "" || c.haystack.includes(search)),
        );
  const pageSize = query.pageSize ?? 50;
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return {
    groupKey: group.key,
    total: matching.length,
    page,
    pageSize,
    comments: matching.slice((page - 1) * pageSize, page * pageSize).map((c) => ({
      text: c.text,
      category: c.category,
      question: questions.get(c.questionId) ?? "",
    })),
    terms: termsOfGroup(comments, group),
  };
}

/**
 * Every listable comment of a closed round with the department and role it may be narrowed
 * down to (blank where it may not), for the comments export, which only admins may take. Null
 * when the round is unknown or not closed.
 */
export async function getCommentsExport(
  roundId: string,
  viewer: ResultsViewer,
  now = new Date(),
): Promise<CsvComment[] | null> {
  if (viewer.role !== "ADMIN") throw new ResultsForbiddenError();
  const round = await findRound(roundId);
  if (!round || !isClosed(round, now)) return null;
  const facts = await factsOf(round);
  if (!facts.commentKeys.has(OVERALL_KEY)) return [];
  const comments = closedRoundComments(rowOf(round)).all;
  const names = await namesOf(new Set(comments.map((c) => c.departmentId)), new Set(comments.map((c) => c.roleId)));
  const questions = new Map(questionsOf(round, "TEXT").map((q) => [q.id, q.text]));
  const order: Record<Category, number> = { promoter: 0, passive: 1, detractor: 2 };
  return comments
    .map((c) => {
      const wholeCell = facts.commentKeys.has(cellKey(c.departmentId, c.roleId));
      const byDepartment = wholeCell || facts.commentKeys.has(departmentKey(c.departmentId));
      const byRole = wholeCell || facts.commentKeys.has(roleKey(c.roleId));
      return {
        department: byDepartment ? (names.department.get(c.departmentId) ?? "") : "",
        role: byRole ? (names.role.get(c.roleId) ?? "") : "",
        category: c.category,
        question: questions.get(c.questionId) ?? "",
        text: c.text,
      };
    })
    .sort(
      (a, b) =>
        collator.compare(a.department, b.department) ||
        collator.compare(a.role, b.role) ||
        order[a.category] - order[b.category],
    );
}

// ---------------------------------------------------------------------------------------------
// Over time
// ---------------------------------------------------------------------------------------------

export interface TrendPoint {
  roundId: string;
  name: string;
  closedOn: Date;
  /** Null when the group is withheld in that round: a gap, never a zero. */
  score: GroupScore | null;
  /** The change from the round before; null for the first round and next to a gap. */
  change: NpsChange | null;
}

/** Whether the viewer may follow this group over time: a manager only their department. */
function mayFollow(viewer: ResultsViewer, ref: GroupRef) {
  if (viewer.role === "ADMIN") return true;
  if (viewer.role === "MANAGER")
    return !!viewer.departmentId && ref.departmentId === viewer.departmentId && !ref.roleId;
  return false;
}

/** How many closed periodic rounds a trend follows: its changes are labelled as one page. */
export const TREND_ROUNDS = 24;

/** eNPS of one group in the last `limit` closed periodic rounds, oldest first. */
export async function getTrend(
  viewer: ResultsViewer,
  group: GroupRef,
  { limit = TREND_ROUNDS, now = new Date() } = {},
): Promise<TrendPoint[]> {
  if (!mayFollow(viewer, group)) throw new ResultsForbiddenError();
  const rounds = await prisma.round.findMany({
    where: { kind: "PERIODIC", OR: [{ closedAt: { lte: now } }, { closesAt: { lte: now } }] },
    select: roundSelect,
  });
  const recent = rounds.sort((a, b) => closingTime(a).getTime() - closingTime(b).getTime()).slice(-limit);
  const key = groupKeyOf(group);
  const scores: (GroupScore | null)[] = [];
  for (const round of recent) scores.push(scoreOf(await factsOf(round), key));
  const changes = changesAlong(scores, { latestIsPrimary: key === OVERALL_KEY });
  return recent.map((round, index) => ({
    roundId: round.id,
    name: round.name,
    closedOn: closingTime(round),
    score: scores[index],
    change: changes[index],
  }));
}

// ---------------------------------------------------------------------------------------------
// Open rounds
// ---------------------------------------------------------------------------------------------

export interface OpenRound {
  id: string;
  name: string;
  kind: string;
  closesAt: Date;
  counts: ScopedCounts;
}

/**
 * The rounds open now that the viewer may follow, with their response counts and rates: all
 * of them for an admin, a manager's department's share of those it takes part in, a trainer's
 * trainings' rounds.
 */
export async function listOpenRounds(viewer: ResultsViewer, now = new Date()): Promise<OpenRound[]> {
  if (viewer.role === "MANAGER" && !viewer.departmentId) return [];
  const rounds = await prisma.round.findMany({
    where: {
      opensAt: { lte: now },
      closesAt: { gt: now },
      OR: [{ closedAt: null }, { closedAt: { gt: now } }],
      ...(viewer.role === "TRAINER" ? { training: { trainerId: viewer.id } } : {}),
    },
    orderBy: { closesAt: "asc" },
    select: roundSelect,
  });
  const open: OpenRound[] = [];
  for (const round of rounds) {
    const counts = scopeCounts(await countsOf(round), viewer);
    // A manager follows only the rounds their department takes part in.
    if (counts.overall || counts.departments.length > 0)
      open.push({ id: round.id, name: round.name, kind: round.kind, closesAt: round.closesAt, counts });
  }
  return open;
}
