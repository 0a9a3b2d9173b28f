import "server-only";
import { authorizeCentre, refuse, requestInfo, type Refusal } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { saveMark, type StoredMark } from "@/lib/data/marks/engine";
import { recordIdSchema } from "@/lib/validation/ids";
import { lockedStatus, sheetEntriesWhere, sheetOfCentre } from "./iamis-scope";

// Saving one centre mark from the IAMIS grid (docs/marks.md): the caller holds iamis, the
// sheet is their centre's and still open, the entry is one of its candidates. The engine
// applies the save only if the mark is still at the version the grid based it on, and retries
// of the same key answer as the first did. The sheet's row is read FOR SHARE inside the save's
// transaction, so a submit cannot slip between the check and the write.

export type SheetSaveOutcome =
  | { ok: true; version: number; savedAt: Date; replayed: boolean }
  | {
      ok: false;
      error: "conflict";
      reason: "marks.stale";
      /** The mark as it now is (null: none saved), and who saved it. */
      current: (StoredMark & { savedBy: string | null }) | null;
    }
  | Refusal;

/** Saves one centre mark on an open sheet. `input` is the grid's save: { key, baseVersion, value }. */
export async function saveSheetMark(sheetId: string, entryId: string, input: unknown): Promise<SheetSaveOutcome> {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const { caller, at } = a;
  const db = getPrisma();
  const sheet = await sheetOfCentre(db, caller.centreId, sheetId);
  if (!sheet) return refuse("notFound");
  const id = recordIdSchema.safeParse(entryId);
  if (!id.success) return refuse("notFound");
  const entry = await db.entry.findFirst({ where: { id: id.data, ...sheetEntriesWhere(sheet) }, select: { id: true } });
  if (!entry) return refuse("notFound");
  if (sheet.status !== "OPEN") return refuse("conflict", "iamisSheetLocked");

  const { ip } = await requestInfo();
  const outcome = await saveMark(
    { entryId: entry.id, componentId: sheet.componentId, source: "CENTRE", shape: sheet.shape },
    input,
    { userId: caller.userId, email: caller.email, centreId: caller.centreId, ip },
    at,
    async (tx) =>
      (await lockedStatus(tx, sheet.id, "share")) === "OPEN" ? null : refuse("conflict", "iamisSheetLocked"),
  );
  if (outcome.ok) return { ok: true, version: outcome.version, savedAt: outcome.savedAt, replayed: outcome.replayed };
  if (!("current" in outcome)) return outcome;
  const current = outcome.current;
  if (!current) return { ...outcome, current: null };
  const by = current.savedById
    ? await db.user.findUnique({ where: { id: current.savedById }, select: { name: true } })
    : null;
  return { ...outcome, current: { ...current, savedBy: by?.name ?? null } };
}
