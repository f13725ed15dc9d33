/**
 * Builds a database file with a company and rounds full of answers, for the browser tests and
 * the bench, which run against the built server. The work happens in a child process, since
 * the app's database module binds to one file when it is first imported.
 *
 * Answers are skewed the way real ones are: a few big departments and many small ones, common
 * and rare roles (so some department x role cells hold one or two people), departments that
 * differ in mood, comments in the six languages, and a rating item most people answer.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { seededRandom } from "~/domain/seeded-random";
import type { ResponseInput } from "~/models/responses.server";

export interface RoundSpec {
  name: string;
  kind?: "PERIODIC" | "PULSE";
  responses: number;
  /** Days since the round closed; null for a round open now. */
  closedDaysAgo: number | null;
  /** Invite people by name (a response rate of about 80%); otherwise the round has a shared link. */
  invite?: boolean;
  /** Added to every department's mood, to make trends move. */
  mood?: number;
}

export interface DatabaseSpec {
  departments: number;
  roles: number;
  logins: { email: string; password: string; role: "ADMIN" | "MANAGER"; departmentIndex?: number }[];
  rounds: RoundSpec[];
  seed?: number;
}

export interface BuiltDatabase {
  rounds: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  /** How long rebuilding the file took (what closing a round costs), when a round is closed. */
  rebuildMs: number | null;
}

const here = fileURLToPath(import.meta.url);

/** Creates `file` (migrated) and fills it as `spec` says. Takes a few seconds per 100,000 answers. */
export function buildResultsDatabase(file: string, spec: DatabaseSpec): BuiltDatabase {
  const output = execFileSync(process.execPath, ["--import", "tsx", here, file, JSON.stringify(spec)], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, SEED_DEMO: "false", CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split("\n").at(-1)!) as BuiltDatabase;
}

const DEPARTMENT_NAMES = [
  "Engineering",
  "Sales",
  "Customer Support",
  "Marketing",
  "Finance",
  "Operations",
  "People & Culture",
  "Product",
  "Legal",
  "Logistics",
  "Procurement",
  "Quality",
  "Research",
  "Security",
  "Facilities",
  "Data",
];
const ROLE_NAMES = [
  "Individual contributor",
  "Senior specialist",
  "Analyst",
  "Engineer",
  "Team lead",
  "Consultant",
  "Coordinator",
  "Manager",
  "Assistant",
  "Intern",
  "Senior manager",
  "Director",
];
const ROLE_WEIGHTS = [30, 20, 12, 10, 7, 6, 5, 4, 3, 2, 1, 0.5];

const WHY = {
  promoter: [
    "Great team and a supportive manager",
    "I like the flexible hours",
    "Career growth is real here",
    "团队氛围很好，领导很支持",
    "Świetny zespół i elastyczne godziny",
    "Дуже гарна команда",
    "Отличная команда и интересные задачи",
    "Страхотен екип и гъвкаво работно време",
  ],
  passive: [
    "Good place but the pay could be better",
    "Too many meetings",
    "Interesting work, slow decisions",
    "工资一般，但是同事很好",
    "Za dużo spotkań",
    "Забагато нарад",
    "Слишком много совещаний",
    "Добра работа, но ниска заплата",
  ],
  detractor: [
    "Pay is too low for the workload",
    "No career growth",
    "Management does not listen",
    "工资太低，加班太多",
    "Pensja jest za niska",
    "Зарплата занадто низька",
    "Заплатата е ниска",
    "Руководство не слушает сотрудников",
  ],
};
const IMPROVE = [
  "More training budget",
  "Fewer meetings",
  "Better tools",
  "Clearer career paths",
  "更多培训机会",
  "Mniej spotkań",
  "Більше навчання",
  "Повече обучения",
  "Больше обучения",
];

