import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GroupAdmin } from "~/components/group-admin";
import { groupAdminAction, groupAdminLoader } from "~/pages/group-admin.server";

export const meta: MetaFunction = () => [{ title: "Departments · Candor" }];

// Declared as functions (not as the helpers' return values) so the browser build leaves them out.
export function loader(args: LoaderFunctionArgs) {
  return groupAdminLoader("department")(args);
}

export function action(args: ActionFunctionArgs) {
  return groupAdminAction("department")(args);
}

export default function Departments() {
  return (
    <GroupAdmin
      one="department"
      many="departments"
      description="Results break down by department. Deactivating one keeps its history and people."
    />
  );
}
