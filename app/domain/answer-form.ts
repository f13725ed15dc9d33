/**
 * Reads a submitted survey form into answers, checking every field against the survey's own
 * questions. Field names: `score` for the 0-10 question, `rating:<questionId>` for 1-5 items,
 * `text:<questionId>` for open answers. Any other question field is refused, so a crafted form
 * cannot write answers to questions the survey does not ask.
 */
import { withoutNul } from "./control-characters";

export const TEXT_MAX = 2000;

export type QuestionType = "NPS" | "TEXT" | "RATING";

export interface FormQuestion {
  id: string;
  type: QuestionType;
}

export interface ParsedAnswer {
  questionId: string;
  type: QuestionType;
  value?: number;
  text?: string;
}

/** Problems a respondent can fix on the page (re-shown next to the question). */
export type FieldProblem = "score" | "rating" | "tooLong";

/** A problem only a crafted request has: answered with 400 and nothing stored. */
export type FormFault = "unknownQuestion";

export type ParsedForm =
  | { ok: true; answers: ParsedAnswer[] }
  | { ok: false; fault: FormFault }
  | { ok: false; problems: Record<string, FieldProblem> };

/** The field name prefix of each follow-up question type; the 0-10 question is `score`. */
const FIELD_PREFIX: Record<QuestionType, string | undefined> = { NPS: undefined, RATING: "rating", TEXT: "text" };

/** Form fields that are not answers (language, kiosk mode, the shared link's group). */
const OTHER_FIELDS = new Set(["lang", "kiosk", "departmentId", "roleId"]);

function wholeNumberIn(raw: string, min: number, max: number): number | null | "invalid" {
  if (raw.trim() === "") return null;
  if (!/^\d{1,2}$/.test(raw.trim())) return "invalid";
  const value = Number(raw);
  return value >= min && value <= max ? value : "invalid";
}

export function parseAnswerForm(fields: [string, string][], questions: FormQuestion[]): ParsedForm {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const nps = questions.find((q) => q.type === "NPS");
  if (!nps) throw new Error("A survey needs its 0-10 question.");
  const problems: Record<string, FieldProblem> = {};
  const answers: ParsedAnswer[] = [];
  const seen = new Set<string>();

  for (const [name, raw] of fields) {
    if (OTHER_FIELDS.has(name)) continue;
    if (seen.has(name)) return { ok: false, fault: "unknownQuestion" };
    seen.add(name);
    if (name === "score") {
      const value = wholeNumberIn(raw, 0, 10);
      if (value === null || value === "invalid") problems[nps.id] = "score";
      else answers.push({ questionId: nps.id, type: "NPS", value });
      continue;
    }
    const [kind, id] = name.split(":", 2);
    const question = id ? byId.get(id) : undefined;
    // The prefix must name the question's own type: any other would let one question be
    // answered twice under two field names, or the 0-10 question get a text.
    if (!question || FIELD_PREFIX[question.type] !== kind || seen.has(question.id)) {
      return { ok: false, fault: "unknownQuestion" };
    }
    seen.add(question.id);
    if (question.type === "RATING") {
      const value = wholeNumberIn(raw, 1, 5);
      if (value === "invalid") {
        problems[question.id] = "rating";
      } else if (value !== null) {
        answers.push({ questionId: question.id, type: "RATING", value });
      }
    } else {
      const text = withoutNul(raw).replace(/\r\n/g, "\n").trim();
      if ([...text].length > TEXT_MAX) problems[question.id] = "tooLong";
      else if (text !== "") answers.push({ questionId: question.id, type: "TEXT", text });
    }
  }
  if (!seen.has("score")) problems[nps.id] = "score";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, answers };
}
