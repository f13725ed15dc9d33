import { z } from "zod";
import { emailAddress, NAME_MAX, requiredText } from "./text";
import { USER_ROLES } from "./user-roles";

export const PASSWORD_MIN = 12;

export const passwordField = z
  .string({ error: "Password is required." })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
  .max(200, "Password must be at most 200 characters.");

const profileFields = {
  name: requiredText("Name", NAME_MAX),
  role: z.enum(USER_ROLES, { error: "Choose a role: HR admin, trainer or manager." }),
  departmentId: z.string().trim().optional().default(""),
};

const managerNeedsDepartment = {
  check: (user: { role: string; departmentId: string }) => user.role !== "MANAGER" || user.departmentId !== "",
  issue: { path: ["departmentId"], message: "A manager needs a department." },
};

export const newUserSchema = z
  .object({ email: emailAddress, ...profileFields, password: passwordField })
  .refine(managerNeedsDepartment.check, managerNeedsDepartment.issue);

export type NewUser = z.infer<typeof newUserSchema>;

/** An admin's change to a login: its name, role and (for a manager) department. */
export const editUserSchema = z
  .object(profileFields)
  .refine(managerNeedsDepartment.check, managerNeedsDepartment.issue);

export type UserChanges = z.infer<typeof editUserSchema>;

const newPasswordFields = {
  newPassword: passwordField,
  confirmPassword: z.string({ error: "Type the new password again." }),
};

function samePasswordTwice(values: { newPassword: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  if (values.newPassword !== values.confirmPassword) {
    ctx.addIssue({
      code: "custom",
      path: ["confirmPassword"],
      message: "The two new passwords are not the same. Type it again.",
    });
  }
}

/** An admin setting a new password for a login (someone who forgot theirs, say). */
export const setPasswordSchema = z.object(newPasswordFields).superRefine(samePasswordTwice);

/** Anyone changing their own password: the current one first, so an unlocked screen is not enough. */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password."),
    ...newPasswordFields,
  })
  .superRefine((values, ctx) => {
    samePasswordTwice(values, ctx);
    if (values.newPassword === values.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a new password, not the current one." });
    }
  });
