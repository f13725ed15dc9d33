// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { RoundNameFields } from "~/components/rounds/round-name-fields";

afterEach(cleanup);

const surveys = [
  { id: "s1", name: "Employee NPS" },
  { id: "s2", name: "Warehouse pulse" },
];

function renderFields(name = "Employee NPS December 2026") {
  render(
    <form>
      <RoundNameFields surveys={surveys} month="December 2026" name={name} surveyId="s1" errors={{}} />
    </form>,
  );
  return { name: screen.getByLabelText("Round name"), survey: screen.getByLabelText("Survey") };
}

describe("the launch form's round name", () => {
  it("follows the survey chosen while it is still the suggested name", async () => {
    const { name, survey } = renderFields();
    await userEvent.selectOptions(survey, "s2");
    expect(name).toHaveValue("Warehouse pulse December 2026");
    await userEvent.selectOptions(survey, "s1");
    expect(name).toHaveValue("Employee NPS December 2026");
  });

  it("keeps a name HR wrote, whatever survey is chosen after", async () => {
    const { name, survey } = renderFields();
    await userEvent.clear(name);
    await userEvent.type(name, "Year-end check");
    await userEvent.selectOptions(survey, "s2");
    expect(name).toHaveValue("Year-end check");
  });

  it("keeps a name sent back with a problem, when it is not a suggestion", async () => {
    const { name, survey } = renderFields("Ops round");
    await userEvent.selectOptions(survey, "s2");
    expect(name).toHaveValue("Ops round");
  });
});
