import { Form, useNavigation } from "@remix-run/react";
import { SelectField } from "~/components/field";
import { IMPORT_COLUMN_LABELS, IMPORT_COLUMNS, type ImportColumn } from "~/domain/import-columns";
import type { HeaderProblem } from "~/domain/people-import";

/**
 * The file's columns do not carry Candor's names: HR says which is which, helped by the
 * suggestions and the file's first lines. The choice is remembered for the next import.
 */
export function ColumnMapping({
  pending,
  file,
  header,
  chosen,
  errors,
}: {
  pending: string;
  file: string;
  header: HeaderProblem;
  chosen: Partial<Record<ImportColumn, string>>;
  errors: Partial<Record<ImportColumn, string>>;
}) {
  const importing = useNavigation().state === "submitting";
  const options = header.headers.map((h) => ({ value: h, label: h }));
  return (
    <section className="card" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Which column is which in {file}?</h2>
      <p role="alert">{header.message}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="map" />
        <input type="hidden" name="pending" value={pending} />
        <div className="form-grid">
          {IMPORT_COLUMNS.map((column) => (
            <SelectField
              key={column}
              label={IMPORT_COLUMN_LABELS[column]}
              name={column}
              defaultValue={chosen[column] ?? ""}
              placeholder="Choose a column"
              options={options}
              error={errors[column]}
            />
          ))}
        </div>
        <p className="muted small">
          Candor remembers this choice for the next import of a file with these columns, here and with{" "}
          <code>npm run import-people</code>.
        </p>
        <button type="submit" disabled={importing}>
          {importing ? "Importing…" : "Import with these columns"}
        </button>
      </Form>
      {header.preview.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>The first lines of {file}</caption>
            <thead>
              <tr>
                {header.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {header.preview.map((cells, line) => (
                <tr key={line}>
                  {cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
