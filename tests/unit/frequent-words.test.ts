import { describe, expect, it } from "vitest";
import {
  clausesOf,
  frequentTerms,
  frequentTermsByCategory,
  isMeaningful,
  joinPhrase,
  termsOf,
} from "~/domain/frequent-words";
import { isNegation, isStopWord, STOP_WORDS } from "~/domain/stop-words";

describe("stop words", () => {
  it.each([
    ["en", ["the", "and", "very", "i", "we", "make", "comes", "overall", "something"]],
    ["zh", ["的", "了", "我们", "非常", "但是", "们"]],
    ["uk", ["і", "що", "дуже", "також", "ми", "щодо", "занадто"]],
    ["pl", ["i", "że", "bardzo", "się", "jest", "zbyt"]],
    ["bg", ["и", "че", "много", "също", "ние", "твърде"]],
    ["ru", ["и", "что", "очень", "тоже", "мы", "слишком"]],
  ] as const)("knows the common words of %s", (locale, words) => {
    for (const word of words) {
      expect(STOP_WORDS[locale]).toContain(word);
      expect(isStopWord(word)).toBe(true);
    }
  });

  it("keeps negations and content words out", () => {
    for (const word of ["not", "no", "不", "没有", "не", "nie", "salary", "工资", "зарплата", "pensja"]) {
      expect(isStopWord(word)).toBe(false);
    }
  });

  it("stores every list lower-cased, without blanks or repeats", () => {
    for (const list of Object.values(STOP_WORDS)) {
      expect(list.length).toBeGreaterThan(20);
      for (const word of list) expect(word).toBe(word.toLowerCase().trim());
      expect(new Set(list).size).toBeGreaterThan(list.length - 3);
    }
  });
});

describe("isMeaningful", () => {
  it("drops stop words, bare numbers and single letters, but keeps single Chinese characters", () => {
    expect(isMeaningful("the")).toBe(false);
    expect(isMeaningful("2024")).toBe(false);
    expect(isMeaningful("3.5")).toBe(false);
    expect(isMeaningful("x")).toBe(false);
    expect(isMeaningful("钱")).toBe(true);
    expect(isMeaningful("pay")).toBe(true);
    expect(isMeaningful("2nd")).toBe(true);
  });
});

describe("clausesOf", () => {
  it("lower-cases words, marks stop words, and breaks runs at punctuation but not at spaces or hyphens", () => {
    expect(clausesOf("Great team, poor Work-life balance!")).toEqual([
      ["great", "team"],
      ["poor", "work", "life", "balance"],
    ]);
    expect(clausesOf("Lack of time")).toEqual([["lack", null, "time"]]);
  });

  it("splits Chinese into words though it has no spaces", () => {
    expect(clausesOf("我们的团队很好，但是工资太低了。")).toEqual([
      [null, null, "团队", "很好"],
      [null, "工资", "太低", null],
    ]);
  });

  it("reads Cyrillic and Polish text, and treats curly apostrophes as straight ones", () => {
    expect(clausesOf("Зарплата низкая; команда хорошая")).toEqual([
      ["зарплата", "низкая"],
      ["команда", "хорошая"],
    ]);
    expect(clausesOf("Świetny zespół")).toEqual([["świetny", "zespół"]]);
    expect(clausesOf("Don’t stop")).toEqual([["don't", "stop"]]);
  });

  it("gives nothing for empty or punctuation-only text", () => {
    expect(clausesOf("")).toEqual([]);
    expect(clausesOf("?!…")).toEqual([]);
  });
});

describe("joinPhrase", () => {
  it("runs Chinese words together and puts a space between other words", () => {
    expect(joinPhrase("工资", "太低")).toBe("工资太低");
    expect(joinPhrase("career", "growth")).toBe("career growth");
    expect(joinPhrase("team", "团队")).toBe("team 团队");
  });
});

describe("termsOf", () => {
  it("gives each distinct word and adjacent pair once, never across a stop word or punctuation", () => {
    const terms = termsOf("Career growth, career growth and career growth. Lack of training");
    expect([...terms.words].sort()).toEqual(["career", "growth", "lack", "training"]);
    expect([...terms.phrases].sort()).toEqual(["career growth"]);
  });

  it("pairs no word with a light verb or filler that only carries the words around it", () => {
    expect([...termsOf("Flexible hours make a real difference").phrases].sort()).toEqual([
      "flexible hours",
      "real difference",
    ]);
    expect([...termsOf("Good place overall, but the workload comes in waves").phrases]).toEqual(["good place"]);
    expect([...termsOf("I learn something new every month").phrases]).toEqual([]);
    expect([...termsOf("Fine, though decisions take a long time").phrases]).toEqual(["long time"]);
    expect([...termsOf("Більше прозорості щодо рішень").phrases]).toEqual(["більше прозорості"]);
    expect([...termsOf("Навантаження занадто велике").phrases]).toEqual([]);
  });

  it("keeps Chinese to the segmenter's words: no two of them run together, and no grammatical suffix alone", () => {
    const colleagues = termsOf("同事们很好，工作有意义。");
    expect([...colleagues.words].sort()).toEqual(["同事", "工作", "很好", "意义"].sort());
    expect([...colleagues.phrases]).toEqual([]);
    expect([...termsOf("工资太低了").phrases]).toEqual([]);
    expect([...termsOf("团队 team spirit").phrases]).toEqual(["team spirit"]);
  });
});

