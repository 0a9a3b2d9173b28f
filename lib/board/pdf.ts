import { PDFDocument } from "pdf-lib";

// What board staff upload (docs/product-rules.md ("Board uploads")): PDF documents, judged by
// their content, never by their name or the type the browser claims: the file must begin with
// the PDF signature ("%PDF-") and parse as a PDF with at least one page. Size-limited, so one
// upload cannot fill the store or the server's memory. Pure: the data layer (lib/data/board/*)
// calls it after its own checks.

/** The largest upload accepted, in bytes (25 MB). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Why an upload is refused (message keys of the "errors" namespace). */
export type UploadProblem = "uploadFileRequired" | "uploadTooLarge" | "uploadNotPdf";

const SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Whether the bytes begin with the PDF signature. */
export function hasPdfSignature(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Whether the bytes are a PDF: the signature, and a document that parses with at least one page. */
export async function isPdf(bytes: Uint8Array): Promise<boolean> {
  if (!hasPdfSignature(bytes)) return false;
  try {
    const doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

/** A posted file field: a non-empty file within the limit whose content is a PDF, as bytes. */
export async function readPdfUpload(
  file: unknown,
  limit = MAX_UPLOAD_BYTES,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: UploadProblem }> {
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, problem: "uploadFileRequired" };
  if (file.size > limit) return { ok: false, problem: "uploadTooLarge" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > limit) return { ok: false, problem: "uploadTooLarge" };
  if (!(await isPdf(bytes))) return { ok: false, problem: "uploadNotPdf" };
  return { ok: true, bytes };
}
