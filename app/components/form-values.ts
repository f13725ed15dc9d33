/** What a form sent, to show it again: one value per field, or several for checkbox lists. */
export type FieldValues = Partial<Record<string, string | string[]>>;

/** A checkbox list's values, whether they came back as a list or comma-joined. */
export function listValue(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(",")).filter((id) => id !== "");
}

export function textValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
