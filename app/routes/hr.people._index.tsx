import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ActiveBadge } from "~/components/active-status";
import { SelectField, TextField } from "~/components/field";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { DirectoryTabs } from "~/components/tabs";
import { HR_LOCALE, plural } from "~/domain/plural";
import { listGroups } from "~/models/org-groups.server";
import { listPeople } from "~/models/people.server";
import { requireAdmin } from "~/pages/auth.server";
import { pageFrom, queryText } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "People · Candor" }];

const PAGE_SIZE = 50;
const STATUSES = ["active", "inactive", "all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const filter = {
    q: queryText(url, "q"),
    departmentId: queryText(url, "department", 64),
    roleId: queryText(url, "role", 64),
    status: STATUSES.find((s) => s === statusParam) ?? "active",
    page: pageFrom(url),
    pageSize: PAGE_SIZE,
  };
  const [{ people, total }, departments, roles] = await Promise.all([
    listPeople(filter),
    listGroups("department"),
    listGroups("role"),
  ]);
  return { people, total, filter, departments, roles };
}

export default function People() {
  const { people, total, filter, departments, roles } = useLoaderData<typeof loader>();
  const filtered = filter.q !== "" || filter.departmentId !== "" || filter.roleId !== "" || filter.status !== "active";
  return (
    <>
      <PageHeader
        title="Directory"
        description="The people who can be invited to surveys. They never sign in; a person is not a login."
        actions={
          <>
            <Link className="button" to="/hr/people/new">
              Add person
            </Link>
            <Link className="button button-secondary" to="/hr/import">
              Import CSV
            </Link>
          </>
        }
      />
      <DirectoryTabs />
      <Form method="get" className="filters" role="search" aria-label="Filter people">
        <TextField label="Search" name="q" type="search" defaultValue={filter.q} placeholder="Name or e-mail" />
        <SelectField
          label="Department"
          name="department"
          defaultValue={filter.departmentId}
          placeholder="All departments"
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <SelectField
          label="Role"
          name="role"
          defaultValue={filter.roleId}
          placeholder="All roles"
          options={roles.map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={filter.status}
          options={[
            { value: "active", label: "Active" },
            { value: "inactive", label: "Inactive" },
            { value: "all", label: "All" },
          ]}
        />
        <button type="submit" className="secondary">
          Filter
        </button>
      </Form>
      {people.length === 0 ? (
        filtered ? (
          <EmptyState title="Nobody matches these filters">
            <Link to="/hr/people">Clear the filters</Link>
          </EmptyState>
        ) : (
          <EmptyState title="The directory is empty">
            <p>Import your HR system's export or add people one by one.</p>
            <Link className="button" to="/hr/import">
              Import CSV
            </Link>
          </EmptyState>
        )
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {plural(HR_LOCALE, total, { one: "# person", other: "# people" })}
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">People in the directory</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Department</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.id} className={person.active ? undefined : "row-inactive"}>
                    <td>
                      <Link to={`/hr/people/${person.id}`}>{person.name}</Link>
                    </td>
                    <td>{person.email}</td>
                    <td>{person.department.name}</td>
                    <td>{person.role.name}</td>
                    <td>
                      <ActiveBadge active={person.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={filter.page} pageSize={PAGE_SIZE} total={total} />
        </>
      )}
    </>
  );
}
