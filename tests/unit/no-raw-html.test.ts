import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("rendering", () => {
  it("never puts text from people into the page as HTML: only the QR code's own SVG is raw", () => {
    const raw = sources("app").filter((file) => fs.readFileSync(file, "utf8").includes("dangerouslySetInnerHTML"));
    expect(raw.map((file) => path.relative("app", file))).toEqual(["routes/hr.rounds.$roundId.poster.tsx"]);
  });
});
