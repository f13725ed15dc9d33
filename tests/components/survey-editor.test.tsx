// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SurveyEditor } from "~/components/survey-editor";
import { draftFromTemplate } from "~/domain/survey-templates";

afterEach(cleanup);

function renderEditor(props: Partial<Parameters<typeof SurveyEditor>[0]> = {}) {
  const Stub = createRemixStub([
    {
      path: "/",
      Component: () => (
        <SurveyEditor
          draft={draftFromTemplate("ENPS")}
          revision={0}
          focus={null}
          companyName="Acme"
          submitLabel="Save survey"
          {...props}
        />
      ),
    },
  ]);
  render(<Stub />);
}

describe("SurveyEditor", () => {
  it("shows each question as a labelled group, the 0-10 question first and fixed", () => {
    renderEditor();
    const groups = screen.getAllByRole("group", { name: /^Question \d/ });
    expect(groups.map((g) => g.querySelector("legend")?.textContent)).toEqual([
      "Question 1: 0-10 recommendation question (always first)",
      "Question 2: Open question",
      "Question 3: Open question",
    ]);
    expect(within(groups[0]).queryByRole("button", { name: /Remove/ })).toBeNull();
    expect(within(groups[1]).getByRole("button", { name: "Move question 2 up" })).toBeDisabled();
    expect(within(groups[2]).getByRole("button", { name: "Move question 3 down" })).toBeDisabled();
    expect(within(groups[0]).getByLabelText("English wording")).toHaveValue(
      "How likely are you to recommend {company} as a place to work?",
    );
    expect(within(groups[0]).getByLabelText("Українська")).toHaveAttribute("lang", "uk");
  });

  it("ties each error to its field, opens the translations that have one, and says the survey was not saved", () => {
    renderEditor({ errors: { "q-1-en": "The English wording is required.", "q-2-pl": "Too long." } });
    const groups = screen.getAllByRole("group", { name: /^Question \d/ });
    expect(within(groups[1]).getByLabelText("English wording")).toHaveAccessibleDescription(
      "The English wording is required.",
    );
    expect(within(groups[2]).getByLabelText("Polski")).toHaveAttribute("aria-invalid", "true");
    expect(groups[2].querySelector("details")).toHaveAttribute("open");
    expect(groups[1].querySelector("details")).not.toHaveAttribute("open");
    expect(screen.getAllByRole("alert")[0]).toHaveTextContent(
      "The survey was not saved: 2 fields need fixing (marked below).",
    );
  });

  it("makes Enter in a field save, not move or remove a question", () => {
    renderEditor();
    const form = screen.getByLabelText("Survey name").closest("form")!;
    const first = form.querySelector('button[type="submit"]');
    expect(first).toHaveAttribute("value", "save");
  });

  it("says whether the company name is set", () => {
    renderEditor({ companyName: null });
    expect(screen.getByText(/not set yet/)).toBeInTheDocument();
  });
});
