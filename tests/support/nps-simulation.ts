/**
 * Simulations of the statistics every page shows (app/domain/nps-statistics.ts): answers drawn
 * at random from known shares, run through the production functions, and counted. Used by the
 * short run in `npm test` and the long one in `npm run bench`; both pass a fixed seed.
 */
import type { CategoryCounts } from "~/domain/nps";
import { estimateNps, labelChanges, testChange, type ChangeToLabel } from "~/domain/nps-statistics";
import { seededRandom } from "~/domain/seeded-random";

type Random = () => number;

/** Promoter and detractor shares from 0.05 to 0.9 in steps of 0.05, each with passives of at least 0.05. */
export function shareGrid(step = 0.05): { p: number; d: number }[] {
  const values: number[] = [];
  for (let v = 0.05; v <= 0.9 + 1e-9; v += step) values.push(Math.round(v * 100) / 100);
  return values.flatMap((p) => values.filter((d) => p + d <= 0.95 + 1e-9).map((d) => ({ p, d })));
}

/** n answers, each a promoter with chance p, a detractor with chance d, else a passive. */
export function drawAnswers(n: number, p: number, d: number, random: Random): CategoryCounts {
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < n; i++) {
    const u = random();
    if (u < p) promoters++;
    else if (u < p + d) detractors++;
  }
  return { promoters, passives: n - promoters - detractors, detractors };
}

function binomial(n: number, rate: number, random: Random): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < rate) k++;
  return k;
}

/** How often the 95% interval of n answers holds the true score 100 * (p - d). */
export function simulatedCoverage(n: number, p: number, d: number, reps: number, random: Random): number {
  const truth = 100 * (p - d);
  let held = 0;
  for (let i = 0; i < reps; i++) {
    const estimate = estimateNps(drawAnswers(n, p, d, random))!;
    if (estimate.low <= truth && truth <= estimate.high) held++;
  }
  return held / reps;
}

const logFactorials = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1] + Math.log(i);
  return logFactorials[n];
}

/** The same coverage worked out exactly, over every possible set of n answers (a check on the simulation). */
export function exactCoverage(n: number, p: number, d: number): number {
  const truth = 100 * (p - d);
  const q = Math.max(0, 1 - p - d);
  let held = 0;
  for (let promoters = 0; promoters <= n; promoters++) {
    for (let detractors = 0; promoters + detractors <= n; detractors++) {
      const passives = n - promoters - detractors;
      const estimate = estimateNps({ promoters, passives, detractors })!;
      if (estimate.low > truth || truth > estimate.high) continue;
      const logChance =
        logFactorial(n) -
        logFactorial(promoters) -
        logFactorial(detractors) -
        logFactorial(passives) +
        promoters * Math.log(p) +
        detractors * Math.log(d) +
        (passives > 0 ? passives * Math.log(q) : 0);
      held += Math.exp(logChance);
    }
  }
  return held;
}

export interface RoundDesign {
  /** People invited to each round. */
  invited: number;
  /** Each invited person answers with a chance drawn uniformly from this range, per round. */
  response: [number, number];
}

/** Answers of one round: how many answered, then their answers. */
function roundAnswers(design: RoundDesign, p: number, d: number, random: Random): CategoryCounts {
  const rate = design.response[0] + random() * (design.response[1] - design.response[0]);
  return drawAnswers(binomial(design.invited, rate, random), p, d, random);
}

/**
 * The primary test with no real change: two rounds with the same shares, each answered by
 * whoever happens to answer. Returns how often the change is labelled clear.
 */
export function primaryFalseAlarms(design: RoundDesign, p: number, d: number, reps: number, random: Random): number {
  let alarms = 0;
  for (let i = 0; i < reps; i++) {
    const before = estimateNps(roundAnswers(design, p, d, random), design.invited);
    const after = estimateNps(roundAnswers(design, p, d, random), design.invited);
    if (!before || !after) continue;
    const labels = labelChanges({ key: "overall", test: testChange(before, after) }, []);
    if (labels.get("overall")!.verdict === "change") alarms++;
  }
  return alarms / reps;
}

