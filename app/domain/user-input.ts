import { z } from "zod";
import { emailAddress, NAME_MAX, requiredText } from "./text";
import { USER_ROLES } from "./user-roles";

export const PASSWORD_MIN = 12;

export const passwordField = z
  .string({ error: "Password is required." })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
  .max(200, "Password must be at most 200 characters.");

export const newUserSchema = z
  .object({
    email: emailAddress,
    name: requiredText("Name", NAME_MAX),
    role: z.enum(USER_ROLES, { error: "Choose a role: HR admin, trainer or manager." }),
    departmentId: z.string().trim().optional().default(""),
    password: passwordField,
  })
  .refine((user) => user.role !== "MANAGER" || user.departmentId !== "", {
    path: ["departmentId"],
    message: "A manager needs a department.",
  });

export type NewUser = z.infer<typeof newUserSchema>;
