/**
 * The demo company's history: four closed quarterly eNPS rounds and one open, answered through
 * the same links and submission path employees use, and action items that came out of them.
 */
import { draftFromTemplate } from "~/domain/survey-templates";
import { createAction, addActionNote, setActionPublished } from "~/models/actions.server";
import { submitByToken } from "~/models/answering.server";
import type { Actor } from "~/models/audit.server";
import { mintLinksForDownload } from "~/models/invitations.server";
import { launchRound } from "~/models/rounds.server";
import { setCompanyName } from "~/models/settings.server";
import { createSurvey, getSurveyForAnswering } from "~/models/surveys.server";
import type { SessionUser } from "~/models/users.server";
import { prisma } from "~/utils/db.server";
import { seededRandom } from "~/domain/seeded-random";
import { DEPARTMENT_MOODS, demoComments, demoScore, type Random } from "./demo-answers";

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_COMPANY = "Northwind Group";

export interface DemoLogins {
  admin: SessionUser;
  manager: SessionUser;
  trainer: SessionUser;
}

const quarterOf = (date: Date) => `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;

/** Launches a round as HR would have, at `opensAt`, and answers it as employees would have. */
async function answeredRound(
  actor: Actor,
  survey: { id: string; questions: { id: string; type: string }[] },
  opensAt: Date,
  closesAt: Date,
  moodIndex: number,
  share: number,
  random: Random,
) {
  const round = await launchRound(
    actor,
    { name: `eNPS ${quarterOf(opensAt)}`, surveyId: survey.id, kind: "PERIODIC", opensAt, closesAt, k: 5, audience: { departmentIds: [], roleIds: [] }, sharedLink: false },
    new Date(opensAt.getTime() - 60_000),
  );
  const { rows } = await mintLinksForDownload(actor, round.id, "http://demo.invalid", opensAt);
  const people = await prisma.person.findMany({ select: { email: true, department: { select: { name: true } } } });
  const departmentOf = new Map(people.map((p) => [p.email, p.department.name]));
  const [nps, reason, improve] = survey.questions;
  for (const row of rows) {
    if (random() > share) continue;
    const mood = DEPARTMENT_MOODS[departmentOf.get(row.email) ?? ""]?.[moodIndex] ?? 0.5;
    const score = demoScore(mood, random);
    const comments = demoComments(score, random);
    const answeredAt = new Date(opensAt.getTime() + random() * (Math.min(closesAt.getTime(), Date.now()) - opensAt.getTime()));
    await submitByToken(
      row.link.slice(row.link.lastIndexOf("/") + 1),
      [
        { questionId: nps.id, type: "NPS", value: score },
        ...(comments.reason ? [{ questionId: reason.id, type: "TEXT" as const, text: comments.reason }] : []),
        ...(comments.improve ? [{ questionId: improve.id, type: "TEXT" as const, text: comments.improve }] : []),
      ],
      answeredAt,
    );
  }
  return round.id;
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
    description: "Engineering still said meetings leave no time to focus. Every team lead reviews their recurring meetings.",
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
    notes: [{ body: "Bands agreed for four of six roles; the rest follow with the next review cycle.", status: "IN_PROGRESS" }],
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
    description: "Sales lost ground on career paths; managers hold a career conversation with each person every quarter.",
    department: "Sales",
    deadlineDays: 90,
    notes: [{ body: "Started with the two largest sales teams.", status: "IN_PROGRESS" }],
    published: false,
  },
];

/** The action items HR and the Engineering manager took from the rounds, as they would have. */
async function demoActions(logins: DemoLogins, rounds: ClosedRound[]) {
  const departments = new Map((await prisma.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]));
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

export async function seedDemoActivity(logins: DemoLogins, now = new Date()) {
  const actor = { id: logins.admin.id, email: logins.admin.email };
  await setCompanyName(actor, DEMO_COMPANY);
  const { id: surveyId } = await createSurvey(actor, draftFromTemplate("ENPS"));
  const survey = (await getSurveyForAnswering(surveyId))!;
  const random = seededRandom(42);

  // Four closed rounds, a quarter apart, the latest ended a month ago; and the current one.
  const closed: ClosedRound[] = [];
  for (let i = 0; i < 4; i++) {
    const opensAt = new Date(now.getTime() - (400 - i * 91) * DAY);
    const closesAt = new Date(opensAt.getTime() + 14 * DAY);
    closed.push({ id: await answeredRound(actor, survey, opensAt, closesAt, i, 0.72 + i * 0.03, random), closesAt });
  }
  const currentOpens = new Date(now.getTime() - 5 * DAY);
  await answeredRound(actor, survey, currentOpens, new Date(now.getTime() + 9 * DAY), 4, 0.45, random);
  await demoActions(logins, closed);
}
