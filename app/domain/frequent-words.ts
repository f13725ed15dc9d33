/**
 * The words and two-word phrases that come up most often in a set of comments. Words are found
 * with Intl.Segmenter, which splits Chinese (written without spaces) by dictionary as well as
 * space-separated languages; stop words of the six languages are left out. A phrase is two
 * adjacent words, neither a stop word, found in at least two comments.
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
 * Whether two adjacent meaningful words make a phrase. A negation says nothing alone, so it opens
 * a phrase ("no growth", "没有加班") and never closes one. Otherwise Chinese words stay the
 * segmenter's words: run together, two of them read as one word that may be a fragment
 * (同事|们|很好 would give "们很好").
 */
function isPhrase(first: string, second: string): boolean {
  if (isNegation(second)) return false;
  if (isNegation(first)) return true;
  return !HAN.test(first) && !HAN.test(second);
}

/** The distinct meaningful words and phrases of one comment; a negation is no word of its own. */
export function termsOf(text: string): { words: Set<string>; phrases: Set<string> } {
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const clause of clausesOf(text)) {
    clause.forEach((word, index) => {
      if (word === null) return;
      if (!isNegation(word)) words.add(word);
      const next = clause[index + 1];
      if (next && isPhrase(word, next)) phrases.add(joinPhrase(word, next));
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

/** Two words side by side in a single comment are no pattern, whatever `minimum` says. */
const PHRASE_MINIMUM = 2;

/**
 * The `limit` words and phrases found in the most comments, most frequent first (ties in
 * code-point order, so the list is the same every time). A term must appear in at least
 * `minimum` comments to count as frequent, and a phrase in at least two.
 */
export function frequentTerms(texts: Iterable<string>, { limit = 10, minimum = 2 } = {}): FrequentTerms {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const text of texts) {
    const terms = termsOf(text);
    for (const word of terms.words) words.set(word, (words.get(word) ?? 0) + 1);
    for (const phrase of terms.phrases) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
  }
  return { words: top(words, limit, minimum), phrases: top(phrases, limit, Math.max(minimum, PHRASE_MINIMUM)) };
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
