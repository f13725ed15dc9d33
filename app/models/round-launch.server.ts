import { addedJustBefore } from "~/domain/added-before-launch";
import type { Audience } from "~/domain/audience";
import { BadRequestError } from "~/domain/http-error";
import { roundRuleProblems } from "~/domain/round-input";
import { ROUND_KINDS, type RoundKind } from "~/domain/round-status";
import { usesPlaceholder } from "~/domain/survey";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { newSharedKey } from "~/utils/tokens.server";
import { recordAudit, type Actor } from "./audit.server";
import { untranslatedIn } from "./surveys.server";

/** A launch refused for a reason HR can fix; `field` names the form field it concerns. */
export class LaunchError extends BadRequestError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super(message, field);
  }
}

/** Chosen departments and/or roles (both empty: everyone), or chosen people (a training's). */
export type LaunchAudience = Audience | { personIds: string[] };

export interface LaunchInput {
  name: string;
  surveyId: string;
  kind: RoundKind;
  opensAt: Date;
  closesAt: Date;
  /** The anonymity threshold, fixed from here on: nothing changes it after the launch. */
  k: number;
  audience: LaunchAudience;
  /** Give the round a shared (kiosk/QR) link as well. */
  sharedLink: boolean;
  trainingId?: string | null;
  /** Set by the scheduler: at most one round per schedule and period (a unique index). */
  schedule?: { id: string; period: string };
  /** The launch form's random key: a form sent twice (a double click) launches one round. */
  launchKey?: string;
}

export interface LaunchedRound {
  id: string;
  name: string;
  invitedCount: number;
  sharedKey: string | null;
}

type Tx = Prisma.TransactionClient;

async function checkSurvey(tx: Tx, input: LaunchInput) {
  const survey = await tx.survey.findUnique({
    where: { id: input.surveyId },
    select: { archived: true, questions: { select: { type: true, texts: { select: { locale: true, text: true } } } } },
  });
  if (!survey) throw new LaunchError("surveyId", "That survey does not exist. Choose one from the list.");
  if (survey.archived) throw new LaunchError("surveyId", "That survey is archived. Restore it or choose another one.");
  if (!survey.questions.some((q) => q.type === "NPS")) {
    throw new LaunchError("surveyId", "That survey has no 0-10 question.");
  }
  const questions = survey.questions.map((q) => ({
    texts: Object.fromEntries(q.texts.map((t) => [t.locale, t.text])),
  }));
  if (usesPlaceholder(questions, "company")) {
    const company = await tx.setting.findUnique({ where: { key: "companyName" }, select: { value: true } });
    if (!company) {
      throw new LaunchError(
        "surveyId",
        "Set the company name on the Surveys page first: this survey's questions use {company}.",
      );
    }
  }
  if (usesPlaceholder(questions, "training") && !input.trainingId) {
    throw new LaunchError(
      "surveyId",
      "This survey names a training ({training}); launch it from that training's page.",
    );
  }
}

/** The active people a launch invites, with the audience as the round keeps it. */
async function resolveAudience(tx: Tx, audience: LaunchAudience) {
  const select = { id: true, departmentId: true, roleId: true, createdAt: true } as const;
  if ("personIds" in audience) {
    const ids = [...new Set(audience.personIds)];
    const found = await tx.person.findMany({ where: { id: { in: ids } }, select: { ...select, active: true } });
    if (found.length !== ids.length)
      throw new LaunchError("audience", "Some of the chosen people are not in the directory.");
    const people = found.filter((p) => p.active).map(({ active: _active, ...p }) => p);
    // The round keeps the departments it reaches, which is what managers' access goes by.
    const kept: Audience = { departmentIds: [...new Set(people.map((p) => p.departmentId))].sort(), roleIds: [] };
    return { people, kept };
  }
  const [departments, roles] = await Promise.all([
    tx.department.count({ where: { id: { in: audience.departmentIds } } }),
    tx.role.count({ where: { id: { in: audience.roleIds } } }),
  ]);
  if (departments !== new Set(audience.departmentIds).size || roles !== new Set(audience.roleIds).size) {
    throw new LaunchError("audience", "Choose departments and roles from the list.");
  }
  const people = await tx.person.findMany({
    where: {
      active: true,
      ...(audience.departmentIds.length > 0 ? { departmentId: { in: audience.departmentIds } } : {}),
      ...(audience.roleIds.length > 0 ? { roleId: { in: audience.roleIds } } : {}),
    },
    select,
  });
  return { people, kept: { departmentIds: audience.departmentIds, roleIds: audience.roleIds } };
}

