import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** A form's text fields, with repeated names kept as arrays. Files are left out. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/**
 * Parses form data with a zod schema and returns either the data or one message per field,
 * with what the user typed, so the form can be shown again next to its errors.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.infer<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= issue.message;
  }
  const echoed: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!/password/i.test(key)) echoed[key] = Array.isArray(value) ? value.join(",") : value;
  }
  return { ok: false, errors, values: echoed };
}
