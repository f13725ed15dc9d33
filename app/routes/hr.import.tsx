import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/field";
import { ColumnMapping } from "~/components/import/column-mapping";
import { ImportDone, ImportErrors } from "~/components/import/import-outcome";
import { PageHeader } from "~/components/page";
import { DirectoryTabs } from "~/components/tabs";
import { GoneError } from "~/domain/http-error";
import { checkMapping, IMPORT_COLUMNS, type ImportColumn } from "~/domain/import-columns";
import { readPeopleCsv } from "~/domain/people-import";
import { importPeople } from "~/models/people.server";
import { getImportColumns, setImportColumns } from "~/models/settings.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { readForm, withRefusals } from "~/utils/http.server";
import { dropUpload, keepUpload, keptUpload } from "~/utils/pending-uploads.server";
import { MAX_UPLOAD_LABEL, readUploadedText } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "Import people · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { maxSize: MAX_UPLOAD_LABEL };
}

/**
 * An upload imports at once when its columns carry Candor's names or the ones HR chose last
 * time; otherwise the file is kept for a moment and HR chooses which column is which.
 */
export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const actor = actorOf(user);
    if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
      const form = await readForm(request);
      const pending = String(form.get("pending") ?? "");
      const upload = keptUpload(user.id, pending);
      if (!upload)
        throw new GoneError("The file is no longer kept here (it is kept for half an hour). Choose it again.");
      const header = readPeopleCsv(upload.text).header;
      const chosen = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, String(form.get(c) ?? "")])) as Record<
        ImportColumn,
        string
      >;
      const checked = checkMapping(chosen, header?.headers ?? []);
      if (header && !checked.ok) {
        return data({ stage: "map" as const, pending, file: upload.name, header, chosen, errors: checked.errors }, 400);
      }
      const mapping = checked.ok ? checked.mapping : null;
      const outcome = await importPeople(actor, upload.text, upload.name, mapping);
      if (outcome.ok) {
        dropUpload(pending);
        if (mapping) await setImportColumns(actor, mapping);
      }
      return data({ stage: "done" as const, file: upload.name, ...outcome }, { status: outcome.ok ? 200 : 400 });
    }
    const upload = await readUploadedText(request, "file");
    if (!upload.ok) return data({ stage: "upload" as const, fileError: upload.error }, { status: 400 });
    const outcome = await importPeople(actor, upload.text, upload.name, await getImportColumns());
    if (!outcome.ok && "header" in outcome) {
      const pending = keepUpload(user.id, upload.name, upload.text);
      const { header } = outcome;
      return data({ stage: "map" as const, pending, file: upload.name, header, chosen: header.suggested, errors: {} });
    }
    return data({ stage: "done" as const, file: upload.name, ...outcome }, { status: outcome.ok ? 200 : 400 });
  });
}

export default function ImportPeople() {
  const { maxSize } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fileError = result?.stage === "upload" ? result.fileError : undefined;
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
          Each line is a person: an e-mail, a name, a department and a role. When the first line does not call its
          columns <code>email</code>, <code>name</code>, <code>department</code> and <code>role</code>, you choose which
          is which, once; other columns are ignored. Commas or semicolons, quoted fields and UTF-8 with or without a
          byte-order mark all work. New departments and roles are created; inactive ones take nobody new. People are
          matched by e-mail, so importing the same file again changes nothing. An import never deactivates anyone.
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
      {result?.stage === "map" ? (
        <ColumnMapping
          pending={result.pending}
          file={result.file}
          header={result.header}
          chosen={result.chosen}
          errors={result.errors}
        />
      ) : null}
      {result?.stage === "done" && !result.ok && "errors" in result ? <ImportErrors result={result} /> : null}
      {result?.stage === "done" && result.ok ? <ImportDone result={result} /> : null}
    </>
  );
}
