import type { Audience } from "./audience";
import type { UserRole } from "./user-roles";

/**
 * Who may see a round's page. Admins see every round. A department manager sees a round whose
 * audience includes their department: it names the department, or someone from it was invited
 * (an audience of everyone, of chosen roles, or of chosen people). Trainers see none here.
 */
export function maySeeRound(
  user: { role: UserRole; departmentId: string | null },
  round: { audience: Audience; invitedDepartmentIds: readonly string[] },
): boolean {
  if (user.role === "ADMIN") return true;
  if (user.role !== "MANAGER" || user.departmentId === null) return false;
  return (
    round.audience.departmentIds.includes(user.departmentId) || round.invitedDepartmentIds.includes(user.departmentId)
  );
}
