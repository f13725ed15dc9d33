// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PublishedActions, PublishedResults } from "~/components/published-page";
import { en } from "~/i18n/messages/en";
import { translator } from "~/i18n/translate";
import type { PublishedView, RoundView } from "~/pages/published-page.server";
import YouSaidWeDid from "~/routes/you-said-we-did";

afterEach(cleanup);

const score = { nps: "+24,7", low: "+20,6", high: "+28,4", answers: "340" };
const round = (over: Partial<RoundView> = {}): RoundView => ({
  id: "r2",
  name: "2026 Q1",
  closed: "2 листопада 2026 р.",
  k: 5,
  score,
  change: { delta: "+23,1", verdict: "change", since: "2025 Q4" },
  added: null,
  ...over,
});
const empty: PublishedView = { latest: null, earlier: [], departments: [], roles: [], actions: [] };

describe("the published results", () => {
  it("shows the latest round's eNPS with its range, answers and change, in the reader's language", () => {
    const view: PublishedView = {
      ...empty,
      latest: round(),
      earlier: [round({ id: "r1", name: "2025 Q4", change: { delta: "-1,0", verdict: "noise", since: "2025 Q3" } })],
      departments: [{ name: "Sales", score, added: null }],
    };
    render(<PublishedResults view={view} t={translator("uk")} />);
    const latest = screen.getByRole("article", { name: "2026 Q1" });
    expect(latest).toHaveTextContent("+24,7");
    expect(latest).toHaveTextContent("95% діапазон: від +20,6 до +28,4 · Відповідей: 340");
    expect(latest).toHaveTextContent("+23,1 пункта порівняно з опитуванням «2025 Q4»: чітка зміна");
    expect(latest).toHaveTextContent("якщо ті, хто не відповів, думають так само, як ті, хто відповів");
    expect(
      within(screen.getByRole("region", { name: "Попередні опитування" })).getByText(/у межах статистичного шуму/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole("region", { name: "За відділами та посадами" })).getByRole("listitem"),
    ).toHaveTextContent("Sales+24,7");
  });

  it("says next to a figure how many of those asked were added to the directory just before", () => {
    const added = { added: "2", invited: "5", days: "14" };
    const view: PublishedView = {
      ...empty,
      latest: round({ added: { ...added, invited: "10" } }),
      departments: [
        { name: "Sales", score, added },
        { name: "Finance", score, added: null },
      ],
    };
    render(<PublishedResults view={view} t={translator("en")} />);
    expect(screen.getByRole("article", { name: "2026 Q1" })).toHaveTextContent(
      "Added to the directory in the 14 days before the survey opened: 2 of the 10 people asked.",
    );
    const [sales, finance] = within(screen.getByRole("region", { name: "By department and role" })).getAllByRole(
      "listitem",
    );
    expect(sales).toHaveTextContent("2 of the 5 people asked.");
    expect(finance).not.toHaveTextContent("people asked");
  });

  it("says a withheld round is not shown, with no figures and no groups", () => {
    render(<PublishedResults view={{ ...empty, latest: round({ score: null, change: null }) }} t={translator("en")} />);
    expect(
      screen.getByText("Not shown: fewer than 5 answers, or held back so that a smaller group cannot be worked out."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "By department and role" })).toBeNull();
  });

  it("says plainly when nothing has closed yet", () => {
    render(<PublishedResults view={empty} t={translator("en")} />);
    expect(screen.getByText("No results yet. They appear here once a survey has closed.")).toBeInTheDocument();
  });
});

describe("the published actions", () => {
  it("groups items under their translated status, with deadline and latest update", () => {
    const view: PublishedView = {
      ...empty,
      actions: [
        {
          status: "DONE",
          items: [
            {
              id: "a",
              title: "Faster laptops",
              deadline: "30 вересня 2026 р.",
              round: "2026 Q1",
              groups: ["Sales"],
              note: { body: "<b>Arrived</b>", date: "1 жовтня 2026 р." },
            },
          ],
        },
      ],
    };
    render(<PublishedActions view={view} t={translator("uk")} />);
    const done = screen.getByRole("region", { name: "Виконано (1)" });
    const item = within(done).getByRole("listitem");
    expect(item).toHaveTextContent("Faster laptops");
    expect(item).toHaveTextContent("Після опитування «2026 Q1» · Sales");
    expect(item).toHaveTextContent("Термін: 30 вересня 2026 р.");
    expect(item).toHaveTextContent("Останнє оновлення (1 жовтня 2026 р.)<b>Arrived</b>");
  });

  it("says plainly when nothing is published", () => {
    render(<PublishedActions view={empty} t={translator("pl")} />);
    expect(
      screen.getByText("Nic jeszcze nie opublikowano. Tutaj pojawią się działania podjęte po ankietach."),
    ).toBeInTheDocument();
  });
});

describe("the page", () => {
  it("puts what is being done first, and the figures after it", async () => {
    const data = { ...empty, latest: round(), locale: "en", lang: "en", messages: en };
    const Stub = createRemixStub([{ path: "/you-said-we-did", Component: YouSaidWeDid, loader: () => data }]);
    render(<Stub initialEntries={["/you-said-we-did"]} />);
    await screen.findByRole("heading", { level: 1, name: "You said, we did" });
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "What is being done",
      "What you told us",
    ]);
  });
});
