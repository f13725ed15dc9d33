/**
 * Part of the results gate (import from ./index.server only): what every employee may read on
 * the "you said, we did" page, without signing in.
 */
import type { AddedBeforeLaunch } from "~/domain/added-before-launch";
import { departmentKey, OVERALL_KEY, roleKey } from "~/domain/anonymity";
import type { NpsChange } from "~/domain/nps-statistics";
import { closingTime } from "~/domain/round-status";
import { changesAlong } from "~/domain/trend";
import { scoreOf, type GroupScore, type RoundFacts } from "./facts.server";
import { byName, closedRoundsOf, factsOf, namesOf } from "./round-source.server";
import { TREND_ROUNDS } from "./trends.server";

export interface PublicRound {
  id: string;
  name: string;
  closedOn: Date;
  k: number;
  /** Null when the gate withholds the whole round. */
  overall: GroupScore | null;
  /** The change from the periodic round before; null for the first and next to a withheld round. */
  change: NpsChange | null;
  /** The name of the round before, which `change` is measured from. */
  previousName: string | null;
  /** How many of those invited were added to the directory just before the launch, if any. */
  addedBeforeLaunch: AddedBeforeLaunch | null;
}

export interface PublicGroup {
  name: string;
  score: GroupScore;
  addedBeforeLaunch: AddedBeforeLaunch | null;
}

export interface PublicResults {
  /** The latest closed periodic rounds, newest first. */
  rounds: PublicRound[];
  /** The departments and roles the gate shows in the latest of them; withheld ones are left out. */
  departments: PublicGroup[];
  roles: PublicGroup[];
}

/**
 * The headline results for everyone, without signing in: the overall eNPS of the latest
 * `limit` closed periodic rounds with each change, and the shown departments and roles of the
 * latest. Nothing of a withheld group, not even its name. The changes are labelled as the
 * company's trend labels them, so both pages say the same of each change.
 */
export async function getPublicResults({ limit = 4, now = new Date() } = {}): Promise<PublicResults> {
  // The changes are labelled over the same rounds as the company's trend, so both pages say
  // the same of each change (and the oldest shown round has its change too).
  const recent = (await closedRoundsOf({ kind: "periodic" }, now)).slice(-TREND_ROUNDS);
  const facts: RoundFacts[] = [];
  for (const round of recent) facts.push(await factsOf(round));
  const overall = facts.map((f) => scoreOf(f, OVERALL_KEY));
  const changes = changesAlong(overall, { latestIsPrimary: true });
  const shown = recent
    .map((round, index) => ({
      id: round.id,
      name: round.name,
      closedOn: closingTime(round),
      k: round.k,
      overall: overall[index],
      change: changes[index],
      previousName: index > 0 ? recent[index - 1].name : null,
      // Shown only with the score: a withheld round says nothing of who it invited.
      addedBeforeLaunch: overall[index] ? (facts[index].addedBeforeLaunch.get(OVERALL_KEY) ?? null) : null,
    }))
    .slice(-limit)
    .reverse();
  const latest = facts.at(-1);
  if (!latest) return { rounds: shown, departments: [], roles: [] };
  const names = await namesOf(latest.named.departments, latest.named.roles);
  const groupsOf = (ids: Set<string>, names: Map<string, string>, keyOf: (id: string) => string) =>
    [...ids]
      .flatMap((id) => {
        const score = scoreOf(latest, keyOf(id));
        const name = names.get(id);
        const addedBeforeLaunch = latest.addedBeforeLaunch.get(keyOf(id)) ?? null;
        return score && name ? [{ name, score, addedBeforeLaunch }] : [];
      })
      .sort(byName);
  return {
    rounds: shown,
    departments: groupsOf(latest.named.departments, names.department, departmentKey),
    roles: groupsOf(latest.named.roles, names.role, roleKey),
  };
}
