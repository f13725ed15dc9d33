import type { BrowserContextOptions } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fitsWidth, openWatchedPage, paintedPixels, signIn } from "./support/browser";
import { useDatabase } from "./support/database";
import { eventually } from "./support/eventually";
import { useOwnServer } from "./support/own-server";

const databaseFile = useDatabase("trainings");
const { makeDepartment, makePerson, makeRole, makeUser } = await import("../support/fixtures");
const { answerRound, answersOf, makeTrainingWithRounds } = await import("../support/trainings");
const { startServer } = await import("../support/server");

const PASSWORD = "trainings-e2e-password";
const TRAINER = "ines.trainer@company.example";
const ADMIN = "hr.trainings@company.example";

let trainingId: string;
let afterRoundId: string;
let otherTrainingId: string;

const app = useOwnServer(async () => {
  await makeUser("ADMIN", "", { email: ADMIN, name: "Hanna Kowalska", password: PASSWORD });
  const trainer = await makeUser("TRAINER", "", { email: TRAINER, name: "Ines Trainer", password: PASSWORD });
  const other = await makeUser("TRAINER", "", {
    email: "other.trainer@company.example",
    name: "Omar Other",
    password: PASSWORD,
  });
  const [sales, support] = [await makeDepartment("Sales"), await makeDepartment("Support")];
  const [agent, lead] = [await makeRole("Agent"), await makeRole("Team lead")];
  const people = [];
  for (const d of [sales, support])
    for (let i = 0; i < 8; i++) people.push(await makePerson(d.id, agent.id, { name: `Agent ${d.name} ${i}` }));
  await makePerson(sales.id, lead.id, { name: "Ada Lovelace" });
  const training = await makeTrainingWithRounds({
    trainerId: trainer.id,
    title: "Handling difficult calls",
    topic: "Customer care",
    openLink: false,
    participants: { personIds: people.map((p) => p.id), departmentIds: [], roleIds: [] },
  });
  trainingId = training.id;
  afterRoundId = training.after;
  await answerRound(training.before, [
    ...answersOf(sales.id, agent.id, [3, 5, 6, 6, 7, 8], { ratings: [2, 3, 2] }),
    ...answersOf(support.id, agent.id, [4, 6, 7, 8, 9, 5], { ratings: [3, 3, 2] }),
  ]);
  await answerRound(training.after, [
    ...answersOf(sales.id, agent.id, [9, 10, 9, 8, 10, 9, 10], { reason: "The role plays helped", ratings: [5, 4, 4] }),
    ...answersOf(support.id, agent.id, [10, 9, 9, 7, 10, 8], {
      reason: "I use the checklist daily",
      ratings: [4, 5, 4],
    }),
  ]);
  otherTrainingId = (await makeTrainingWithRounds({ trainerId: other.id, title: "Someone else's training" })).id;
  return startServer({ databaseFile });
});

const openPage = (options?: BrowserContextOptions) => openWatchedPage(app.browser, options);

