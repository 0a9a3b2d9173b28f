import { a2cExport, type A2CKind } from "@/lib/data/a2c/api";
import { csvLine } from "@/lib/csv";
import { csvResponse, jsonError, jsonResponse, refusalResponse } from "@/lib/http/responses";

// The HTTP side of the A2C API (the data is lib/data/a2c/api.ts's): the key from the bearer
// header, JSON or CSV, and the challenge and Retry-After headers of a refusal.

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="a2c"' };

function bearer(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

function wantsCsv(request: Request, url: URL): boolean {
  const format = url.searchParams.get("format");
  if (format) return format.toLowerCase() === "csv";
  return /\btext\/csv\b/i.test(request.headers.get("accept") ?? "");
}

export async function a2cResponse(request: Request, kind: A2CKind): Promise<Response> {
  const url = new URL(request.url);
  const answer = await a2cExport(bearer(request), kind, url.searchParams.get("series") ?? "");
  if (!answer.ok) {
    if (answer.error === "unauthenticated") return jsonError("unauthenticated", { headers: CHALLENGE });
    if ("retryAfter" in answer)
      return jsonError("limited", {
        reason: answer.reason,
        headers: {
          "Retry-After": String(answer.retryAfter),
          // Slowed down for wrong keys: the key is what to fix.
          ...(answer.reason === "rateLimited" ? CHALLENGE : {}),
        },
      });
    return refusalResponse(answer);
  }
  const { series, columns, rows } = answer;
  if (wantsCsv(request, url)) {
    const lines = async function* () {
      yield csvLine(columns.map((c) => c.header));
      for await (const row of rows) yield csvLine(columns.map((c) => row[c.key]));
    };
    return csvResponse(lines(), `${kind}-${series}.csv`);
  }
  const list: unknown[] = [];
  for await (const row of rows) list.push(row);
  return jsonResponse({ series, [kind]: list });
}
