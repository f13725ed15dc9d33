import { MaxPartSizeExceededError } from "@remix-run/node";
import { decodeUtf8 } from "~/domain/decode-text";
import { FormLimitError, parseMultipartForm } from "./form-limits.server";
import { formRefusal } from "./http.server";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

export type UploadedText = { ok: true; name: string; text: string } | { ok: false; error: string };

/**
 * The text of an uploaded file field, or what is wrong with the upload in plain words (no file,
 * an empty file, too large, not UTF-8), for the page to show next to its file field.
 */
export async function readUploadedText(request: Request, field: string): Promise<UploadedText> {
  let formData: FormData;
  try {
    formData = await parseMultipartForm(request, MAX_UPLOAD_BYTES);
  } catch (error) {
    // Too many parts, or a text part too long: no browser sends that from the import page.
    if (error instanceof FormLimitError || (error instanceof MaxPartSizeExceededError && error.field !== field)) {
      throw formRefusal(error);
    }
    if (error instanceof MaxPartSizeExceededError) {
      return {
        ok: false,
        error: `The file is larger than ${MAX_UPLOAD_LABEL}. Split it into smaller files and import each.`,
      };
    }
    return { ok: false, error: "The upload could not be read. Please choose the file again." };
  }
  const file = formData.get(field);
  // A browser sends a file part without a name when none was chosen.
  const name = file instanceof Blob && "name" in file && typeof file.name === "string" ? file.name : "";
  if (!(file instanceof Blob) || (name === "" && file.size === 0)) {
    return { ok: false, error: "Choose a CSV file to import." };
  }
  const text = decodeUtf8(await file.arrayBuffer());
  if (text === null) {
    return {
      ok: false,
      error: 'The file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" and import it again.',
    };
  }
  if (text.trim() === "") return { ok: false, error: "The file is empty." };
  return { ok: true, name: name || "upload.csv", text };
}
