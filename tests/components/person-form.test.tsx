// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PersonForm } from "~/components/person-form";

afterEach(cleanup);

const departments = [
  { id: "d1", name: "Sales", active: true },
  { id: "d2", name: "Closed Shop", active: false },
];
const roles = [{ id: "r1", name: "Rep", active: true }];

function renderForm(props: Partial<Parameters<typeof PersonForm>[0]>) {
  const Stub = createRemixStub([
    {
      path: "/",
      Component: () => (
        <PersonForm values={{}} departments={departments} roles={roles} submitLabel="Add person" {...props} />
      ),
    },
  ]);
  render(<Stub />);
}

describe("PersonForm", () => {
  it("labels every field", () => {
    renderForm({});
    for (const label of ["Name", "E-mail", "Department", "Role"]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
  });

  it("shows each error next to its field and ties it to the input for screen readers", () => {
    renderForm({ errors: { email: "Enter a valid e-mail address." }, values: { email: "nope" } });
    const email = screen.getByLabelText("E-mail");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Enter a valid e-mail address.");
    expect(email).toHaveValue("nope");
    expect(screen.getByLabelText("Name")).not.toHaveAttribute("aria-invalid");
  });

  it("offers inactive departments only to someone already in one", () => {
    renderForm({});
    expect(screen.queryByRole("option", { name: /Closed Shop/ })).toBeNull();
    cleanup();
    renderForm({ values: { departmentId: "d2" } });
    expect(screen.getByRole("option", { name: "Closed Shop (inactive)" })).toBeInTheDocument();
  });
});
