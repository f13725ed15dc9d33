import type { FieldValues } from "./form-values";

/** The values of a form's first step, carried through its review step as hidden fields. */
export function HiddenValues({ values }: { values: FieldValues }) {
  return (
    <>
      {Object.entries(values).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value ?? ""]).map((v, index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={v} />
        )),
      )}
    </>
  );
}
