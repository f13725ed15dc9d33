/**
 * Builds load-test data straight into a fresh, migrated database file with plain SQL (fast), then
 * starts the built server on it.
 */
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { applyMigrations } from "~/cli/migrate";
import { insertResponse } from "~/models/responses.server";
import { hashPassword } from "~/utils/password.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import type { LoadRequest } from "./load";
import { newDatabaseFile, startServer } from "./server";

const id = () => crypto.randomUUID();

export interface BenchQuestions {
  nps: string;
  texts: string[];
  rating: string;
}

export async function prepareLoadDatabase(label: string) {
  const file = newDatabaseFile(label);
  process.env.DATABASE_URL = `file:${file}`;
  applyMigrations();
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");

  function makeSurvey(): BenchQuestions {
    const surveyId = id();
    sqlite
      .prepare("INSERT INTO Survey (id, name, kind, updatedAt) VALUES (?, 'Bench survey', 'ENPS', ?)")
      .run(surveyId, new Date().toISOString());
    const question = sqlite.prepare(
      "INSERT INTO Question (id, surveyId, position, type, required) VALUES (?, ?, ?, ?, ?)",
    );
    const text = sqlite.prepare("INSERT INTO QuestionText (questionId, locale, text) VALUES (?, 'en', ?)");
    const questions = { nps: id(), texts: [id(), id()], rating: id() };
    question.run(questions.nps, surveyId, 0, "NPS", 1);
    text.run(questions.nps, "How likely are you to recommend {company} as a place to work?");
    questions.texts.forEach((q, i) => {
      question.run(q, surveyId, i + 1, "TEXT", 0);
      text.run(q, i === 0 ? "What is the main reason for your score?" : "What one thing should we improve?");
    });
    question.run(questions.rating, surveyId, 3, "RATING", 0);
    text.run(questions.rating, "I have what I need to do my job well.");
    return Object.assign(questions, { surveyId });
  }

  function makeOrg(departments: number, roles: number) {
    const insertDepartment = sqlite.prepare("INSERT INTO Department (id, name) VALUES (?, ?)");
    const insertRole = sqlite.prepare("INSERT INTO Role (id, name) VALUES (?, ?)");
    const departmentIds = Array.from({ length: departments }, (_, i) => {
      const value = id();
      insertDepartment.run(value, `Department ${i + 1}`);
      return value;
    });
    const roleIds = Array.from({ length: roles }, (_, i) => {
      const value = id();
      insertRole.run(value, `Role ${i + 1}`);
      return value;
    });
    return { departmentIds, roleIds };
  }

  const db = {
    file,
    sqlite,
    makeSurvey,
    makeOrg,
    /** An open round with `people` invited people spread over the org, and their plain tokens. */
    openRoundWithInvitations(people: number, org: { departments: number; roles: number }) {
      const questions = makeSurvey() as BenchQuestions & { surveyId: string };
      const { departmentIds, roleIds } = makeOrg(org.departments, org.roles);
      const roundId = id();
      const now = Date.now();
      sqlite
        .prepare(
          "INSERT INTO Round (id, name, surveyId, kind, opensAt, closesAt, k, audience, invitedCount) VALUES (?, 'Bench round', ?, 'PERIODIC', ?, ?, 5, '{}', ?)",
        )
        .run(
          roundId,
          questions.surveyId,
          new Date(now - 86_400_000).toISOString(),
          new Date(now + 30 * 86_400_000).toISOString(),
          people,
        );
      const person = sqlite.prepare(
        "INSERT INTO Person (id, email, name, departmentId, roleId, updatedAt) VALUES (?, ?, ?, ?, ?, ?)",
      );
      const invitation = sqlite.prepare(
        "INSERT INTO Invitation (id, roundId, personId, departmentId, roleId) VALUES (?, ?, ?, ?, ?)",
      );
      const token = sqlite.prepare("INSERT INTO InvitationToken (tokenHash, invitationId) VALUES (?, ?)");
      const tokens: string[] = [];
      sqlite.transaction(() => {
        for (let i = 0; i < people; i++) {
          const personId = id();
          const departmentId = departmentIds[i % departmentIds.length];
          const roleId = roleIds[Math.floor(i / departmentIds.length) % roleIds.length];
          person.run(
            personId,
            `person${i}@bench.example`,
            `Person ${i}`,
            departmentId,
            roleId,
            new Date().toISOString(),
          );
          const invitationId = id();
          invitation.run(invitationId, roundId, personId, departmentId, roleId);
          const plain = newToken();
          token.run(hashToken(plain), invitationId);
          tokens.push(plain);
        }
      })();
      return { id: roundId, tokens, questions, departmentIds, roleIds };
    },
    /** A closed round on the same survey and org with `answers` responses, for HR to read meanwhile. */
    closedRoundWithAnswers(
      open: { questions: BenchQuestions & { surveyId: string }; departmentIds: string[]; roleIds: string[] },
      answers: number,
    ) {
      const roundId = id();
      const now = Date.now();
      sqlite
        .prepare(
          "INSERT INTO Round (id, name, surveyId, kind, opensAt, closesAt, k, audience, invitedCount) VALUES (?, 'Earlier round', ?, 'PERIODIC', ?, ?, 5, '{}', ?)",
        )
        .run(
          roundId,
          open.questions.surveyId,
          new Date(now - 60 * 86_400_000).toISOString(),
          new Date(now - 40 * 86_400_000).toISOString(),
          answers,
        );
      sqlite.transaction(() => {
        for (let i = 0; i < answers; i++) {
          insertResponse(sqlite, {
            roundId,
            departmentId: open.departmentIds[i % open.departmentIds.length],
            roleId: open.roleIds[i % open.roleIds.length],
            answers: [
              { questionId: open.questions.nps, type: "NPS", value: i % 11 },
              { questionId: open.questions.texts[0], type: "TEXT", text: `Reason ${i % 13}` },
            ],
          });
        }
      })();
      return roundId;
    },
    async makeAdmin(email: string, password: string) {
      sqlite
        .prepare("INSERT INTO User (id, email, name, role, passwordHash) VALUES (?, ?, 'Load Admin', 'ADMIN', ?)")
        .run(id(), email, await hashPassword(password));
    },
    countResponses(roundId: string): number {
      return (sqlite.prepare("SELECT COUNT(*) AS n FROM Response WHERE roundId = ?").get(roundId) as { n: number }).n;
    },
    close() {
      sqlite.close();
    },
  };

  /** A full answer: a score, two comments and a rating, varied by `n`. */
  function surveyFields(questions: BenchQuestions, n: number): string {
    const params = new URLSearchParams();
    params.set("score", String(n % 11));
    params.set(`text:${questions.texts[0]}`, `Reason number ${n % 97}: the team and the work.`);
    params.set(`text:${questions.texts[1]}`, "More time for training.");
    params.set(`rating:${questions.rating}`, String((n % 5) + 1));
    return params.toString();
  }

  return {
    db,
    startServer: (env: Record<string, string> = {}) => startServer({ databaseFile: file, env }),
    surveyFields,
    /** For runSteadyLoad: the next personal link of `round` answered in full, until none is left. */
    answerEachLink(round: { tokens: string[]; questions: BenchQuestions }): () => LoadRequest | null {
      let index = 0;
      return () => {
        const token = round.tokens[index++];
        return token ? { method: "POST", path: `/a/${token}`, body: surveyFields(round.questions, index) } : null;
      };
    },
  };
}
