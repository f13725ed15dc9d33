// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SurveyForm, type DisplayQuestion } from "~/components/survey-form";
import { translator } from "~/i18n/translate";

afterEach(cleanup);

const questions: DisplayQuestion[] = [
  { id: "q1", type: "NPS", text: "How likely are you to recommend Northwind?" },
  { id: "q2", type: "RATING", text: "I know what is expected of me." },
  { id: "q3", type: "TEXT", text: "What is the main reason for your score?" },
];
const groups = { departments: [{ id: "d1", name: "Warehouse" }], roles: [{ id: "r1", name: "Picker" }] };

function renderForm(props: Partial<Parameters<typeof SurveyForm>[0]>) {
  const Stub = createRemixStub([
    {
      path: "/s/:key",
      Component: () => (
        <SurveyForm t={translator("uk")} questions={questions} k={5} variant="shared" lang="uk" {...props} />
      ),
    },
  ]);
  render(<Stub initialEntries={["/s/key"]} />);
}

describe("the survey's error summary", () => {
  it("lists each problem at the top of the form, links it to its field, and takes the focus", () => {
    renderForm({ problems: { q1: "score", q3: "tooLong" }, groupProblem: true, groups });
    const summary = screen.getByRole("alert", { name: "Будь ласка, перевірте позначені нижче відповіді." });
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Будь ласка, оберіть свій відділ і свою посаду.", "#departmentId"],
      ["Будь ласка, оберіть оцінку від 0 до 10.", "#score-0"],
      [expect.stringContaining("Будь ласка"), "#text:q3"],
    ]);
    // Every link leads to a control that exists.
    for (const link of links) expect(document.getElementById(link.getAttribute("href")!.slice(1))).not.toBeNull();
    // It comes before everything else in the form, so it is the first thing read and seen.
    const form = summary.closest("form")!;
    expect(form.firstElementChild).toBe(summary);
  });

  it("moves the focus to the field when a link is followed, and brings its question into view", async () => {
    // jsdom lays nothing out, so it has no scrollIntoView of its own: record the calls instead.
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    renderForm({ problems: { q2: "rating" } });
    const summary = screen.getByRole("alert", { name: /перевірте/ });
    await userEvent.click(within(summary).getByRole("link"));
    expect(document.getElementById("rating:q2-1")).toHaveFocus();
    expect(scrolled).toEqual([screen.getByRole("radiogroup", { name: /I know what is expected of me/ })]);
  });

  it("is not there when nothing is wrong", () => {
    renderForm({});
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("a question without a translation", () => {
  it("is marked as English inside a page in another language, so a screen reader reads it as English", () => {
    const mixed: DisplayQuestion[] = [
      { id: "q1", type: "NPS", text: "您有多大可能向朋友推荐 Northwind？" },
      { id: "q2", type: "RATING", text: "I know what is expected of me.", lang: "en" },
      { id: "q3", type: "TEXT", text: "Anything else?", lang: "en" },
    ];
    const Stub = createRemixStub([
      {
        path: "/a/:token",
        Component: () => <SurveyForm t={translator("zh")} questions={mixed} k={5} variant="personal" lang="zh" />,
      },
    ]);
    render(<Stub initialEntries={["/a/token"]} />);
    expect(screen.getByText("I know what is expected of me.")).toHaveAttribute("lang", "en");
    expect(screen.getByText("Anything else?")).toHaveAttribute("lang", "en");
    expect(screen.getByText("您有多大可能向朋友推荐 Northwind？").closest("[lang]")).toBeNull();
  });
});
