/**
 * Words too common to say anything about a comment, in the six languages employees answer in.
 * Deliberately small: articles, pronouns, auxiliaries, conjunctions and prepositions, light verbs
 * that only carry the word after them ("make", "comes"), Chinese grammatical suffixes, and the
 * filler of survey answers ("very", "too", "also", "overall"). Negations are not stop words: they stay
 * in phrases ("not enough", "no growth"), where they carry the meaning.
 */

const ENGLISH = `a about above after again all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has have
  having he her here hers him his how i if in into is it its itself just me more most my myself of off on
  once only or other our ours out over own same she should so some such than that the their theirs them
  then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours get got really lot lots much many thing things
  make makes made making come comes came coming take takes took taking go goes went going keep keeps
  kept give gives gave something anything everything every overall though although`;

const CHINESE = `的 了 是 在 我 你 他 她 它 我们 你们 他们 她们 它们 和 与 及 或 也 都 就 很 太 还 又 更 最 这 那
  这个 那个 这些 那些 个 吗 呢 吧 啊 呀 被 把 给 对 从 到 会 能 要 让 有 得 地 着 过 一个 一些 因为 所以 但是
  但 如果 而且 并且 非常 比较 觉得 可以 已经 自己 什么 怎么 为什么 这样 那样 一 些 们`;

const UKRAINIAN = `і й та а але або що як у в на з із зі до від по за для про при над під через це цей ця
  ці той та те ті я ти він вона воно ми ви вони мене мені мій моя моє мої наш наша наше наші ваш його її їх
  був була було були є бути буде дуже також ще вже так тут там коли якщо бо тому щоб чи ж би же лише тільки
  щодо занадто забагато`;

const POLISH = `i a ale lub albo oraz że jak w we na z ze do od po za dla o przy nad pod przez to ten ta te
  tego tej tym ja ty on ona ono my wy oni one mnie mi mój moja moje nasz nasza nasze wasz jego jej ich jest
  są był była było były być będzie bardzo także też jeszcze już tak tu tam kiedy jeśli bo więc aby czy by
  się sobie tylko co zbyt`;

const BULGARIAN = `и а но или че как в във на с със до от по за при над под през това този тази тези
  онзи аз ти той тя то ние вие те мен ми мой моя мое мои наш наша наше наши ваш негов неин техен е са бил
  била било били съм си сме сте ще бъде много също още вече така тук там когато ако защото да ли се само
  който която което които твърде`;

const RUSSIAN = `и а но или что как в во на с со к ко до от по за для о об про при над под через это этот эта
  эти тот та то те я ты он она оно мы вы они меня мне мой моя моё мое мои наш наша наше наши ваш его её ее
  их был была было были есть быть будет очень также тоже ещё еще уже так тут там когда если потому чтобы
  ли же бы только себя слишком`;

function wordsOf(list: string): string[] {
  return list.split(/\s+/).filter((word) => word !== "");
}

export const STOP_WORDS: Readonly<Record<"en" | "zh" | "uk" | "pl" | "bg" | "ru", readonly string[]>> = {
  en: wordsOf(ENGLISH),
  zh: wordsOf(CHINESE),
  uk: wordsOf(UKRAINIAN),
  pl: wordsOf(POLISH),
  bg: wordsOf(BULGARIAN),
  ru: wordsOf(RUSSIAN),
};

// Comments carry no language tag (and people mix languages), so one set serves them all; the
// languages' function words do not collide with each other's content words.
const ALL = new Set(Object.values(STOP_WORDS).flat());

/** Whether a lower-cased word is a stop word in any of the six languages. */
export function isStopWord(word: string): boolean {
  return ALL.has(word);
}

const NEGATIONS = new Set(["no", "not", "never", "不", "没", "没有", "别", "не", "ні", "нет", "nie", "няма"]);

/** A word that turns the next one around: kept for phrases, never listed alone. */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word);
}
