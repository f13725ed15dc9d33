import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { decodeUtf8 } from "~/domain/decode-text";
import { badRequest } from "./http.server";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * The text of an uploaded file field, or a 400 in plain words when it is missing, too large
 * or not UTF-8.
 */
export async function readUploadedText(request: Request, field: string): Promise<{ name: string; text: string }> {
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw badRequest(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    }
    throw badRequest("The upload could not be read. Please choose the file again.");
  }
  const file = formData.get(field);
  if (!(file instanceof Blob) || file.size === 0) {
    throw badRequest("Choose a CSV file to import.");
  }
  const text = decodeUtf8(await file.arrayBuffer());
  if (text === null) {
    throw badRequest('The file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8".');
  }
  return { name: "name" in file && typeof file.name === "string" ? file.name : "upload.csv", text };
}
