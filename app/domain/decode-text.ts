/**
 * Decodes an uploaded file as UTF-8 (a byte-order mark is dropped). Returns null for bytes that
 * are not UTF-8, such as a spreadsheet saved in a legacy code page.
 */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