describe("a trainer in the browser", () => {
  it("sees the before/after comparison of their training, whether the change is clear, and the distributions chart", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.server.url, TRAINER, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trainings" }).click();
    const list = page.getByRole("table", { name: /Your trainings/ });
    await list.waitFor();
    await eventually(() => list.getByRole("link").allTextContents()).toEqual(["Handling difficult calls"]);
    await list.getByRole("link", { name: "Handling difficult calls" }).click();

    await page.getByRole("heading", { level: 1, name: "Handling difficult calls" }).waitFor();
    await eventually(() => page.getByLabel("NPS before: -50.0").count()).toBe(1);
    await eventually(() => page.getByLabel("NPS after: +76.9").count()).toBe(1);
    // A training's score is its NPS: "eNPS" is the employee survey's.
    await eventually(() => page.locator("main").innerText()).not.toMatch(/\beNPS\b/);
    const change = page.locator(".change-line").first();
    await eventually(() => change.textContent()).toMatch(/Change after the training: \+126\.9 points Clear change/);
    // Both rounds' bars: before in grey, after in blue.
    await eventually(() => paintedPixels(page, "distribution-comparison", [138, 148, 166])).toBeGreaterThan(50);
    await eventually(() => paintedPixels(page, "distribution-comparison", [47, 91, 211])).toBeGreaterThan(50);
    const table = page.getByRole("table", { name: "Responses per score, before and after the training" });
    await eventually(() => table.getByRole("row").count()).toBe(3);
    await eventually(() =>
      page
        .getByRole("table", { name: "Mean rating per item (1-5), before and after the training" })
        .getByRole("row")
        .count(),
    ).toBe(4);
    await eventually(() => page.getByText("The role plays helped").count()).toBeGreaterThan(0);
    await page.goto(`${app.server.url}/hr/rounds/${afterRoundId}/results`);
    await eventually(() => page.getByLabel("NPS of Everyone: +76.9").count()).toBe(1);
    await eventually(() => page.locator("main").innerText()).not.toMatch(/\beNPS\b/);
    await page.goBack();
    // Trainers read; only HR hands out links or opens and closes rounds.
    await eventually(() => page.getByRole("link", { name: /Round page/ }).count()).toBe(0);
    await eventually(() => page.getByRole("link", { name: /Close .* now/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it("is refused another trainer's training", async () => {
    const { page, close } = await openPage();
    await signIn(page, app.server.url, TRAINER, PASSWORD);
    const response = await page.goto(`${app.server.url}/hr/trainings/${otherTrainingId}`);
    expect(response?.status()).toBe(403);
    await eventually(() => page.getByText(/run by another trainer/).count()).toBe(1);
    await close();
  });

  it("sees their trainings compared, and the page fits a 360 px phone", async () => {
    const { page, errors, close } = await openPage({ viewport: { width: 360, height: 900 } });
    await signIn(page, app.server.url, TRAINER, PASSWORD);
    await page.goto(`${app.server.url}/hr/trainings/overview`);
    await page.getByRole("heading", { level: 2, name: "Overall change, your trainings" }).waitFor();
    await eventually(() => page.locator("main").innerText()).not.toMatch(/\beNPS\b/);
    await eventually(() => paintedPixels(page, "before-after")).toBeGreaterThan(500);
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.goto(`${app.server.url}/hr/trainings/${trainingId}`);
    await page.locator('[data-chart="distribution-comparison"] canvas').waitFor();
    await eventually(() => fitsWidth(page)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});

describe("HR in the browser", () => {
  it("creates a training with people found in the directory, after checking it", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.server.url, ADMIN, PASSWORD);
    await page.goto(`${app.server.url}/hr/trainings/new`);
    await page.getByLabel("Title").fill("Coaching basics");
    await page.getByLabel("Topic").fill("Leadership");
    await page.getByLabel("Trainer").selectOption({ label: `Ines Trainer (${TRAINER})` });
    await page.getByLabel("Find people by name or e-mail").fill("Ada");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("checkbox", { name: /Ada Lovelace/ }).check();
    await page.getByRole("button", { name: "Review" }).click();
    const review = page.getByRole("form", { name: "Check and create" });
    await review.waitFor();
    // One person and k = 5: said before anything is created.
    const warning = review.getByRole("alert");
    await eventually(() => warning.textContent()).toContain(
      "No round of this training can ever show a score. Only 1 person can answer, fewer than k = 5",
    );
    await page.getByRole("button", { name: "Change something" }).click();
    await page.getByRole("checkbox", { name: /Support/ }).check();
    await page.getByRole("button", { name: "Review" }).click();
    await review.waitFor();
    await eventually(() => review.textContent()).toContain("9 people will get a personal link to each round");
    await eventually(() => review.getByRole("alert").count()).toBe(0);
    await page.getByRole("button", { name: "Create training" }).click();
    await page.getByRole("heading", { level: 1, name: "Coaching basics" }).waitFor();
    await eventually(() => page.getByRole("status").textContent()).toMatch(
      /set up with its before and after rounds: 9 participants are invited/,
    );
    await eventually(() =>
      page.getByRole("link", { name: /Round page of Coaching basics · (before|after)/ }).count(),
    ).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });
});