function checkRules(input: LaunchInput, now: Date) {
  const [field, message] = Object.entries(roundRuleProblems(input, now))[0] ?? [];
  if (field && message) throw new LaunchError(field, message);
  if (!(ROUND_KINDS as readonly string[]).includes(input.kind)) throw new LaunchError("kind", "Unknown kind of round.");
}

/** Everything a launch checks, and the people it invites. */
async function prepareLaunch(tx: Tx, input: LaunchInput) {
  await checkSurvey(tx, input);
  const audience = await resolveAudience(tx, input.audience);
  if (audience.people.length === 0 && !input.sharedLink) {
    throw new LaunchError(
      "audience",
      "Nobody active is in this audience. Choose other departments or roles, or give the round a shared link.",
    );
  }
  return audience;
}

/**
 * Launches a round: the round, one invitation per active person in the audience (with their
 * department and role as they are now, the snapshot their answer will carry) and an audit
 * entry, in one transaction. Used by the launch form, the scheduler and trainings (with an
 * explicit list of people). Throws LaunchError for anything HR can fix; a schedule period that
 * has its round already fails on the unique index (Prisma's P2002).
 */
export async function launchRound(actor: Actor, input: LaunchInput, now: Date = new Date()): Promise<LaunchedRound> {
  return prisma.$transaction((tx) => launchRoundIn(tx, actor, input, now), { timeout: 120_000, maxWait: 120_000 });
}

/**
 * `launchRound` inside the caller's transaction, for a change that launches rounds together
 * with other writes (a training and its rounds): all of it is stored, or none.
 */
export async function launchRoundIn(
  tx: Tx,
  actor: Actor,
  input: LaunchInput,
  now: Date = new Date(),
): Promise<LaunchedRound> {
  if (input.launchKey) {
    const launched = await tx.round.findUnique({
      where: { launchKey: input.launchKey },
      select: { id: true, name: true, invitedCount: true, sharedKey: true },
    });
    if (launched) return launched;
  }
  checkRules(input, now);
  const { people, kept } = await prepareLaunch(tx, input);
  const round = await tx.round.create({
    data: {
      name: input.name,
      surveyId: input.surveyId,
      kind: input.kind,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      k: input.k,
      audience: JSON.stringify(kept),
      sharedKey: input.sharedLink ? newSharedKey() : null,
      invitedCount: people.length,
      scheduleId: input.schedule?.id ?? null,
      period: input.schedule?.period ?? null,
      trainingId: input.trainingId ?? null,
      createdById: actor.id,
      launchKey: input.launchKey ?? null,
    },
    select: { id: true, sharedKey: true },
  });
  await tx.invitation.createMany({
    data: people.map((p) => ({
      roundId: round.id,
      personId: p.id,
      departmentId: p.departmentId,
      roleId: p.roleId,
      addedBeforeLaunch: addedJustBefore(p.createdAt, now),
    })),
  });
  // Nobody has answered yet: the counts that go by the hour start at zero, as of now.
  await tx.roundCountSnapshot.create({ data: { roundId: round.id, takenAt: now, counts: "{}" } });
  await recordAudit(actor, "round.launch", input.name, `${people.length} invited, k = ${input.k}`, tx);
  return { id: round.id, name: input.name, invitedCount: people.length, sharedKey: round.sharedKey };
}

export interface LaunchPreview {
  invited: number;
  surveyName: string;
  /** Which questions respondents of some language will read in English; null when none. */
  untranslated: string | null;
  departments: string[];
  roles: string[];
}

/** What a launch would do, checked exactly as the launch checks it, storing nothing. */
export async function previewLaunch(
  input: LaunchInput & { audience: Audience },
  now: Date = new Date(),
): Promise<LaunchPreview> {
  checkRules(input, now);
  return prisma.$transaction(async (tx) => {
    const { people } = await prepareLaunch(tx, input);
    const [survey, untranslated, departments, roles] = await Promise.all([
      tx.survey.findUniqueOrThrow({ where: { id: input.surveyId }, select: { name: true } }),
      untranslatedIn(input.surveyId, tx),
      tx.department.findMany({
        where: { id: { in: input.audience.departmentIds } },
        select: { name: true },
        orderBy: { name: "asc" },
      }),
      tx.role.findMany({
        where: { id: { in: input.audience.roleIds } },
        select: { name: true },
        orderBy: { name: "asc" },
      }),
    ]);
    return {
      invited: people.length,
      surveyName: survey.name,
      untranslated,
      departments: departments.map((d) => d.name),
      roles: roles.map((r) => r.name),
    };
  });
}
