import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MyActions } from "~/components/my-actions";
import { PageHeader } from "~/components/page";
import { listMyActions } from "~/models/actions.server";
import { countDirectory } from "~/models/people.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Home · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { name: user.name, role: user.role },
    directory: await countDirectory(),
    myActions: { ...(await listMyActions(user)), ownerId: user.id },
  };
}

export default function HrHome() {
  const { user, directory, myActions } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Hello, ${user.name}`} />
      <MyActions {...myActions} />
      {user.role === "ADMIN" ? (
        <section className="card" aria-labelledby="directory-heading">
          <h2 id="directory-heading">Directory</h2>
          <p>
            {directory.people} active people in {directory.departments} departments and{" "}
            {directory.roles} roles.
          </p>
          <div className="row">
            <Link to="/hr/people">People</Link>
            <Link to="/hr/import">Import a CSV</Link>
          </div>
        </section>
      ) : null}
    </>
  );
}
