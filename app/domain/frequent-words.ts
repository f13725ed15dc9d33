/**
 * The words and two-word phrases that come up most often in a set of comments. Words are found
 * with Intl.Segmenter, which splits Chinese (written without spaces) by dictionary as well as
 * space-separated languages; stop words of the six languages are left out.
 */
import type { Category } from "./nps";
import { isNegation, isStopWord } from "./stop-words";

const segmenter = new Intl.Segmenter("en", { granularity: "word" });

const HAN = /\p{Script=Han}/u;
const NUMBER_ONLY = /^[\p{N}.,]+$/u;
/** Between two words, only spaces and hyphens keep them in one phrase; anything else ends it. */
const JOINER = /^[\s\-‐‑]+$/u;

/**
 * The comment's words, lower-cased, in runs that no punctuation interrupts. Stop words are kept
 * here as `null`, since they end a phrase ("lack of time" has no phrase "lack time").
 */
export function clausesOf(text: string): (string | null)[][] {
  const clauses: (string | null)[][] = [];
  let clause: (string | null)[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize("NFC"))) {
    if (isWordLike) {
      const word = segment.toLowerCase().replace(/[\u2019\u02BC]/g, "'");
      clause.push(isMeaningful(word) ? word : null);
    } else if (!JOINER.test(segment)) {
      if (clause.length > 0) clauses.push(clause);
      clause = [];
    }
  }
  if (clause.length > 0) clauses.push(clause);
  return clauses;
}

/** Not a stop word, not a bare number, and more than one letter unless it is a Chinese character. */
export function isMeaningful(word: string): boolean {
  if (isStopWord(word) || NUMBER_ONLY.test(word)) return false;
  return [...word].length > 1 || HAN.test(word);
}

/** Two words as a reader would write them: Chinese runs together, other scripts with a space. */
export function joinPhrase(first: string, second: string): string {
  return HAN.test(first.at(-1)!) && HAN.test(second[0]) ? first + second : `${first} ${second}`;
}

/**
 * The distinct meaningful words and adjacent-word phrases of one comment. A negation says
 * nothing alone, so it is no word of its own, but it opens a phrase ("no growth").
 */
export function termsOf(text: string): { words: Set<string>; phrases: Set<string> } {
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const clause of clausesOf(text)) {
    clause.forEach((word, index) => {
      if (word === null) return;
      if (!isNegation(word)) words.add(word);
      const next = clause[index + 1];
      if (next && !isNegation(next)) phrases.add(joinPhrase(word, next));
    });
  }
  return { words, phrases };
}

export interface TermCount {
  term: string;
  /** How many comments mention it (a word repeated in one comment counts once). */
  comments: number;
}

export interface FrequentTerms {
  words: TermCount[];
  phrases: TermCount[];
}

function top(counts: Map<string, number>, limit: number, minimum: number): TermCount[] {
  return [...counts]
    .filter(([, comments]) => comments >= minimum)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([term, comments]) => ({ term, comments }));
}

/**
 * The `limit` words and phrases found in the most comments, most frequent first (ties in
 * code-point order, so the list is the same every time). A term must appear in at least
 * `minimum` comments to count as frequent.
 */
export function frequentTerms(texts: Iterable<string>, { limit = 10, minimum = 2 } = {}): FrequentTerms {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const text of texts) {
    const terms = termsOf(text);
    for (const word of terms.words) words.set(word, (words.get(word) ?? 0) + 1);
    for (const phrase of terms.phrases) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
  }
  return { words: top(words, limit, minimum), phrases: top(phrases, limit, minimum) };
}

/** Frequent terms of each category's comments. */
export function frequentTermsByCategory(
  comments: Iterable<{ text: string; category: Category }>,
  options?: { limit?: number; minimum?: number },
): Record<Category, FrequentTerms> {
  const texts: Record<Category, string[]> = { promoter: [], passive: [], detractor: [] };
  for (const comment of comments) texts[comment.category].push(comment.text);
  return {
    promoter: frequentTerms(texts.promoter, options),
    passive: frequentTerms(texts.passive, options),
    detractor: frequentTerms(texts.detractor, options),
  };
}
