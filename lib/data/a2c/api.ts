import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { allow, LIMITS } from "@/lib/data/rate-limit";
import { centreEntryRows, ENTRY_COLUMNS } from "@/lib/data/entries/entries";
import { csvLine } from "@/lib/csv";
import { authenticateKey } from "./keys";
import { resultsFileHeader, resultsFileLine, resultsFileRows } from "@/lib/data/results/file";

// The A2C machine API (issue 6 §A2C): the key is the credential and the subject. Every call
// is rate-limited per key and audited. Results follow the exams officers' embargo: before the
// series' restricted release the answer is the same as for a series without results.

export type A2CKind = "entries" | "results";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", ...headers },
  });

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

export async function handleA2C(request: Request, kind: A2CKind, now: Date): Promise<Response> {
  const db = getPrisma();
  const url = new URL(request.url);
  const seriesCode = (url.searchParams.get("series") ?? "").slice(0, 40);
  const action = `a2c.${kind}`;
  const record = (
    centreId: string | null,
    keyId: string | null,
    outcome: string,
    result: "success" | "failure" | "denied",
    extra?: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>,
  ) =>
    db.$transaction(async (tx) => {
      if (extra) await extra(tx);
      await audit(tx, { action, outcome: result, centreId, details: { keyId, series: seriesCode, outcome }, at: now });
    });

  const caller = await authenticateKey(bearer(request));
  if (!caller) {
    // Key guessing from one address is slowed down, and stops filling the audit trail.
    const ip =
      (process.env.TRUST_PROXY === "true"
        ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim()
        : undefined) ||
      request.headers.get("x-real-ip") ||
      "local";
    const { limit, windowMs } = LIMITS.a2cUnauthorisedPerIp;
    if (!(await allow(db, `a2c-unauthorised:${ip}`, limit, windowMs, now))) {
      return json(
        429,
        { error: "rateLimited" },
        { "Retry-After": String(Math.ceil(windowMs / 1000)), "WWW-Authenticate": 'Bearer realm="a2c"' },
      );
    }
    await record(null, null, "unauthorised", "denied");
    return json(401, { error: "unauthorised" }, { "WWW-Authenticate": 'Bearer realm="a2c"' });
  }
  const limitKey = `a2c:${caller.keyId}`;
  if (!(await allow(db, limitKey, LIMITS.a2cPerKey.limit, LIMITS.a2cPerKey.windowMs, now))) {
    const window = await db.rateLimit.findUnique({ where: { key: limitKey } });
    const retry = Math.max(
      1,
      Math.ceil(((window?.resetAt.getTime() ?? now.getTime() + LIMITS.a2cPerKey.windowMs) - now.getTime()) / 1000),
    );
    await record(caller.centreId, caller.keyId, "rateLimited", "denied");
    return json(429, { error: "rateLimited" }, { "Retry-After": String(retry) });
  }
  const touch = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
    tx.a2CKey.update({ where: { id: caller.keyId }, data: { lastUsedAt: now } });
  if (!seriesCode) {
    await record(caller.centreId, caller.keyId, "badRequest", "failure", touch);
    return json(400, { error: "seriesRequired" });
  }
  const series = await db.series.findUnique({ where: { code: seriesCode } });
  if (!series) {
    await record(caller.centreId, caller.keyId, "unknownSeries", "failure", touch);
    return json(404, { error: "unknownSeries" });
  }
  const scope = { centreId: caller.centreId, seriesId: series.id };
  const embargoed = kind === "results" && now.getTime() < series.restrictedReleaseAt.getTime();
  await record(caller.centreId, caller.keyId, embargoed ? "embargoed" : "ok", "success", touch);

  // Results rows are exactly the results file's (lib/data/results/file.ts): same columns, same order.
  const csv = wantsCsv(request, url);
  const lines: AsyncGenerator<string> | null =
    !csv || embargoed ? null : kind === "entries" ? entryLines(scope) : resultLines(scope);
  const header = kind === "entries" ? csvLine(ENTRY_COLUMNS) : resultsFileHeader();

  if (csv) {
    const encoder = new TextEncoder();
    let headerSent = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(header));
          if (!lines) controller.close();
          return;
        }
        const next = await lines!.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines?.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${kind}-${series.code}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  const list: unknown[] = [];
  if (!embargoed) {
    if (kind === "entries") for await (const row of centreEntryRows(scope)) list.push(row);
    else for await (const row of resultsFileRows(scope)) list.push(row);
  }
  return json(200, { series: series.code, [kind]: list });
}

type Scope = { centreId: string; seriesId: string };

async function* entryLines(scope: Scope): AsyncGenerator<string> {
  for await (const row of centreEntryRows(scope)) yield csvLine(ENTRY_COLUMNS.map((c) => row[c]));
}

async function* resultLines(scope: Scope): AsyncGenerator<string> {
  for await (const row of resultsFileRows(scope)) yield resultsFileLine(row);
}
