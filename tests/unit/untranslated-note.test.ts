import { describe, expect, it } from "vitest";
import { emptyWording, untranslatedNote, type Wording } from "~/domain/survey";

const worded = (texts: Partial<Wording>) => ({ texts: { ...emptyWording(), ...texts } });
const everywhere = worded({ en: "Q", zh: "问", uk: "П", pl: "P", bg: "В", ru: "В" });

describe("the note on questions without a translation", () => {
  it("says nothing when every question is worded in every language", () => {
    expect(untranslatedNote([everywhere, everywhere])).toBeNull();
  });

  it("names the languages one question lacks, and what respondents will see", () => {
    expect(untranslatedNote([everywhere, worded({ en: "I know what is expected of me.", zh: "我知道" })])).toBe(
      "1 question has no wording in Ukrainian, Polish, Bulgarian, and Russian: people who answer in those languages will see it in English.",
    );
  });

  it("counts every question that lacks one, and names each language once", () => {
    const withoutRussian = worded({ en: "Q", zh: "问", uk: "П", pl: "P", bg: "В", ru: " " });
    expect(untranslatedNote([withoutRussian, withoutRussian, everywhere])).toBe(
      "2 questions have no wording in Russian: people who answer in that language will see them in English.",
    );
  });
});
