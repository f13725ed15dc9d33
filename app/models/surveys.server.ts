import { HR_LOCALE, plural } from "~/domain/plural";
import {
  emptyWording,
  untranslatedNote,
  withFallback,
  type QuestionType,
  type SurveyDraft,
  type SurveyKind,
  type Wording,
} from "~/domain/survey";
import { SurveyRefusal } from "~/domain/survey-form";
import type { Prisma } from "~/generated/prisma/client";
import { LOCALES, type Locale } from "~/i18n/locales";
import { prisma } from "~/utils/db.server";
import { recordAudit, type Actor } from "./audit.server";
import { getCompanyName } from "./settings.server";

/** A survey that has been launched is locked: its answers must keep meaning what was asked. */
export class SurveyLockedError extends SurveyRefusal {
  constructor(rounds: number) {
    super(
      "form",
      `This survey is locked: ${plural(HR_LOCALE, rounds, { one: "a round has", other: "# rounds have" })} been launched with it, and ` +
        "their answers must keep meaning what was asked. Duplicate it to make a changed version.",
    );
  }
}

/** Two surveys of one name could not be told apart when launching a round. */
export class SurveyNameTakenError extends SurveyRefusal {
  constructor(name: string) {
    super("name", `There is already a survey called "${name}". Give this one another name.`);
  }
}

/** The stored survey whose name matches, ignoring case ("eNPS" and "ENPS" would confuse people). */
async function surveyNamed(db: Prisma.TransactionClient, name: string, exceptId?: string) {
  const surveys = await db.survey.findMany({
    where: exceptId ? { id: { not: exceptId } } : {},
    select: { name: true },
  });
  const wanted = name.toLowerCase();
  return surveys.find((survey) => survey.name.toLowerCase() === wanted) ?? null;
}

/** `name`, or "name (2)", "name (3)"...: the first that no survey has, ignoring case. */
export async function freeSurveyName(name: string, db: Prisma.TransactionClient = prisma): Promise<string> {
  const taken = new Set(
    (await db.survey.findMany({ select: { name: true } })).map((survey) => survey.name.toLowerCase()),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export async function listSurveys() {
  const surveys = await prisma.survey.findMany({
    orderBy: [{ archived: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      archived: true,
      createdAt: true,
      _count: { select: { questions: true, rounds: true } },
    },
  });
  return surveys.map(({ _count, kind, ...survey }) => ({
    ...survey,
    kind: kind as SurveyKind,
    questionCount: _count.questions,
    roundCount: _count.rounds,
  }));
}

/** Surveys that new rounds (or schedules) of this kind may use. */
export function listLaunchableSurveys(kind: SurveyKind) {
  return prisma.survey.findMany({
    where: { kind, archived: false },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

const questionSelect = {
  id: true,
  position: true,
  type: true,
  required: true,
  texts: { select: { locale: true, text: true } },
} as const;

function wordingOf(texts: { locale: string; text: string }[]): Wording {
  const wording = emptyWording();
  for (const { locale, text } of texts) if (locale in wording) wording[locale as keyof Wording] = text;
  return wording;
}

/** A survey with its questions as stored (a translation left empty is ""), for HR's pages. */
export async function getSurvey(id: string) {
  const survey = await prisma.survey.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      archived: true,
      createdAt: true,
      questions: { orderBy: { position: "asc" }, select: questionSelect },
      rounds: { orderBy: { opensAt: "desc" }, take: 10, select: { id: true, name: true, opensAt: true } },
      _count: { select: { rounds: true } },
    },
  });
  if (!survey) return null;
  const { _count, questions, kind, ...rest } = survey;
  const draft: SurveyDraft = {
    name: survey.name,
    kind: kind as SurveyKind,
    questions: questions.map((q) => ({ type: q.type as QuestionType, texts: wordingOf(q.texts) })),
  };
  return { ...rest, kind: kind as SurveyKind, roundCount: _count.rounds, locked: _count.rounds > 0, draft };
}

/** Only the wordings someone typed are stored; an empty one falls back to English when read. */
function questionRows(draft: SurveyDraft): Prisma.QuestionCreateWithoutSurveyInput[] {
  return draft.questions.map((question, position) => ({
    position,
    type: question.type,
    required: question.type === "NPS",
    texts: {
      create: LOCALES.filter((locale) => question.texts[locale] !== "").map((locale) => ({
        locale,
        text: question.texts[locale],
      })),
    },
  }));
}

/** Creates a survey; inside a transaction (a training creating its survey), pass its client. */
export async function createSurvey(
  actor: Actor,
  draft: SurveyDraft,
  db?: Prisma.TransactionClient,
): Promise<{ id: string }> {
  // The name check and the insert are one transaction, so two saves cannot both take a name.
  if (!db) return prisma.$transaction((tx) => createSurvey(actor, draft, tx));
  const clash = await surveyNamed(db, draft.name);
  if (clash) throw new SurveyNameTakenError(clash.name);
  const survey = await db.survey.create({
    data: { name: draft.name, kind: draft.kind, questions: { create: questionRows(draft) } },
    select: { id: true },
  });
  await recordAudit(actor, "survey.create", draft.name, `${draft.questions.length} questions`, db);
  return survey;
}

/**
 * Replaces a survey's wording and questions. Refused once a round uses the survey; the check
 * and the change are one transaction, so a launch cannot slip in between.
 */
export async function updateSurvey(actor: Actor, id: string, draft: SurveyDraft): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const rounds = await tx.round.count({ where: { surveyId: id } });
    if (rounds > 0) throw new SurveyLockedError(rounds);
    const clash = await surveyNamed(tx, draft.name, id);
    if (clash) throw new SurveyNameTakenError(clash.name);
    // No round means no answers or tallies point at these questions.
    await tx.question.deleteMany({ where: { surveyId: id } });
    await tx.survey.update({
      where: { id },
      data: { name: draft.name, questions: { create: questionRows(draft) } },
    });
    await recordAudit(actor, "survey.update", draft.name, `${draft.questions.length} questions`, tx);
  });
}

