/**
 * Part of the results gate (import from ./index.server only): a round's results page, one
 * group's score, and the round that follows an action item up.
 */
import { followUpSeries, pickFollowUpRound } from "~/domain/action-outcome";
import { departmentKey, OVERALL_KEY, roleKey, type GroupKind } from "~/domain/anonymity";
import { EVERYONE, type GroupFigures, type RatingFigures } from "~/domain/group-figures";
import { groupInScope, groupKeyOf, groupKindOf, type GroupRef, type ResultsViewer } from "~/domain/results-access";
import { closingTime, roundStatus, type RoundStatus } from "~/domain/round-status";
import { scopedCountsOf, type ScopedCounts } from "./counts.server";
import { scoreOf, type GroupScore, type RoundFacts } from "./facts.server";
import {
  assertMayView,
  byName,
  closedRoundsOf,
  collator,
  factsOf,
  findRound,
  isClosed,
  namesOf,
  questionsOf,
  ResultsForbiddenError,
  type LoadedRound,
  type QuestionLabel,
} from "./round-source.server";

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
  /** When HR first downloaded the personal links as a file; null when they never were. */
  linksDownloadedAt: Date | null;
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
    linksDownloadedAt: round.linksDownloadedAt,
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
  /** How many of the people invited to it were added to the directory just before the launch; null for none. */
  addedBeforeLaunch: { added: number; invited: number } | null;
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
    addedBeforeLaunch: facts.addedBeforeLaunch.get(key) ?? null,
  };
}

async function closedResults(round: LoadedRound, viewer: ResultsViewer, now: Date): Promise<ClosedRoundResults> {
  const facts = await factsOf(round);
  const scoped = (kind: GroupKind, departmentId: string | null) => groupInScope(viewer, { kind, departmentId });
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
    return { state: summary.status, round: summary, counts: await scopedCountsOf(round, viewer, now) };
  }
  return closedResults(round, viewer, now);
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
  if (!groupInScope(viewer, { kind: groupKindOf(ref), departmentId: ref.departmentId ?? null })) {
    throw new ResultsForbiddenError();
  }
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
  const rounds = await closedRoundsOf(followUpSeries(origin), now);
  const closed = rounds.map((round) => ({ id: round.id, closedOn: closingTime(round) }));
  return pickFollowUpRound(closed, { deadline, origin: { id: origin.id, closedOn: origin.closedOn } });
}
