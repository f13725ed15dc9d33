import { describe, expect, it } from "vitest";
import { plural } from "~/domain/plural";

describe("plural", () => {
  const people = { one: "# person", other: "# people" };

  it("uses English's one form for 1 alone", () => {
    expect(plural("en", 1, people)).toBe("1 person");
    for (const n of [0, 2, 11, 21, 101]) expect(plural("en", n, people)).toBe(`${n} people`);
  });

  it("lets a form leave the number out", () => {
    expect(plural("en", 1, { one: "One line needs", other: "# lines need" })).toBe("One line needs");
    expect(plural("en", 3, { one: "One line needs", other: "# lines need" })).toBe("3 lines need");
  });

  const slavic = { one: "one #", few: "few #", many: "many #", other: "other #" };

  it.each([
    [1, "one"],
    [21, "one"],
    [101, "one"],
    [2, "few"],
    [4, "few"],
    [22, "few"],
    [5, "many"],
    [11, "many"],
    [12, "many"],
    [14, "many"],
    [20, "many"],
    [0, "many"],
    [1.5, "other"],
  ])("Ukrainian and Russian put %d in the %s form", (n, form) => {
    expect(plural("uk", n, slavic)).toBe(`${form} ${n}`);
    expect(plural("ru", n, slavic)).toBe(`${form} ${n}`);
  });

  it("writes Ukrainian words in their forms", () => {
    const answers = { one: "# відповідь", few: "# відповіді", many: "# відповідей", other: "# відповіді" };
    expect([1, 3, 5, 21, 1.5].map((n) => plural("uk", n, answers))).toEqual([
      "1 відповідь",
      "3 відповіді",
      "5 відповідей",
      "21 відповідь",
      "1.5 відповіді",
    ]);
  });

  it.each([
    [1, "one"],
    [2, "few"],
    [4, "few"],
    [22, "few"],
    [24, "few"],
    [0, "many"],
    [5, "many"],
    [12, "many"],
    [14, "many"],
    [21, "many"],
    [25, "many"],
    [1.5, "other"],
  ])("Polish puts %d in the %s form", (n, form) => {
    expect(plural("pl", n, slavic)).toBe(`${form} ${n}`);
  });

  it("falls back to the other form where a language's form is not given", () => {
    expect(plural("pl", 5, { one: "# osoba", other: "# osób" })).toBe("5 osób");
    expect(plural("en", 1, { other: "# people" })).toBe("1 people");
  });
});
