import { z } from "zod";
import { BadRequestError, ConflictError } from "~/domain/http-error";
import { roundRuleProblems } from "~/domain/round-input";
import { draftFromTemplate, TRAINING_TEMPLATE } from "~/domain/survey-templates";
import {
  choosesAnyone,
  NO_PARTICIPANTS,
  trainingDateProblems,
  trainingTextFields,
  type ParticipantChoice,
} from "~/domain/training-input";
import {
  afterRoundWindow,
  beforeRoundWindow,
  followUpRoundWindow,
  matchesTemplate,
  trainingRoundName,
  type RoundWindow,
  type TrainingRoundKind,
} from "~/domain/training-rounds";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { recordAudit, type Actor } from "./audit.server";
import { launchRoundIn, LaunchError } from "./round-launch.server";
import { createSurvey, freeSurveyName, untranslatedIn } from "./surveys.server";

/**
 * Trainings: who runs them, who takes part, and their rounds. Creating a training launches
 * its before and after rounds in the same transaction, both from one training survey, so they
 * ask the same questions and compare; HR may add a follow-up round later. Figures of the
 * rounds come from models/training-results.server.ts, through the results gate. What the
 * training pages read is in training-reads.server.ts, what the form offers in
 * training-pickers.server.ts.
 */

/** Input HR can fix; `field` names the form field it concerns. */
export class TrainingInputError extends BadRequestError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super(message, field);
  }
}

export class FollowUpExistsError extends ConflictError {
  constructor() {
    super("This training has a follow-up round already.");
  }
}

export interface TrainingInput {
  title: string;
  topic: string;
  trainerId: string;
  startsOn: Date;
  endsOn: Date;
  participants: ParticipantChoice;
  /** Give the rounds shared links, for walk-in participants. */
  openLink: boolean;
  /** The anonymity threshold of all the training's rounds. */
  k: number;
  /** A training survey to use; null: the one made from the template (created when there is none). */
  surveyId: string | null;
  /**
   * The form's random key: a form sent twice creates one training. It is kept as the before
   * round's launch key, so the second send finds the training the first one created.
   */
  createKey?: string;
}

export interface CreatedTraining {
  id: string;
  participants: number;
  surveyId: string;
  rounds: { kind: TrainingRoundKind; id: string; invitedCount: number; sharedKey: string | null }[];
}

type Tx = Prisma.TransactionClient;

export const TRAINING_SURVEY = "TRAINING";

function checkInput(input: TrainingInput, now: Date) {
  const text = z.object(trainingTextFields).safeParse(input);
  if (!text.success) throw new TrainingInputError(String(text.error.issues[0].path[0]), text.error.issues[0].message);
  const [field, message] = Object.entries(trainingDateProblems(input, now))[0] ?? [];
  if (field && message) throw new TrainingInputError(field, message);
  const { k } = roundRuleProblems({ k: input.k, ...beforeRoundWindow(input.startsOn, now) }, now);
  if (k) throw new TrainingInputError("k", k);
}

async function requireTrainer(tx: Tx, trainerId: string) {
  const trainer = await tx.user.findUnique({
    where: { id: trainerId },
    select: { id: true, name: true, role: true, active: true },
  });
  if (!trainer || trainer.role !== "TRAINER" || !trainer.active) {
    throw new TrainingInputError(
      "trainerId",
      "Choose an active trainer from the list. Trainers are logins with the trainer role.",
    );
  }
  return trainer;
}

/** The active people a choice names: the people picked, and everyone active in the chosen departments and roles. */
async function resolveParticipants(tx: Tx, choice: ParticipantChoice): Promise<string[]> {
  const picked = [...new Set(choice.personIds)];
  const found = await tx.person.findMany({ where: { id: { in: picked } }, select: { id: true, active: true } });
  if (found.length !== picked.length) {
    throw new TrainingInputError(
      "participants",
      "Some of the chosen people are not in the directory. Search for them again.",
    );
  }
  if (found.some((p) => !p.active)) {
    throw new TrainingInputError(
      "participants",
      "Some of the chosen people are no longer active. Remove them from the list.",
    );
  }
  const [departments, roles] = await Promise.all([
    tx.department.count({ where: { id: { in: choice.departmentIds } } }),
    tx.role.count({ where: { id: { in: choice.roleIds } } }),
  ]);
  if (departments !== new Set(choice.departmentIds).size || roles !== new Set(choice.roleIds).size) {
    throw new TrainingInputError("participants", "Choose departments and roles from the list.");
  }
  const byGroup =
    choice.departmentIds.length > 0 || choice.roleIds.length > 0
      ? await tx.person.findMany({
          where: {
            active: true,
            ...(choice.departmentIds.length > 0 ? { departmentId: { in: choice.departmentIds } } : {}),
            ...(choice.roleIds.length > 0 ? { roleId: { in: choice.roleIds } } : {}),
          },
          select: { id: true },
        })
      : [];
  return [...new Set([...picked, ...byGroup.map((p) => p.id)])];
}