export async function setSurveyArchived(actor: Actor, id: string, archived: boolean): Promise<void> {
  const survey = await prisma.survey.update({ where: { id }, data: { archived }, select: { name: true } });
  await recordAudit(actor, archived ? "survey.archive" : "survey.unarchive", survey.name);
}

export interface AnsweringQuestion {
  id: string;
  position: number;
  type: QuestionType;
  required: boolean;
  /** The wording in every locale, English where a translation was left empty. Placeholders
   * ({company}, {training}) are still in it: fill them with `fillWording`. */
  texts: Wording;
  /** The locales HR wrote a wording for; in the others the question is shown in English. */
  wordedIn: Locale[];
}

export interface AnsweringSurvey {
  id: string;
  kind: SurveyKind;
  questions: AnsweringQuestion[];
  /** Fills {company}; null when HR has not set it (launching such a survey is refused then). */
  companyName: string | null;
}

/**
 * The survey as the answer pages show it. A survey with rounds never changes (it is locked),
 * so the questions may be cached per survey id; the company name may change.
 */
export async function getSurveyForAnswering(surveyId: string): Promise<AnsweringSurvey | null> {
  const [survey, companyName] = await Promise.all([
    prisma.survey.findUnique({
      where: { id: surveyId },
      select: { id: true, kind: true, questions: { orderBy: { position: "asc" }, select: questionSelect } },
    }),
    getCompanyName(),
  ]);
  if (!survey) return null;
  return {
    id: survey.id,
    kind: survey.kind as SurveyKind,
    companyName,
    questions: survey.questions.map((q) => ({
      id: q.id,
      position: q.position,
      type: q.type as QuestionType,
      required: q.required,
      texts: withFallback(Object.fromEntries(q.texts.map((t) => [t.locale, t.text]))),
      wordedIn: LOCALES.filter((locale) => q.texts.some((t) => t.locale === locale && t.text.trim() !== "")),
    })),
  };
}

/** What respondents of some language will read in English in this survey; null when nothing. */
export async function untranslatedIn(surveyId: string, db: Prisma.TransactionClient = prisma): Promise<string | null> {
  const questions = await db.question.findMany({ where: { surveyId }, select: { texts: true } });
  return untranslatedNote(questions.map((q) => ({ texts: wordingOf(q.texts) })));
}