describe("negations", () => {
  it("are never listed alone, but open a phrase (and never close one)", () => {
    const english = termsOf("No career growth. Management does not listen");
    expect([...english.words].sort()).toEqual(["career", "growth", "listen", "management"]);
    expect([...english.phrases].sort()).toEqual(["career growth", "no career", "not listen"]);
    const russian = termsOf("Руководство не слушает");
    expect([...russian.words].sort()).toEqual(["руководство", "слушает"]);
    expect([...russian.phrases]).toEqual(["не слушает"]);
    const chinese = termsOf("没有加班");
    expect([...chinese.words]).toEqual(["加班"]);
    expect([...chinese.phrases]).toEqual(["没有加班"]);
    for (const word of ["no", "not", "不", "没有", "не", "ні", "нет", "nie", "няма"])
      expect(isNegation(word)).toBe(true);
    expect(isNegation("growth")).toBe(false);
  });
});

describe("frequentTerms", () => {
  const comments = [
    "Career growth is slow",
    "No career growth here",
    "Slow approvals, slow tools",
    "Great colleagues",
    "Career growth matters; great colleagues too",
  ];

  it("counts each comment once per term, most frequent first, ties in code-point order", () => {
    expect(frequentTerms(comments)).toEqual({
      words: [
        { term: "career", comments: 3 },
        { term: "growth", comments: 3 },
        { term: "colleagues", comments: 2 },
        { term: "great", comments: 2 },
        { term: "slow", comments: 2 },
      ],
      phrases: [
        { term: "career growth", comments: 3 },
        { term: "great colleagues", comments: 2 },
      ],
    });
  });

  it("respects the limit and the minimum", () => {
    expect(frequentTerms(comments, { limit: 1 }).words).toEqual([{ term: "career", comments: 3 }]);
    expect(frequentTerms(comments, { minimum: 3 }).phrases).toEqual([{ term: "career growth", comments: 3 }]);
    expect(frequentTerms(["one comment only"]).words).toEqual([]);
  });

  it("finds Chinese words, and phrases only where a negation opens them", () => {
    const result = frequentTerms(["工资太低了", "我觉得工资太低", "团队很好", "没有加班", "最近没有加班"]);
    expect(result.words).toEqual([
      { term: "加班", comments: 2 },
      { term: "太低", comments: 2 },
      { term: "工资", comments: 2 },
    ]);
    expect(result.phrases).toEqual([{ term: "没有加班", comments: 2 }]);
  });

  it("lists no fragment of a Chinese word, however often a comment comes back", () => {
    const result = frequentTerms(Array(5).fill("同事们很好，工作有意义。"));
    expect(result.words.map((w) => w.term).sort()).toEqual(["同事", "工作", "很好", "意义"].sort());
    expect(result.phrases).toEqual([]);
  });

  it("needs a phrase in two comments even when a single comment is enough for a word", () => {
    const result = frequentTerms(["Career growth matters"], { minimum: 1 });
    expect(result.words.map((w) => w.term)).toEqual(["career", "growth", "matters"]);
    expect(result.phrases).toEqual([]);
    expect(frequentTerms(["Career growth", "career growth"], { minimum: 1 }).phrases).toEqual([
      { term: "career growth", comments: 2 },
    ]);
  });

  it("finds Ukrainian, Polish, Bulgarian and Russian words past their stop words", () => {
    expect(frequentTerms(["Дуже гарна команда", "Команда і керівник"]).words).toEqual([
      { term: "команда", comments: 2 },
    ]);
    expect(frequentTerms(["Pensja jest za niska", "Niska pensja"]).words).toEqual([
      { term: "niska", comments: 2 },
      { term: "pensja", comments: 2 },
    ]);
    expect(frequentTerms(["Много добър екип", "Екип и заплата"]).words).toEqual([{ term: "екип", comments: 2 }]);
    expect(frequentTerms(["Очень хорошая команда", "команда и зарплата"]).words).toEqual([
      { term: "команда", comments: 2 },
    ]);
  });
});

describe("frequentTermsByCategory", () => {
  it("keeps each category's terms apart", () => {
    const result = frequentTermsByCategory([
      { text: "Great team", category: "promoter" },
      { text: "Great team spirit", category: "promoter" },
      { text: "Low pay", category: "detractor" },
      { text: "Pay is low", category: "detractor" },
    ]);
    expect(result.promoter.phrases).toEqual([{ term: "great team", comments: 2 }]);
    expect(result.detractor.words).toEqual([
      { term: "low", comments: 2 },
      { term: "pay", comments: 2 },
    ]);
    expect(result.passive).toEqual({ words: [], phrases: [] });
  });
});
