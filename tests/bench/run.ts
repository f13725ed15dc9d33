/**
 * `npm run bench`: runs every case in tests/bench/cases against the built app and writes the
 * figures to docs/PERFORMANCE.md. Goals are checked here, never in timed tests.
 *
 * A case default-exports { title, goal, run } where run() returns the Markdown lines of its
 * section and whether the goal was met. `npm run bench -- name ...` runs only the cases whose
 * file names contain one of the names, and replaces (or adds) just their sections.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface BenchCase {
  title: string;
  goal: string;
  run(): Promise<{ lines: string[]; met: boolean }>;
}

const casesDir = path.resolve("tests/bench/cases");
const only = process.argv.slice(2);
const files = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();

const sections: { title: string; text: string }[] = [];
let allMet = true;
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(casesDir, file)).href)).default as BenchCase;
  console.log(`--- ${bench.title}`);
  const { lines, met } = await bench.run();
  allMet &&= met;
  console.log(lines.join("\n"));
  sections.push({
    title: bench.title,
    text: `## ${bench.title}\n\nGoal: ${bench.goal}. **${met ? "Met" : "Not met"}.**\n\n${lines.join("\n")}\n`,
  });
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const header = [
  "# Performance",
  "",
  "Written by `npm run bench` (tests/bench). Each figure comes from the built server or the",
  "production code paths on the machine below; the goals are checked by the bench, not by the",
  "test suite, so a slow CI machine never fails a build.",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  "",
].join("\n");

const target = "docs/PERFORMANCE.md";
let kept = sections;
let top = header;
if (only.length > 0 && fs.existsSync(target)) {
  // Sections of the cases not run this time stay as they were, under the header of their run;
  // the fresh ones say when they were measured.
  const [previousTop, ...previousSections] = fs.readFileSync(target, "utf8").split(/^(?=## )/m);
  top = previousTop;
  const stamp = header.split("\n").find((line) => line.startsWith("Measured "))!;
  for (const section of sections) section.text += `\n${stamp.replace(/\.$/, "")} (this section only).\n`;
  const previous = previousSections.map((text) => ({
    title: text.slice(3, text.indexOf("\n")),
    text: text.replace(/\n*$/, "\n"),
  }));
  const fresh = new Map(sections.map((section) => [section.title, section]));
  kept = [
    ...previous.map((section) => fresh.get(section.title) ?? section),
    ...sections.filter((section) => !previous.some((old) => old.title === section.title)),
  ];
}
fs.mkdirSync("docs", { recursive: true });
fs.writeFileSync(target, `${top.replace(/\n*$/, "\n\n")}${kept.map((section) => section.text).join("\n")}`);
console.log(`Wrote ${target}`);
process.exitCode = allMet ? 0 : 1;
