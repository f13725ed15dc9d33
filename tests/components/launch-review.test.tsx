// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LaunchReview } from "~/components/rounds/launch-review";
import type { LaunchPreview } from "~/models/round-launch.server";

afterEach(cleanup);

const values = { name: "Pulse", k: "5", opensAt: "2026-12-04T09:00", closesAt: "2026-12-18T09:00" };
const preview: LaunchPreview = { invited: 12, surveyName: "Pulse", untranslated: null, departments: [], roles: [] };

function renderReview(untranslated: string | null) {
  const Stub = createRemixStub([
    {
      path: "/hr/rounds/new",
      Component: () => <LaunchReview values={values} preview={{ ...preview, untranslated }} caution={null} />,
    },
  ]);
  render(<Stub initialEntries={["/hr/rounds/new"]} />);
}

describe("the review of a launch", () => {
  it("warns that some respondents will read questions in English", async () => {
    renderReview("1 question has no wording in Russian: people who answer in that language will see it in English.");
    expect(await screen.findByText(/^1 question has no wording in Russian/)).toHaveClass("warning");
  });

  it("says nothing of the kind when every question is translated", async () => {
    renderReview(null);
    await screen.findByRole("button", { name: "Launch round" });
    expect(screen.queryByText(/no wording in/)).toBeNull();
  });
});
