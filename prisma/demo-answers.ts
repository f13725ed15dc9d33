/**
 * How the demo company answers: each department has a mood that drifts from round to round
 * (Engineering improves after its meeting diet, Sales slips), and comments come in the
 * languages people there write in.
 */
export type Random = () => number;

/** Mood per department and round (0 = miserable, 1 = delighted), oldest round first. */
export const DEPARTMENT_MOODS: Record<string, number[]> = {
  Engineering: [0.3, 0.35, 0.5, 0.72, 0.75],
  Sales: [0.6, 0.55, 0.5, 0.42, 0.4],
  "Customer Support": [0.2, 0.25, 0.3, 0.48, 0.5],
  Marketing: [0.55, 0.6, 0.6, 0.62, 0.6],
  Finance: [0.5, 0.5, 0.45, 0.5, 0.55],
  Operations: [0.4, 0.42, 0.45, 0.55, 0.55],
  "People & Culture": [0.7, 0.7, 0.72, 0.75, 0.75],
  Product: [0.45, 0.5, 0.55, 0.66, 0.66],
};

/** A 0-10 score for someone of the given mood. */
export function demoScore(mood: number, random: Random): number {
  const roll = random();
  const promoter = 0.15 + 0.5 * mood;
  const detractor = 0.45 - 0.4 * mood;
  if (roll < promoter) return random() < 0.55 ? 9 : 10;
  if (roll < promoter + detractor) return [2, 3, 4, 5, 5, 6, 6, 6][Math.floor(random() * 8)];
  return random() < 0.5 ? 7 : 8;
}

/** A 1-5 agreement for someone of the given mood. */
export function demoRating(mood: number, random: Random): number {
  return Math.max(1, Math.min(5, Math.round(1 + mood * 4 + (random() - 0.5) * 2)));
}

const REASONS = {
  promoter: [
    "Great colleagues and a lot of trust.",
    "Flexible hours make a real difference for my family.",
    "I learn something new every month.",
    "My manager really listens.",
    "Добра команда і цікаві задачі.",
    "Świetny zespół i elastyczne godziny pracy.",
    "同事们很好，工作有意义。",
    "Отличная команда, много доверия.",
  ],
  passive: [
    "Good place overall, but the workload comes in waves.",
    "Nice people, average pay.",
    "Fine, though decisions take a long time.",
    "Добре, але забагато нарад.",
    "Dobrze, ale awans jest niejasny.",
    "Хорошо, но мало обучения.",
  ],
  detractor: [
    "Too many meetings, too little time to focus.",
    "Salaries have not kept up with inflation.",
    "No clear career path.",
    "Decisions come from above without explanation.",
    "Навантаження занадто велике.",
    "Brak jasnej ścieżki awansu.",
    "沟通不够透明。",
    "Твърде много срещи и малко време за работа.",
  ],
};

const IMPROVEMENTS = [
  "Fewer meetings.",
  "Clearer career paths.",
  "Publish salary bands.",
  "Better onboarding for new people.",
  "More training budget.",
  "Більше прозорості щодо рішень керівництва.",
  "Mniej spotkań, więcej czasu na pracę.",
  "更多的培训机会。",
  "Больше обратной связи от руководителей.",
];

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

/** About half of the people say why, and about a third what to improve. */
export function demoComments(score: number, random: Random): { reason?: string; improve?: string } {
  const category = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
  return {
    reason: random() < 0.5 ? pick(REASONS[category], random) : undefined,
    improve: random() < 0.35 ? pick(IMPROVEMENTS, random) : undefined,
  };
}
