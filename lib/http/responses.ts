import "server-only";
import type { ErrorCode, Refusal } from "@/lib/auth/authorize";
import { csvLine, type CsvCell } from "@/lib/csv";

// How route handlers answer (docs/decisions/011-authorization-kernel.md): one error body,
// `{"error": "<code>"}` with the kernel's codes, never a redirect; downloads private and never
// cached. The data layer returns results; only this module speaks HTTP.

export const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  invalid: 400,
  conflict: 409,
  limited: 429,
  unavailable: 503,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** The one error body: `{"error": code}` (plus a reason when the code has one). */
export function jsonError(code: ErrorCode, init: { reason?: string; headers?: Record<string, string> } = {}): Response {
  const body = init.reason ? { error: code, reason: init.reason } : { error: code };
  return Response.json(body, { status: STATUS[code], headers: { ...NO_STORE, ...init.headers } });
}

/** A refusal from the data layer, as HTTP. */
export function refusalResponse(refusal: Refusal): Response {
  return jsonError(refusal.error, { reason: refusal.reason });
}

/** A JSON body, private and never cached. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** A download's Content-Disposition, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A streamed body is sent in pieces of about this many characters, not a piece per line. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Streams CSV lines (already encoded with lib/csv.ts) as a private attachment. Lines are gathered
 * into pieces of about 64 KB: a piece per line would cost a stream round trip for each of a
 * large centre's thousands of rows (bench/results-day.ts measures the results file).
 */
export function csvResponse(lines: AsyncIterable<string> | Iterable<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in lines
      ? (lines as AsyncIterable<string>)[Symbol.asyncIterator]()
      : (lines as Iterable<string>)[Symbol.iterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let piece = "";
      while (piece.length < CHUNK_CHARS) {
        const next = await iterator.next();
        if (next.done) {
          if (piece) controller.enqueue(encoder.encode(piece));
          controller.close();
          return;
        }
        piece += next.value;
      }
      controller.enqueue(encoder.encode(piece));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { ...NO_STORE, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(filename) },
  });
}

/** CSV lines from a header and rows of objects keyed by it. */
export async function* csvLines<K extends string>(
  columns: readonly K[],
  rows: AsyncIterable<Record<K, CsvCell>> | Iterable<Record<K, CsvCell>>,
): AsyncGenerator<string> {
  yield csvLine(columns);
  for await (const row of rows) yield csvLine(columns.map((c) => row[c]));
}
