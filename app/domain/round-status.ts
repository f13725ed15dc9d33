/**
 * A round's status follows from its dates, so a round closes at its closing time even when no
 * job ran (after a restart, say): scheduled before it opens, open until it closes, closed after
 * (or once closed early by hand).
 */
export type RoundStatus = "scheduled" | "open" | "closed";

export interface RoundTimes {
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

export function roundStatus(round: RoundTimes, now: Date = new Date()): RoundStatus {
  if (round.closedAt && round.closedAt.getTime() <= now.getTime()) return "closed";
  if (now.getTime() >= round.closesAt.getTime()) return "closed";
  if (now.getTime() < round.opensAt.getTime()) return "scheduled";
  return "open";
}

/** Whether HR closed the round by hand before its closing time. */
export function closedEarly(round: Pick<RoundTimes, "closesAt" | "closedAt">): boolean {
  return round.closedAt !== null && round.closedAt < round.closesAt;
}

/** When a round stopped taking answers: closed early by hand, or at its closing time. */
export function closingTime(round: Pick<RoundTimes, "closesAt" | "closedAt">): Date {
  return closedEarly(round) ? round.closedAt! : round.closesAt;
}

export const ROUND_KINDS = ["PERIODIC", "PULSE", "TRAINING_PRE", "TRAINING_POST", "TRAINING_FOLLOWUP"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  PERIODIC: "Periodic eNPS",
  PULSE: "Pulse",
  TRAINING_PRE: "Before training",
  TRAINING_POST: "After training",
  TRAINING_FOLLOWUP: "Training follow-up",
};

export type ScoreName = "eNPS" | "NPS";

/**
 * What a round's score is called: a training's rounds ask about the training (training NPS,
 * shown as "NPS"); the others ask about the workplace (employee NPS, "eNPS").
 */
export function scoreNameOf(kind: string): ScoreName {
  return kind.startsWith("TRAINING_") ? "NPS" : "eNPS";
}