/** The oldest unarchived training survey that is the template as written, if any. */
/** The training NPS survey made from the template, under a free name (HR may have taken the template's). */
async function surveyFromTemplate(tx: Tx, actor: Actor) {
  const draft = draftFromTemplate(TRAINING_SURVEY);
  return createSurvey(actor, { ...draft, name: await freeSurveyName(draft.name, tx) }, tx);
}

export async function findTemplateSurvey(tx: Tx) {
  const surveys = await tx.survey.findMany({
    where: { kind: TRAINING_SURVEY, archived: false },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      questions: {
        orderBy: { position: "asc" },
        select: { type: true, texts: { where: { locale: "en" }, select: { text: true } } },
      },
    },
  });
  const match = surveys.find((s) =>
    matchesTemplate(
      s.questions.map((q) => ({ type: q.type, en: q.texts[0]?.text ?? null })),
      TRAINING_TEMPLATE,
    ),
  );
  return match ? { id: match.id, name: match.name } : null;
}

async function chosenSurvey(tx: Tx, surveyId: string) {
  const survey = await tx.survey.findUnique({
    where: { id: surveyId },
    select: { id: true, name: true, kind: true, archived: true },
  });
  if (!survey || survey.kind !== TRAINING_SURVEY || survey.archived) {
    throw new TrainingInputError("surveyId", "Choose a training survey from the list.");
  }
  return { id: survey.id, name: survey.name };
}

/** Everything creating a training checks, storing nothing. */
async function prepareTraining(tx: Tx, input: TrainingInput, now: Date) {
  checkInput(input, now);
  if (!input.openLink && !choosesAnyone(input.participants))
    throw new TrainingInputError("participants", NO_PARTICIPANTS);
  const trainer = await requireTrainer(tx, input.trainerId);
  const personIds = await resolveParticipants(tx, input.participants);
  if (personIds.length === 0 && !input.openLink) {
    throw new TrainingInputError(
      "participants",
      "Nobody active is in the chosen departments and roles. " + NO_PARTICIPANTS,
    );
  }
  const survey = input.surveyId ? await chosenSurvey(tx, input.surveyId) : await findTemplateSurvey(tx);
  return { trainer, personIds, survey };
}

export interface TrainingPreview {
  trainerName: string;
  participants: number;
  /** Null: the survey will be made from the template when the training is created. */
  surveyName: string | null;
  /** Which questions respondents of some language will read in English; null when none. */
  untranslated: string | null;
  before: RoundWindow;
  after: RoundWindow;
  /**
   * Fewer people can answer than k, and there is no open link: no round of the training can
   * ever show a score. Allowed (a training may grow), but said before it is created.
   */
  fewerThanK: boolean;
}

/** What creating the training would do, checked as creating it checks it. */
export async function previewTraining(input: TrainingInput, now: Date = new Date()): Promise<TrainingPreview> {
  return prisma.$transaction(async (tx) => {
    const { trainer, personIds, survey } = await prepareTraining(tx, input, now);
    return {
      trainerName: trainer.name,
      participants: personIds.length,
      surveyName: survey?.name ?? null,
      untranslated: survey ? await untranslatedIn(survey.id, tx) : null,
      before: beforeRoundWindow(input.startsOn, now),
      after: afterRoundWindow(input.endsOn),
      fewerThanK: !input.openLink && personIds.length < input.k,
    };
  });
}

/** A launch refusal, as a message next to the training form's field it concerns. */
function asInputError(error: unknown): unknown {
  if (!(error instanceof LaunchError)) return error;
  const field = { audience: "participants", surveyId: "surveyId", k: "k" }[error.field] ?? "form";
  return new TrainingInputError(field, error.message);
}

