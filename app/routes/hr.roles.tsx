import type { MetaFunction } from "@remix-run/node";
import { GroupAdmin } from "~/components/group-admin";
import { groupAdminAction, groupAdminLoader } from "~/utils/group-admin.server";

export const meta: MetaFunction = () => [{ title: "Roles · Candor" }];

export const loader = groupAdminLoader("role");
export const action = groupAdminAction("role");

export default function Roles() {
  return (
    <GroupAdmin
      one="role"
      many="roles"
      description="Job roles, such as Engineer or Sales representative. Results break down by role too."
    />
  );
}
