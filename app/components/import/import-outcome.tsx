import { Link } from "@remix-run/react";
import { type LineError, quotedNames } from "~/domain/people-import";
import { HR_LOCALE, plural } from "~/domain/plural";
import type { ImportSummary } from "~/models/people.server";

/** The lines that stopped an import, each with what is wrong with it. */
export function ImportErrors({ result }: { result: { file: string; errors: LineError[]; written?: number } }) {
  return (
    <section className="card" aria-labelledby="import-errors">
      <h2 id="import-errors">
        {result.written === undefined
          ? "Nothing was imported"
          : `The import stopped after ${result.written} lines: the directory changed meanwhile`}
      </h2>
      <p role="alert">
        {plural(HR_LOCALE, result.errors.length, { one: "One line needs", other: "# lines need" })} fixing in{" "}
        {result.file}. Fix {plural(HR_LOCALE, result.errors.length, { one: "it", other: "them" })} and import the file
        again.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((error) => (
              <tr key={`${error.line}-${error.message}`}>
                <td className="num">{error.line}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What an import did. */
export function ImportDone({ result }: { result: { file: string; summary: ImportSummary } }) {
  return (
    <section className="card notice" role="status" aria-labelledby="import-done">
      <h2 id="import-done">Imported {result.file}</h2>
      <p>
        {result.summary.created} added, {result.summary.updated} updated, {result.summary.unchanged} unchanged.
      </p>
      {result.summary.newDepartments.length > 0 ? (
        <p>New departments: {quotedNames(result.summary.newDepartments)}.</p>
      ) : null}
      {result.summary.newRoles.length > 0 ? <p>New roles: {quotedNames(result.summary.newRoles)}.</p> : null}
      <Link to="/hr/people">See the people</Link>
    </section>
  );
}