/** The training an earlier send of the same form created, through its before round's launch key. */
async function trainingCreatedWith(tx: Tx, createKey: string): Promise<CreatedTraining | null> {
  const before = await tx.round.findUnique({ where: { launchKey: createKey }, select: { trainingId: true } });
  if (!before?.trainingId) return null;
  const training = await tx.training.findUniqueOrThrow({
    where: { id: before.trainingId },
    select: {
      id: true,
      _count: { select: { participants: true } },
      rounds: {
        where: { kind: { in: ["TRAINING_PRE", "TRAINING_POST"] } },
        orderBy: { opensAt: "asc" },
        select: { id: true, kind: true, invitedCount: true, sharedKey: true, surveyId: true },
      },
    },
  });
  return {
    id: training.id,
    participants: training._count.participants,
    surveyId: training.rounds[0].surveyId,
    rounds: training.rounds.map(({ surveyId: _survey, kind, ...round }) => ({
      kind: kind as TrainingRoundKind,
      ...round,
    })),
  };
}

/**
 * Creates a training with its participants and launches its before and after rounds from one
 * survey (made from the template when none is chosen and none exists), with an audit entry: all
 * in one transaction, so bad input stores nothing. Throws TrainingInputError for what HR can fix.
 */
export async function createTraining(
  actor: Actor,
  input: TrainingInput,
  now: Date = new Date(),
): Promise<CreatedTraining> {
  return prisma.$transaction(
    async (tx) => {
      const created = input.createKey ? await trainingCreatedWith(tx, input.createKey) : null;
      if (created) return created;
      const { trainer, personIds, survey: found } = await prepareTraining(tx, input, now);
      const survey = found ?? (await surveyFromTemplate(tx, actor));
      const training = await tx.training.create({
        data: {
          title: input.title,
          topic: input.topic,
          trainerId: trainer.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          openLink: input.openLink,
          participants: { create: personIds.map((personId) => ({ personId })) },
        },
        select: { id: true },
      });
      const windows: [TrainingRoundKind, RoundWindow][] = [
        ["TRAINING_PRE", beforeRoundWindow(input.startsOn, now)],
        ["TRAINING_POST", afterRoundWindow(input.endsOn)],
      ];
      const rounds: CreatedTraining["rounds"] = [];
      for (const [kind, window] of windows) {
        const round = await launchRoundIn(
          tx,
          actor,
          {
            name: trainingRoundName(input.title, kind),
            surveyId: survey.id,
            kind,
            ...window,
            k: input.k,
            audience: { personIds },
            sharedLink: input.openLink,
            trainingId: training.id,
            launchKey: kind === "TRAINING_PRE" ? input.createKey : undefined,
          },
          now,
        ).catch((error) => {
          throw asInputError(error);
        });
        rounds.push({ kind, ...round });
      }
      await recordAudit(
        actor,
        "training.create",
        input.title,
        `trainer ${trainer.name}, ${personIds.length} participants${input.openLink ? ", open link" : ""}`,
        tx,
      );
      return { id: training.id, participants: personIds.length, surveyId: survey.id, rounds };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

/**
 * Adds the follow-up round: the same survey, threshold, participants and open link as the
 * training's other rounds, opening `daysAfterEnd` days after the end (or now, when that day
 * has passed). A training has at most one.
 */
export async function addFollowUpRound(actor: Actor, trainingId: string, daysAfterEnd: number, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const training = await tx.training.findUniqueOrThrow({
      where: { id: trainingId },
      select: {
        title: true,
        endsOn: true,
        openLink: true,
        participants: { select: { personId: true } },
        rounds: { orderBy: { createdAt: "asc" }, select: { kind: true, k: true, surveyId: true } },
      },
    });
    if (training.rounds.some((r) => r.kind === "TRAINING_FOLLOWUP")) throw new FollowUpExistsError();
    const reference = training.rounds.find((r) => r.kind === "TRAINING_PRE") ?? training.rounds[0];
    if (!reference) throw new TrainingInputError("daysAfterEnd", "This training has no rounds to follow up.");
    const round = await launchRoundIn(
      tx,
      actor,
      {
        name: trainingRoundName(training.title, "TRAINING_FOLLOWUP"),
        surveyId: reference.surveyId,
        kind: "TRAINING_FOLLOWUP",
        ...followUpRoundWindow(training.endsOn, daysAfterEnd, now),
        k: reference.k,
        audience: { personIds: training.participants.map((p) => p.personId) },
        sharedLink: training.openLink,
        trainingId,
      },
      now,
    ).catch((error) => {
      if (error instanceof LaunchError) throw new TrainingInputError("daysAfterEnd", error.message);
      throw error;
    });
    await recordAudit(actor, "training.follow-up", training.title, `opens ${daysAfterEnd} days after the end`, tx);
    return round;
  });
}
