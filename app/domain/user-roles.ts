export const USER_ROLES = ["ADMIN", "TRAINER", "MANAGER"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: "HR admin",
  TRAINER: "Trainer",
  MANAGER: "Department manager",
};

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}
