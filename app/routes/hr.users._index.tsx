import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActiveBadge, ToggleActiveForm } from "~/components/active-status";
import { PageHeader } from "~/components/page";
import { SettingsTabs } from "~/components/tabs";
import { USER_ROLE_LABELS } from "~/domain/user-roles";
import { listUsers, setUserActive } from "~/models/users.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { badRequest, readForm, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Logins · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  return { users: await listUsers(), me: user.id };
}

const toggleSchema = z.object({
  id: z.string().min(1).max(64),
  intent: z.enum(["deactivate", "reactivate"]),
});

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const form = toggleSchema.safeParse(Object.fromEntries(await readForm(request)));
    if (!form.success) throw badRequest("Unknown action.");
    if (form.data.id === user.id) throw badRequest("You cannot deactivate your own login.");
    await setUserActive(actorOf(user), form.data.id, form.data.intent === "reactivate");
    return redirectWithNotice(
      request,
      "/hr/users",
      form.data.intent === "reactivate"
        ? "The login works again."
        : "The login is deactivated; it can no longer sign in.",
    );
  });
}

export default function Users() {
  const { users, me } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Logins"
        description="Who can sign in: HR admins see everything, trainers their trainings, managers their department. Open a login to change its name, role or password."
        actions={
          <Link className="button" to="/hr/users/new">
            Add login
          </Link>
        }
      />
      <SettingsTabs />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Logins</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.active ? undefined : "row-inactive"}>
                <td>
                  <Link to={`/hr/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>
                  {USER_ROLE_LABELS[user.role as keyof typeof USER_ROLE_LABELS] ?? user.role}
                  {user.department ? <span className="muted"> · {user.department.name}</span> : null}
                </td>
                <td>
                  <ActiveBadge active={user.active} />
                </td>
                <td>
                  {user.id === me ? (
                    <Link className="small" to="/hr/password">
                      You: change my password
                    </Link>
                  ) : (
                    <ToggleActiveForm id={user.id} name={user.name} active={user.active} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
