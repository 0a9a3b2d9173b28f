// File-store keys (docs/decisions/007-file-store.md). A key is a relative, "/"-separated path
// such as "resources/9521/2026/mark-scheme-en.pdf". Keys come from the database, never from the
// request, but they are still checked before any file is opened, so a bad row cannot read
// outside the store's root ("..", absolute paths, back-slashes, NUL, empty segments).

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_KEY_LENGTH = 512;

export class InvalidFileKeyError extends Error {
  constructor(key: string) {
    super(`Invalid file key: ${JSON.stringify(key.slice(0, 80))}`);
    this.name = "InvalidFileKeyError";
  }
}

/** Whether `key` is a safe store key: relative, no "." or ".." segments, only [A-Za-z0-9._-]. */
export function isValidFileKey(key: unknown): key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  // Every segment must start with a letter or digit, so "", ".", ".." and ".hidden" all fail,
  // and "/" at the start (an absolute path) gives an empty first segment.
  return key.split("/").every((segment) => SEGMENT.test(segment));
}

/** The key's segments; throws InvalidFileKeyError for an unsafe key. */
export function fileKeySegments(key: string): string[] {
  if (!isValidFileKey(key)) throw new InvalidFileKeyError(String(key));
  return key.split("/");
}

const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  zip: "application/zip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/** The Content-Type for a key, by its extension (octet-stream when unknown). */
export function contentTypeFor(key: string): string {
  const ext = key.includes(".") ? key.slice(key.lastIndexOf(".") + 1).toLowerCase() : "";
  return TYPES[ext] ?? "application/octet-stream";
}

/**
 * A download name for a key: the segments after the first joined with "-", so
 * "resources/9521/2026/mark-scheme-en.pdf" downloads as "9521-2026-mark-scheme-en.pdf".
 */
export function downloadNameFor(key: string): string {
  const segments = fileKeySegments(key);
  return (segments.length > 1 ? segments.slice(1) : segments).join("-");
}

/** A Content-Disposition header value for an attachment (the name is already ASCII-safe). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
