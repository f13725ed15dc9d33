import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatPoints } from "~/i18n/format";

describe("numbers and dates in the reader's language", () => {
  it("writes scores with one decimal, the locale's decimal mark and a sign unless zero", () => {
    expect(formatPoints("en", 12.25)).toBe("+12.3");
    expect(formatPoints("en", -3)).toBe("-3.0");
    expect(formatPoints("en", -0.04)).toBe("0.0");
    expect(formatPoints("uk", -12.34)).toBe("-12,3");
    expect(formatPoints("pl", 7.05)).toBe("+7,1");
    expect(formatPoints("zh", 0)).toBe("0.0");
  });

  it("groups the digits of counts as the locale does", () => {
    expect(formatCount("en", 1234)).toBe("1,234");
    expect(formatCount("ru", 1234).replace(/\s/g, " ")).toBe("1 234");
  });

  it("writes a calendar day in words, the same day in every time zone", () => {
    expect(formatDate("en", "2026-09-30")).toBe("September 30, 2026");
    expect(formatDate("uk", "2026-09-30")).toBe("30 вересня 2026 р.");
    expect(formatDate("zh", "2026-09-30")).toBe("2026年9月30日");
    expect(formatDate("bg", new Date("2026-01-05T23:30:00Z"))).toBe("5 януари 2026 г.");
  });
});
