import "server-only";
import { codeOrEmpty } from "@/lib/validation/codes";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { allow, LIMITS } from "@/lib/data/rate-limit";
import { refuse, requestInfo, type Refusal, type Result } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import { BENCH_A2C_LIMIT, benchA2cKeyIds } from "@/lib/bench";
import type { CsvCell } from "@/lib/csv";
import { RESULTS_FILE_COLUMNS } from "@/lib/results/files";
import { ENTRY_COLUMNS } from "@/lib/entries/rules";
import { entryRowsForKey } from "@/lib/data/entries/export";
import { resultsFileForKey } from "@/lib/data/results/file";
import { authenticateKey } from "./keys";

// The A2C machine API (docs/product-rules.md ("A2C")): the key is the credential and the
// subject, never a session. Every call is rate-limited per key and audited; calls without a
// live key are slowed down per client address. Results follow the key's release
// (lib/auth/release.ts, service "a2c": the series' restricted release): before then the answer
// is the same as for a series without results. HTTP (the bearer header, JSON or CSV) is the
// route handlers' (app/api/a2c/v1).

export type A2CKind = "entries" | "results";

/** A file's columns: the key of each row's field and its CSV header. */
export type A2CColumn = { key: string; header: string };

export type A2CExport = {
  series: string;
  columns: readonly A2CColumn[];
  rows: AsyncIterable<Record<string, CsvCell>>;
};

/** Too many calls: `retryAfter` seconds until the next is allowed. */
export type A2CLimited = Refusal & { error: "limited"; retryAfter: number };

const COLUMNS: Record<A2CKind, readonly A2CColumn[]> = {
  entries: ENTRY_COLUMNS.map((c) => ({ key: c, header: c })),
  results: RESULTS_FILE_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
};

/** A key's lastUsedAt is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>["$transaction"]>[0]>[0];

// public: authenticates an A2C key, not a session
/**
 * A centre's entries or results in a series for the bearer of an A2C key. Refusals:
 * unauthenticated (no, unknown or revoked key), limited (with the seconds to wait; reason
 * "rateLimited" when the client address is slowed down for wrong keys), invalid (no series),
 * notFound (no such series).
 */
export async function a2cExport(
  token: string | null | undefined,
  kind: A2CKind,
  seriesCode: string,
): Promise<Result<A2CExport> | A2CLimited> {
  const at = now();
  const db = getPrisma();
  // A value that is not a code's shape names no series (and never reaches the database or the audit row).
  const given = typeof seriesCode === "string" && seriesCode !== "";
  const code = codeOrEmpty(seriesCode);
  const action = `a2c.${kind === "entries" ? "entries" : "results"}`;
  const record = (
    centreId: string | null,
    keyId: string | null,
    outcome: string,
    result: "success" | "failure" | "denied",
    extra?: (tx: Tx) => Promise<unknown>,
  ) =>
    db.$transaction(async (tx) => {
      if (extra) await extra(tx);
      await audit(tx, { action, outcome: result, centreId, details: { keyId, series: code, outcome }, at });
    });

  const auth = await authenticateKey(token);
  if (!auth.ok) {
    // Key guessing from one address is slowed down, and stops filling the audit trail.
    const { ip } = await requestInfo();
    const { limit, windowMs } = LIMITS.a2cUnauthorisedPerIp;
    if (!(await allow(db, `a2c-unauthorised:${ip}`, limit, windowMs, at)))
      return { ok: false, error: "limited", reason: "rateLimited", retryAfter: Math.ceil(windowMs / 1000) };
    await record(null, null, "unauthorised", "denied");
    return auth;
  }
  const { key } = auth;
  const limitKey = `a2c:${key.keyId}`;
  // Counted for every key; only the benchmark's own key, on its own database, may make more calls.
  const limit = benchA2cKeyIds().includes(key.keyId) ? BENCH_A2C_LIMIT : LIMITS.a2cPerKey.limit;
  if (!(await allow(db, limitKey, limit, LIMITS.a2cPerKey.windowMs, at))) {
    const window = await db.rateLimit.findUnique({ where: { key: limitKey } });
    const resetAt = window?.resetAt.getTime() ?? at.getTime() + LIMITS.a2cPerKey.windowMs;
    await record(key.centreId, key.keyId, "rateLimited", "denied");
    return { ok: false, error: "limited", retryAfter: Math.max(1, Math.ceil((resetAt - at.getTime()) / 1000)) };
  }
  // The key's last use, to the minute: written only when a minute old, so a machine calling many
  // times a minute does not queue every call behind one row's lock.
  const touch = (tx: Tx) =>
    tx.a2CKey.updateMany({
      where: {
        id: key.keyId,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(at.getTime() - TOUCH_EVERY_MS) } }],
      },
      data: { lastUsedAt: at },
    });
  if (!given) {
    await record(key.centreId, key.keyId, "badRequest", "failure", touch);
    return refuse("invalid");
  }
  const series = code ? await db.series.findUnique({ where: { code }, select: { id: true, code: true } }) : null;
  if (!series) {
    await record(key.centreId, key.keyId, "unknownSeries", "failure", touch);
    return refuse("notFound");
  }
  if (kind === "entries") {
    // Entries are not embargoed.
    const entries = await entryRowsForKey(key, series.id);
    if (!entries.ok) return entries;
    await record(key.centreId, key.keyId, "ok", "success", touch);
    return { ok: true, series: series.code, columns: COLUMNS.entries, rows: entries.rows };
  }
  // The results file's rows (lib/data/results/file.ts): same columns, same order.
  const file = await resultsFileForKey(key, series.id);
  if (!file.ok) return file;
  await record(key.centreId, key.keyId, file.released ? "ok" : "embargoed", "success", touch);
  return { ok: true, series: series.code, columns: COLUMNS.results, rows: file.rows };
}
