import crypto from "node:crypto";
import type Database from "better-sqlite3";

/** One answered question. NPS and RATING answers carry a value, TEXT answers a text. */
export interface AnswerInput {
  questionId: string;
  type: "NPS" | "TEXT" | "RATING";
  value?: number | null;
  text?: string | null;
}

export interface ResponseInput {
  roundId: string;
  /** The snapshot (anonymity rule 3): the invitation's, or the respondent's own choice. */
  departmentId: string;
  roleId: string;
  answers: AnswerInput[];
}

type Statements = ReturnType<typeof prepare>;
const prepared = new WeakMap<Database.Database, Statements>();

function prepare(db: Database.Database) {
  return {
    response: db.prepare("INSERT INTO Response (id, roundId, departmentId, roleId, score) VALUES (?, ?, ?, ?, ?)"),
    answer: db.prepare("INSERT INTO Answer (responseId, questionId, value, text) VALUES (?, ?, ?, ?)"),
    tally: db.prepare(
      `INSERT INTO Tally (roundId, questionId, departmentId, roleId, value, count) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (roundId, questionId, departmentId, roleId, value) DO UPDATE SET count = count + 1`,
    ),
    roundCount: db.prepare("UPDATE Round SET responseCount = responseCount + 1 WHERE id = ?"),
  };
}

function statementsFor(db: Database.Database): Statements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = prepare(db);
    prepared.set(db, statements);
  }
  return statements;
}

/**
 * Writes one response: its row (a random id, no time at all), its open answers, and the
 * round's running tallies. Call it inside `writeTransaction`, together with whatever marks the
 * invitation used, so both happen or neither does. The response keeps nothing that points at a
 * person or invitation (anonymity rule 1).
 */
export function insertResponse(db: Database.Database, input: ResponseInput): void {
  const statements = statementsFor(db);
  const nps = input.answers.find((a) => a.type === "NPS");
  if (!nps || typeof nps.value !== "number") throw new Error("A response needs its 0-10 answer.");
  const id = crypto.randomUUID();
  statements.response.run(id, input.roundId, input.departmentId, input.roleId, nps.value);
  for (const answer of input.answers) {
    if (typeof answer.value === "number") {
      statements.tally.run(input.roundId, answer.questionId, input.departmentId, input.roleId, answer.value);
    }
    if (answer.type === "RATING") {
      statements.answer.run(id, answer.questionId, answer.value, null);
    } else if (answer.type === "TEXT" && answer.text) {
      statements.answer.run(id, answer.questionId, null, answer.text);
    }
  }
  statements.roundCount.run(input.roundId);
}
