import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/field";
import { PageHeader } from "~/components/page";
import { NewPasswordFields } from "~/components/password-fields";
import { changeOwnPasswordSchema } from "~/domain/user-input";
import { changeOwnPassword } from "~/models/users.server";
import { keepSessionAt, passwordWasRight, requireUser, reservePasswordTry } from "~/pages/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { clientAddress } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Change my password · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireUser(request);
    return null;
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request);
    const form = parseForm(await readForm(request), changeOwnPasswordSchema);
    // Passwords are never sent back to the page.
    if (!form.ok) return data({ errors: form.errors }, { status: 400 });
    // The current password is guessed at here no faster than on the sign-in page.
    const address = clientAddress(context);
    const passwordTry = await reservePasswordTry(user.email, address, "Too many wrong passwords.");
    const changed = await refusalOf(changeOwnPassword(user, form.data.currentPassword, form.data.newPassword));
    // Only a wrong current password keeps counting as a failed try.
    if (changed.ok || changed.field !== "currentPassword") await passwordWasRight(passwordTry);
    if (!changed.ok) {
      return data({ errors: { [changed.field]: changed.message } as FieldErrors }, { status: changed.status });
    }
    const sessionVersion = changed.value;
    // The new password ends every other session of this login; this browser keeps going.
    return redirectWithNotice(
      request,
      "/hr",
      "Your password is changed, and you are signed out on every other device. Use the new one when you next sign in.",
      keepSessionAt(sessionVersion),
    );
  });
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  return (
    <>
      <PageHeader title="Change my password" description="Your current password first, then the new one twice." />
      <Form method="post" className="card" noValidate key={JSON.stringify(errors)}>
        <FormError
          message={
            Object.keys(errors).length > 0 ? "Your password was not changed. Fix the fields marked below." : undefined
          }
        />
        <div className="form-grid">
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={errors.currentPassword}
          />
          <NewPasswordFields errors={errors} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Changing…" : "Change my password"}
        </button>
      </Form>
    </>
  );
}
