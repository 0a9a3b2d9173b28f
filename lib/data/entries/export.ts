import "server-only";
import { codeOrEmpty } from "@/lib/validation/codes";
import { refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { ENTRY_COLUMNS, entriesFileName, type EntryFileRow } from "@/lib/entries/rules";
import { authorizeEntries } from "./caller";

// The entries file of one centre in one series (docs/product-rules.md ("Entries")): the CSV
// download for anyone with entries access, and the A2C API for a centre's key
// (docs/product-rules.md ("A2C")). The centre always comes from the caller or the key.

/** The file rows, fetched in batches so a large centre's file streams. */
async function* entryRows(
  scope: { centreId: string; seriesId: string },
  batchSize = 2000,
): AsyncGenerator<EntryFileRow> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await getPrisma().entry.findMany({
      where: { centreId: scope.centreId, seriesId: scope.seriesId },
      include: { candidate: true, specification: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const e of rows) {
      yield {
        candidate_number: e.candidate.candidateNumber,
        uci: e.candidate.uci,
        surname: e.candidate.lastName,
        forenames: e.candidate.firstName,
        date_of_birth: e.candidate.dateOfBirth.toISOString().slice(0, 10),
        specification_code: e.specification.code,
        specification_title: e.specification.titleEn,
        status: e.status,
        late: e.late ? "Y" : "N",
        entered_at: e.createdAt.toISOString(),
      };
    }
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1].id;
  }
}

export type EntriesFile = {
  series: { id: string; code: string };
  filename: string;
  columns: typeof ENTRY_COLUMNS;
  rows: AsyncGenerator<EntryFileRow>;
};

/** The caller's centre's entries in a series, as file rows (any entries access, view included). */
export async function exportEntries(seriesCode: string): Promise<Result<EntriesFile>> {
  const a = await authorizeEntries();
  if (!a.ok) return a;
  const code = codeOrEmpty(seriesCode);
  if (!code) return refuse("notFound");
  const series = await getPrisma().series.findUnique({
    where: { code },
    select: { id: true, code: true },
  });
  if (!series) return refuse("notFound");
  return {
    ok: true,
    series,
    filename: entriesFileName(series.code),
    columns: ENTRY_COLUMNS,
    rows: entryRows({ centreId: a.caller.centreId, seriesId: series.id }),
  };
}

/** An A2C key that lib/data/a2c/keys.ts has authenticated: it stands for its centre. */
export type A2CKeyCaller = { readonly keyId: string; readonly centreId: string };

/**
 * A centre's entries in a series for its A2C key. The key is checked again here (it exists, is
 * not revoked and belongs to the centre), so these rows never reach anything but the centre's
 * own live key.
 */
export async function entryRowsForKey(
  key: A2CKeyCaller,
  seriesId: string,
): Promise<Result<{ rows: AsyncGenerator<EntryFileRow> }>> {
  if (!key || typeof key.keyId !== "string" || typeof key.centreId !== "string") return refuse("unauthenticated");
  const live = await getPrisma().a2CKey.findFirst({
    where: { id: key.keyId, centreId: key.centreId, revokedAt: null },
    select: { centreId: true },
  });
  if (!live) return refuse("unauthenticated");
  if (typeof seriesId !== "string" || !seriesId) return refuse("notFound");
  return { ok: true, rows: entryRows({ centreId: live.centreId, seriesId }) };
}