export interface PageDesign extends RoundDesign {
  groups: number;
  /** Groups under k answers are withheld, as the gate withholds them. */
  k: number;
  /** How many groups really changed, and by how much their promoter share moved (the rest did not change). */
  changed?: { groups: number; promoterShift: number };
}

export interface PageErrors {
  /** Share of pages with at least one false "clear change" (familywise error). */
  familywise: number;
  /** Mean share of false ones among the "clear change" labels of a page (false discovery rate). */
  falseDiscovery: number;
  /** Mean number of false labels per page. */
  falsePerPage: number;
}

/**
 * One page of group changes, over and over: `groups` groups, each with its own shares from the
 * grid, answered twice. Counts the labels that call a change clear where there was none.
 */
export function pageErrors(design: PageDesign, reps: number, random: Random): PageErrors {
  const grid = shareGrid();
  let pagesWithFalse = 0;
  let falseShareSum = 0;
  let falseTotal = 0;
  for (let rep = 0; rep < reps; rep++) {
    const tests: ChangeToLabel[] = [];
    const real = new Set<string>();
    for (let g = 0; g < design.groups; g++) {
      const { p, d } = grid[Math.floor(random() * grid.length)];
      const shifted = g < (design.changed?.groups ?? 0);
      const shift = shifted ? Math.min(design.changed!.promoterShift, 0.95 - p - d) : 0;
      const before = roundAnswers(design, p, d, random);
      const after = roundAnswers(design, p + shift, d, random);
      const n1 = before.promoters + before.passives + before.detractors;
      const n2 = after.promoters + after.passives + after.detractors;
      if (n1 < design.k || n2 < design.k) continue;
      const key = String(g);
      if (shift > 0) real.add(key);
      tests.push({ key, test: testChange(estimateNps(before)!, estimateNps(after)!) });
    }
    const labels = labelChanges(null, tests);
    let clear = 0;
    let wrong = 0;
    for (const [key, change] of labels) {
      if (change.verdict !== "change") continue;
      clear++;
      if (!real.has(key)) wrong++;
    }
    if (wrong > 0) pagesWithFalse++;
    falseTotal += wrong;
    falseShareSum += clear === 0 ? 0 : wrong / clear;
  }
  return { familywise: pagesWithFalse / reps, falseDiscovery: falseShareSum / reps, falsePerPage: falseTotal / reps };
}

/**
 * The same people asked twice with no real change: each keeps their answer with chance
 * `retest` and otherwise answers afresh from the same shares; each answers a round with chance
 * `response`. Returns how often the change is called clear (the audit's test-retest table).
 */
export function retestFalseAlarms(
  people: number,
  response: number,
  retest: number,
  shares: { p: number; d: number },
  reps: number,
  random: Random,
): number {
  const answer = () => {
    const u = random();
    return u < shares.p ? 2 : u < shares.p + shares.d ? 0 : 1;
  };
  const tally = (answers: number[]): CategoryCounts => ({
    promoters: answers.filter((a) => a === 2).length,
    passives: answers.filter((a) => a === 1).length,
    detractors: answers.filter((a) => a === 0).length,
  });
  let alarms = 0;
  for (let rep = 0; rep < reps; rep++) {
    const first: number[] = [];
    const second: number[] = [];
    for (let person = 0; person < people; person++) {
      const before = answer();
      const after = random() < retest ? before : answer();
      if (random() < response) first.push(before);
      if (random() < response) second.push(after);
    }
    const a = estimateNps(tally(first), people);
    const b = estimateNps(tally(second), people);
    if (!a || !b) continue;
    if (labelChanges({ key: "overall", test: testChange(a, b) }, []).get("overall")!.verdict === "change") alarms++;
  }
  return alarms / reps;
}

export { seededRandom };
