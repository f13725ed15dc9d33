/**
 * The demo company's history: four closed quarterly eNPS rounds and one open, a training with its
 * before and after rounds, all answered through the same links and submission path employees
 * use, and the action items that came out of them.
 */
import type { ParsedAnswer } from "~/domain/answer-form";
import { seededRandom } from "~/domain/seeded-random";
import { draftFromTemplate } from "~/domain/survey-templates";
import { createAction, addActionNote, setActionPublished } from "~/models/actions.server";
import { submitByToken } from "~/models/answering.server";
import type { Actor } from "~/models/audit.server";
import { LONG, mint } from "~/models/invitations.server";
import { launchRound } from "~/models/round-launch.server";
import { setCompanyName } from "~/models/settings.server";
import { createSurvey, getSurveyForAnswering } from "~/models/surveys.server";
import { createTraining } from "~/models/trainings.server";
import type { SessionUser } from "~/models/users.server";
import { prisma } from "~/utils/db.server";
import { DEPARTMENT_MOODS, demoComments, demoRating, demoScore, type Random } from "./demo-answers";

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_COMPANY = "Northwind Group";

export interface DemoLogins {
  admin: SessionUser;
  manager: SessionUser;
  trainer: SessionUser;
}

const quarterOf = (date: Date) => `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;

interface DemoSurvey {
  id: string;
  questions: { id: string; type: string }[];
}

/**
 * Answers a round through its personal links, as employees would have: links e-mailed when it
 * opened, each person answering (or not) at some moment while it was open. `moodOf` gives how
 * a person feels, from their department.
 */
async function answerThroughLinks(
  round: { id: string; opensAt: Date; closesAt: Date },
  survey: DemoSurvey,
  moodOf: (department: string) => number,
  share: number,
  random: Random,
) {
  const rows = await prisma.$transaction((tx) => mint(tx, { roundId: round.id }), LONG);
  const people = await prisma.person.findMany({ select: { email: true, department: { select: { name: true } } } });
  const departmentOf = new Map(people.map((p) => [p.email, p.department.name]));
  const lastMoment = Math.min(round.closesAt.getTime(), Date.now());
  for (const row of rows) {
    if (random() > share) continue;
    const mood = moodOf(departmentOf.get(row.email) ?? "");
    const score = demoScore(mood, random);
    const comments = demoComments(score, random);
    const texts = [comments.reason, comments.improve];
    const answers = survey.questions.flatMap((question): ParsedAnswer[] => {
      if (question.type === "NPS") return [{ questionId: question.id, type: "NPS", value: score }];
      if (question.type === "RATING")
        return [{ questionId: question.id, type: "RATING", value: demoRating(mood, random) }];
      const text = texts.shift();
      return text ? [{ questionId: question.id, type: "TEXT", text }] : [];
    });
    const answeredAt = new Date(round.opensAt.getTime() + random() * (lastMoment - round.opensAt.getTime()));
    await submitByToken(row.token, answers, answeredAt);
  }
}

/** Launches a quarterly eNPS round as HR would have, at `opensAt`, and has it answered. */
async function quarterlyRound(
  actor: Actor,
  survey: DemoSurvey,
  opensAt: Date,
  closesAt: Date,
  quarter: number,
  share: number,
  random: Random,
) {
  const round = await launchRound(
    actor,
    {
      name: `eNPS ${quarterOf(opensAt)}`,
      surveyId: survey.id,
      kind: "PERIODIC",
      opensAt,
      closesAt,
      k: 5,
      audience: { departmentIds: [], roleIds: [] },
      sharedLink: false,
    },
    new Date(opensAt.getTime() - 60_000),
  );
  await answerThroughLinks(
    { id: round.id, opensAt, closesAt },
    survey,
    (department) => DEPARTMENT_MOODS[department]?.[quarter] ?? 0.5,
    share,
    random,
  );
  return round.id;
}

/**
 * A feedback training for Customer Support and Sales, run by the demo trainer a month ago: its
 * before round answered with the mood people came in with, its after round noticeably better.
 */
async function feedbackTraining(actor: Actor, trainer: SessionUser, now: Date, random: Random) {
  const departments = await prisma.department.findMany({
    where: { name: { in: ["Customer Support", "Sales"] } },
    select: { id: true },
  });
  const createdAt = new Date(now.getTime() - 40 * DAY);
  // A working day, 09:00 to 16:00 UTC, whatever the day and time the demo is loaded.
  const day = new Date(Math.floor(createdAt.getTime() / DAY) * DAY + 5 * DAY);
  const toMonday = { 6: 2, 0: 1 }[day.getUTCDay()] ?? 0;
  const startsOn = new Date(day.getTime() + toMonday * DAY + 9 * 3600_000);
  const training = await createTraining(
    actor,
    {
      title: "Giving and receiving feedback",
      topic: "Communication",
      trainerId: trainer.id,
      startsOn,
      endsOn: new Date(startsOn.getTime() + 7 * 3600_000),
      participants: { personIds: [], departmentIds: departments.map((d) => d.id), roleIds: [] },
      openLink: false,
      k: 5,
      surveyId: null,
    },
    createdAt,
  );
  const survey = (await getSurveyForAnswering(training.surveyId))!;
  const rounds = await prisma.round.findMany({
    where: { trainingId: training.id },
    select: { id: true, kind: true, opensAt: true, closesAt: true },
  });
  for (const round of rounds) {
    const mood = round.kind === "TRAINING_PRE" ? 0.35 : 0.7;
    await answerThroughLinks(round, survey, () => mood, 0.8, random);
  }
}

interface ClosedRound {
  id: string;
  closesAt: Date;
}

interface DemoPlan {
  /** Which closed round it came from (0 = oldest). */
  from: number;
  owner: "admin" | "manager";
  title: string;
  description: string;
  department: string | null;
  /** Days from the round's close to the deadline. */
  deadlineDays: number;
  notes: { body: string; status?: "IN_PROGRESS" | "DONE" | "CANCELLED" }[];
  published: boolean;
}

const DEMO_PLANS: DemoPlan[] = [
  {
    from: 1,
    owner: "manager",
    title: "Meeting-free Wednesdays in Engineering",
    description: "Engineering's comments asked for time to focus. Pilot: no meetings on Wednesdays.",
    department: "Engineering",
    deadlineDays: 30,
    notes: [
      { body: "Pilot started in two teams.", status: "IN_PROGRESS" },
      { body: "Rolled out to all of Engineering; calendars block Wednesdays.", status: "DONE" },
    ],
    published: true,
  },
  {
    from: 3,
    owner: "manager",
    title: "Cut recurring meetings by a third",
    description:
      "Engineering still said meetings leave no time to focus. Every team lead reviews their recurring meetings.",
    department: "Engineering",
    deadlineDays: 45,
    notes: [
      { body: "Every team reviewed its recurring meetings; 14 of 40 were dropped.", status: "IN_PROGRESS" },
      { body: "Done: recurring meetings are down by 35%.", status: "DONE" },
    ],
    published: true,
  },
  {
    from: 3,
    owner: "admin",
    title: "Publish salary bands for every role",
    description: "Pay transparency came up in every department's comments.",
    department: null,
    deadlineDays: 120,
    notes: [
      {
        body: "Bands agreed for four of six roles; the rest follow with the next review cycle.",
        status: "IN_PROGRESS",
      },
    ],
    published: true,
  },
  {
    from: 3,
    owner: "admin",
    title: "An onboarding buddy for every new hire in Customer Support",
    description: "New starters in Support said they were left alone in their first weeks.",
    department: "Customer Support",
    deadlineDays: 30,
    notes: [],
    published: false,
  },
  {
    from: 3,
    owner: "admin",
    title: "Career conversations every quarter in Sales",
    description:
      "Sales lost ground on career paths; managers hold a career conversation with each person every quarter.",
    department: "Sales",
    deadlineDays: 90,
    notes: [{ body: "Started with the two largest sales teams.", status: "IN_PROGRESS" }],
    published: false,
  },
];

/** The action items HR and the Engineering manager took from the rounds, as they would have. */
async function demoActions(logins: DemoLogins, rounds: ClosedRound[]) {
  const departments = new Map(
    (await prisma.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]),
  );
  for (const plan of DEMO_PLANS) {
    const round = rounds[plan.from];
    const owner = logins[plan.owner];
    const { id } = await createAction(
      owner,
      {
        title: plan.title,
        description: plan.description,
        ownerId: owner.id,
        deadline: new Date(round.closesAt.getTime() + plan.deadlineDays * DAY).toISOString().slice(0, 10),
        roundId: round.id,
        departmentId: plan.department ? departments.get(plan.department)! : null,
        roleId: null,
        trainingId: null,
      },
      new Date(round.closesAt.getTime() + DAY),
    );
    for (const note of plan.notes) await addActionNote(owner, id, { body: note.body, status: note.status ?? null });
    if (plan.published) await setActionPublished(logins.admin, id, true);
  }
}

/**
 * The directory as a company's would be: everyone there for years, but for three people who
 * joined Customer Support a week before the latest closed round, which its results point out.
 */
async function dateTheDirectory(now: Date, latestClosedLaunch: Date) {
  await prisma.person.updateMany({ data: { createdAt: new Date(now.getTime() - 3 * 365 * DAY) } });
  const newcomers = await prisma.person.findMany({
    where: { department: { name: "Customer Support" } },
    orderBy: { email: "asc" },
    take: 3,
    select: { id: true },
  });
  await prisma.person.updateMany({
    where: { id: { in: newcomers.map((p) => p.id) } },
    data: { createdAt: new Date(latestClosedLaunch.getTime() - 7 * DAY) },
  });
}

export async function seedDemoActivity(logins: DemoLogins, now = new Date()) {
  const actor = { id: logins.admin.id, email: logins.admin.email };
  await setCompanyName(actor, DEMO_COMPANY);
  const { id: surveyId } = await createSurvey(actor, draftFromTemplate("ENPS"));
  const survey = (await getSurveyForAnswering(surveyId))!;
  const random = seededRandom(42);

  // Four closed rounds, a quarter apart, the latest ended a month ago; and the current one.
  const opensOf = (i: number) => new Date(now.getTime() - (400 - i * 91) * DAY);
  await dateTheDirectory(now, opensOf(3));
  const closed: ClosedRound[] = [];
  for (let i = 0; i < 4; i++) {
    const opensAt = opensOf(i);
    const closesAt = new Date(opensAt.getTime() + 14 * DAY);
    closed.push({ id: await quarterlyRound(actor, survey, opensAt, closesAt, i, 0.72 + i * 0.03, random), closesAt });
  }
  const currentOpens = new Date(now.getTime() - 5 * DAY);
  await quarterlyRound(actor, survey, currentOpens, new Date(now.getTime() + 9 * DAY), 4, 0.45, random);
  await feedbackTraining(actor, logins.trainer, now, random);
  await demoActions(logins, closed);
}
