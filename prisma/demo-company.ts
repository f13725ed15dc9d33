import { seededRandom } from "~/domain/seeded-random";

/**
 * The demo company: a deterministic, realistic directory so a first start shows a living
 * product. Names come from the languages Candor's users work in.
 */

export const DEMO_PASSWORD = "candor-demo-2026";

export const DEMO_LOGINS = {
  admin: { email: "hr@candor.example", name: "Hanna Kowalska" },
  trainer: { email: "trainer@candor.example", name: "Oleh Marchenko" },
  manager: { email: "manager@candor.example", name: "Li Wei" },
} as const;

export const DEMO_DEPARTMENTS = [
  "Engineering",
  "Sales",
  "Customer Support",
  "Marketing",
  "Finance",
  "Operations",
  "People & Culture",
  "Product",
] as const;

export const DEMO_ROLES = [
  "Individual contributor",
  "Senior specialist",
  "Team lead",
  "Manager",
  "Intern",
  "Director",
] as const;

const FIRST = [
  "Anna",
  "James",
  "Olena",
  "Piotr",
  "Wei",
  "Maria",
  "Dmytro",
  "Ivan",
  "Agnieszka",
  "Chen",
  "Georgi",
  "Sofia",
  "Liam",
  "Natalia",
  "Mei",
  "Andriy",
  "Katarzyna",
  "Aleksandr",
  "Emma",
  "Yan",
  "Nikolai",
  "Iryna",
  "Tomasz",
  "Elena",
  "Jun",
  "Daria",
  "Marek",
  "Petar",
  "Olivia",
  "Xiu",
];
const LAST = [
  "Smith",
  "Kowalski",
  "Shevchenko",
  "Wang",
  "Ivanova",
  "Nowak",
  "Petrov",
  "Zhang",
  "Bondarenko",
  "Georgiev",
  "Brown",
  "Wisniewska",
  "Li",
  "Kovalenko",
  "Dimitrova",
  "Sokolov",
  "Liu",
  "Lewandowski",
  "Taylor",
  "Melnyk",
  "Chen",
  "Stoyanov",
  "Kuznetsova",
  "Wojcik",
  "Huang",
];

// Department sizes and role mix of a 200-person company.
const DEPARTMENT_WEIGHTS = [50, 34, 30, 20, 16, 20, 10, 20];
const ROLE_WEIGHTS = [110, 40, 22, 14, 9, 5];

function pick<T>(items: readonly T[], weights: number[], random: () => number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = random() * total;
  for (let i = 0; i < items.length; i++) {
    roll -= weights[i];
    if (roll < 0) return items[i];
  }
  return items[items.length - 1];
}

export function demoPeopleCsv(count = 200): string {
  const random = seededRandom(2026);
  const lines = ["email,name,department,role"];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length + i) % LAST.length];
    const department = pick(
      DEPARTMENT_WEIGHTS.map((_, d) => DEMO_DEPARTMENTS[d]),
      DEPARTMENT_WEIGHTS,
      random,
    );
    const role = pick(DEMO_ROLES, ROLE_WEIGHTS, random);
    const email = `${first}.${last}.${i + 1}@candor.example`.toLowerCase();
    lines.push(`${email},${first} ${last},${department},${role}`);
  }
  return lines.join("\n");
}
