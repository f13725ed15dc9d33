import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/field";
import { PageHeader } from "~/components/page";
import { DirectoryTabs } from "~/components/tabs";
import { quotedNames } from "~/domain/people-import";
import { HR_LOCALE, plural } from "~/domain/plural";
import { importPeople } from "~/models/people.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { MAX_UPLOAD_LABEL, readUploadedText } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "Import people · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { maxSize: MAX_UPLOAD_LABEL };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const upload = await readUploadedText(request, "file");
  if (!upload.ok) return data({ fileError: upload.error }, { status: 400 });
  const outcome = await importPeople(actorOf(user), upload.text, upload.name);
  return data({ file: upload.name, ...outcome }, { status: outcome.ok ? 200 : 400 });
}

export default function ImportPeople() {
  const { maxSize } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fileError = actionData && "fileError" in actionData ? actionData.fileError : undefined;
  const result = actionData && "file" in actionData ? actionData : undefined;
  const importing = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Directory"
        description="Import people from your HR system's CSV export. Every line must be valid, or nothing is imported."
      />
      <DirectoryTabs />
      <Form method="post" encType="multipart/form-data" className="card">
        <h2>Import a CSV file</h2>
        <p className="muted">
          The first line names the columns <code>email</code>, <code>name</code>, <code>department</code> and{" "}
          <code>role</code>, in any order and any case; other columns are ignored. Commas or semicolons, quoted fields
          and UTF-8 with or without a byte-order mark all work. New departments and roles are created; inactive ones
          take nobody new. People are matched by e-mail, so importing the same file again changes nothing. An import
          never deactivates anyone.
        </p>
        <TextField
          label="CSV file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          required
          hint={`Up to ${maxSize}.`}
          error={fileError}
        />
        <button type="submit" disabled={importing}>
          {importing ? "Importing…" : "Import"}
        </button>
        {importing ? (
          <p role="status" className="muted">
            Checking every line…
          </p>
        ) : null}
      </Form>
      {result && !result.ok ? (
        <section className="card" aria-labelledby="import-errors">
          <h2 id="import-errors">
            {result.written === undefined
              ? "Nothing was imported"
              : `The import stopped after ${result.written} lines: the directory changed meanwhile`}
          </h2>
          <p role="alert">
            {plural(HR_LOCALE, result.errors.length, { one: "One line needs", other: "# lines need" })} fixing in{" "}
            {result.file}. Fix {plural(HR_LOCALE, result.errors.length, { one: "it", other: "them" })} and import the
            file again.
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
      ) : null}
      {result?.ok ? (
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
      ) : null}
    </>
  );
}