function pickWeighted(weights: number[], total: number, r: number) {
  let x = r * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** A 0-10 score for someone whose department's mood is `mood` (about -1 to 1). */
function scoreFor(mood: number, r: number) {
  const base = [2, 1, 1, 2, 3, 5, 7, 14, 20, 22, 23].map((w, score) =>
    Math.max(0.2, w * (1 + (mood * (score - 6)) / 6)),
  );
  return pickWeighted(
    base,
    base.reduce((a, b) => a + b, 0),
    r,
  );
}

async function build(file: string, spec: DatabaseSpec): Promise<BuiltDatabase> {
  process.env.DATABASE_URL = `file:${file}`;
  const { applyMigrations } = await import("~/cli/migrate");
  applyMigrations();
  const { prisma, rebuildDatabaseFile, writeTransaction } = await import("~/utils/db.server");
  const { insertResponse } = await import("~/models/responses.server");
  const { createUser } = await import("~/models/users.server");
  const { COMMAND_LINE } = await import("~/models/audit.server");
  const { categoryOf } = await import("~/domain/nps");
  const rand = seededRandom(spec.seed ?? 7);

  const departments = [];
  for (let i = 0; i < spec.departments; i++) {
    const base = DEPARTMENT_NAMES[i % DEPARTMENT_NAMES.length];
    const name = i < DEPARTMENT_NAMES.length ? base : `${base} ${Math.floor(i / DEPARTMENT_NAMES.length) + 1}`;
    departments.push(await prisma.department.create({ data: { name }, select: { id: true, name: true } }));
  }
  const roles = [];
  for (let i = 0; i < spec.roles; i++)
    roles.push(await prisma.role.create({ data: { name: ROLE_NAMES[i % ROLE_NAMES.length] }, select: { id: true } }));
  for (const login of spec.logins) {
    await createUser(COMMAND_LINE, {
      email: login.email,
      name: login.role === "ADMIN" ? "Hanna Kowalska" : "Li Wei",
      role: login.role,
      departmentId: login.role === "MANAGER" ? departments[login.departmentIndex ?? 0].id : "",
      password: login.password,
    });
  }
  const departmentWeights = departments.map((_, i) => 1 / (i + 1) ** 0.9);
  const departmentTotal = departmentWeights.reduce((a, b) => a + b, 0);
  const roleWeights = roles.map((_, i) => ROLE_WEIGHTS[i % ROLE_WEIGHTS.length]);
  const roleTotal = roleWeights.reduce((a, b) => a + b, 0);
  const moods = departments.map(() => rand() * 1.6 - 0.8);

  const text = (questionText: string) => ({ create: [{ locale: "en", text: questionText }] });
  const survey = await prisma.survey.create({
    data: {
      name: "Quarterly eNPS",
      kind: "ENPS",
      questions: {
        create: [
          {
            position: 0,
            type: "NPS",
            required: true,
            texts: text("How likely are you to recommend us as a place to work?"),
          },
          { position: 1, type: "TEXT", texts: text("What is the main reason for your score?") },
          { position: 2, type: "TEXT", texts: text("What one thing should we improve?") },
          { position: 3, type: "RATING", texts: text("I have what I need to do my job well.") },
        ],
      },
    },
    select: { id: true, questions: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  const [nps, why, improve, rating] = survey.questions.map((q) => q.id);

  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const stamp = new Date().toISOString().replace("Z", "+00:00");
  const built: BuiltDatabase["rounds"] = [];
  let people = 0;
  for (const roundSpec of spec.rounds) {
    const closesAt =
      roundSpec.closedDaysAgo === null ? new Date(now + 7 * day) : new Date(now - roundSpec.closedDaysAgo * day);
    const round = await prisma.round.create({
      data: {
        name: roundSpec.name,
        surveyId: survey.id,
        kind: roundSpec.kind ?? "PERIODIC",
        opensAt: new Date(closesAt.getTime() - 14 * day),
        closesAt,
        closedAt: roundSpec.closedDaysAgo === null ? null : closesAt,
        k: 5,
        audience: JSON.stringify({ departmentIds: [], roleIds: [] }),
        sharedKey: roundSpec.invite ? null : `kiosk-${roundSpec.name.replace(/\W/g, "-")}-${people}`,
      },
      select: { id: true, name: true },
    });
    const answers: ResponseInput[] = [];
    const perCell = new Map<string, { departmentId: string; roleId: string; count: number }>();
    for (let i = 0; i < roundSpec.responses; i++) {
      const d = pickWeighted(departmentWeights, departmentTotal, rand());
      const r = pickWeighted(roleWeights, roleTotal, rand());
      const score = scoreFor(Math.max(-1, Math.min(1, moods[d] + (roundSpec.mood ?? 0))), rand());
      const category = categoryOf(score);
      const pool = WHY[category];
      answers.push({
        roundId: round.id,
        departmentId: departments[d].id,
        roleId: roles[r].id,
        answers: [
          { questionId: nps, type: "NPS", value: score },
          { questionId: why, type: "TEXT", text: rand() < 0.35 ? pool[Math.floor(rand() * pool.length)] : null },
          {
            questionId: improve,
            type: "TEXT",
            text: rand() < 0.2 ? IMPROVE[Math.floor(rand() * IMPROVE.length)] : null,
          },
          ...(rand() < 0.85
            ? [
                {
                  questionId: rating,
                  type: "RATING" as const,
                  value: Math.max(1, Math.min(5, Math.round(score / 2.5 + rand()))),
                },
              ]
            : []),
        ],
      });
      const key = `${d}|${r}`;
      const cell = perCell.get(key) ?? { departmentId: departments[d].id, roleId: roles[r].id, count: 0 };
      cell.count++;
      perCell.set(key, cell);
    }
    await writeTransaction((db) => {
      for (const answer of answers) insertResponse(db, answer);
      if (!roundSpec.invite) return;
      const person = db.prepare(
        "INSERT INTO Person (id, email, name, departmentId, roleId, active, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
      );
      const invitation = db.prepare(
        "INSERT INTO Invitation (id, roundId, personId, departmentId, roleId) VALUES (?, ?, ?, ?, ?)",
      );
      let invited = 0;
      for (const cell of perCell.values()) {
        const asked = Math.ceil(cell.count / 0.8);
        for (let i = 0; i < asked; i++) {
          const id = `p${++people}`;
          person.run(id, `${id}@company.example`, `Person ${people}`, cell.departmentId, cell.roleId, stamp, stamp);
          invitation.run(`i${people}`, round.id, id, cell.departmentId, cell.roleId);
          invited++;
        }
      }
      db.prepare("UPDATE Round SET invitedCount = ? WHERE id = ?").run(invited, round.id);
    });
    built.push(round);
  }
  // As when a round closes: the file is rebuilt so it keeps no order of arrival.
  let rebuildMs: number | null = null;
  if (spec.rounds.some((r) => r.closedDaysAgo !== null)) {
    const started = performance.now();
    await rebuildDatabaseFile();
    await prisma.round.updateMany({ where: { closedAt: { not: null } }, data: { storageRebuiltAt: new Date() } });
    rebuildMs = performance.now() - started;
  }
  await prisma.$disconnect();
  return { rounds: built, departments, rebuildMs };
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const [file, json] = process.argv.slice(2);
  const result = await build(file, JSON.parse(json) as DatabaseSpec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
