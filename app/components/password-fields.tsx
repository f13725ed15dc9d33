import { PASSWORD_MIN } from "~/domain/user-input";
import type { FieldErrors } from "~/utils/forms";
import { TextField } from "./field";

/** A new password, typed twice so a typo does not lock anyone out. */
export function NewPasswordFields({ errors }: { errors: FieldErrors }) {
  return (
    <>
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.newPassword}
      />
      <TextField
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="The same again, to catch a typo."
        error={errors.confirmPassword}
      />
    </>
  );
}
