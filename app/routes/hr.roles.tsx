import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GroupAdmin } from "~/components/group-admin";
import { groupAdminAction, groupAdminLoader } from "~/pages/group-admin.server";

export const meta: MetaFunction = () => [{ title: "Roles · Candor" }];

// Declared as functions (not as the helpers' return values) so the browser build leaves them out.
export function loader(args: LoaderFunctionArgs) {
  return groupAdminLoader("role")(args);
}

export function action(args: ActionFunctionArgs) {
  return groupAdminAction("role")(args);
}

export default function Roles() {
  return (
    <GroupAdmin
      one="role"
      many="roles"
      description="Job roles, such as Engineer or Sales representative. Results break down by role too."
    />
  );
}
