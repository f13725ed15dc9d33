import { z } from "zod";
import { emailAddress, NAME_MAX, requiredText } from "./text";

export const personSchema = z.object({
  email: emailAddress,
  name: requiredText("Name", NAME_MAX),
  departmentId: z.string({ error: "Choose a department." }).min(1, "Choose a department."),
  roleId: z.string({ error: "Choose a role." }).min(1, "Choose a role."),
});

export type PersonInput = z.infer<typeof personSchema>;
