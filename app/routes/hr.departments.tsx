import type { MetaFunction } from "@remix-run/node";
import { GroupAdmin } from "~/components/group-admin";
import { groupAdminAction, groupAdminLoader } from "~/utils/group-admin.server";

export const meta: MetaFunction = () => [{ title: "Departments · Candor" }];

export const loader = groupAdminLoader("department");
export const action = groupAdminAction("department");

export default function Departments() {
  return (
    <GroupAdmin
      one="department"
      many="departments"
      description="Results break down by department. Deactivating one keeps its history and people."
    />
  );
}
