import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError, TextField } from "~/components/field";
import { attemptLogin, getUser, startSession } from "~/pages/auth.server";
import { readForm } from "~/utils/http.server";
import { clientAddress } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction = () => [{ title: "Sign in · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

const loginSchema = z.object({
  email: z.string().trim().max(254).default(""),
  password: z.string().max(200).default(""),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = loginSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success || form.data.email === "" || form.data.password === "") {
    return data({ message: "Enter your e-mail and password.", email: form.data?.email ?? "" }, { status: 400 });
  }
  const { email, password, redirectTo } = form.data;
  const result = await attemptLogin(email, password, clientAddress(context));
  if (!result.ok) return data({ message: result.message, email }, { status: 401 });
  return startSession(
    request,
    { userId: result.user.id, sessionVersion: result.sessionVersion },
    safeRedirect(redirectTo),
  );
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  return (
    <main className="centered" id="main">
      <div className="card">
        <h1>Sign in to Candor</h1>
        <p className="muted">For HR, trainers and managers. Answering a survey needs no account.</p>
        <Form method="post" noValidate>
          <FormError message={actionData?.message} />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/hr"} />
          <TextField
            label="E-mail"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email}
            // The page exists only to sign in: the cursor belongs in its first field.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
          <button type="submit" disabled={submitting}>
            {submitting ? "Signing in…" : "Sign in"}
          </button>
        </Form>
      </div>
    </main>
  );
}
