import "server-only";
import { refuse, type Refusal } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MarkSource } from "@/lib/generated/prisma/enums";
import { itemsFromJson, markSaveSchema, markValueSchema, type MarkShape, type MarkValue } from "@/lib/marks/rules";

// The one mark engine (docs/marks.md): IAMIS, moderation and examiner mark input all save
// through saveMark. A save names the version it was based on and carries a key the browser
// made for it; the engine applies it only if the mark is still at that version (otherwise
// "conflict", with the mark as it now is, for the person to choose), records the key so a
// retry of the same save answers the same and never applies twice, and audits old and new
// values in the same transaction. Who may save which mark is decided by the caller's domain
// module before it calls here; `guard` re-checks its state (a sheet still open, a mark not yet
// submitted) inside the transaction.

type Tx = Prisma.TransactionClient;

/** A mark as the grid shows it. */
export type StoredMark = {
  value: MarkValue;
  version: number;
  savedAt: Date;
  submittedAt: Date | null;
  /** Who saved this version (a user id), when the row says. */
  savedById?: string;
};

export type SaveTarget = { entryId: string; componentId: string; source: MarkSource; shape: MarkShape };
export type SaveActor = { userId: string; email: string; centreId: string | null; ip: string };

export type SaveOutcome =
  | { ok: true; version: number; value: MarkValue; savedAt: Date; replayed: boolean }
  | { ok: false; error: "conflict"; reason: "marks.stale"; current: StoredMark | null }
  | Refusal;

type MarkRow = {
  id: string;
  total: number | null;
  code: string | null;
  items: unknown;
  version: number;
  updatedAt: Date;
  submittedAt: Date | null;
  updatedById?: string;
};

// internal: reads a row the caller's domain module has already authorized
export function storedMark(row: MarkRow): StoredMark {
  return {
    value: { code: (row.code as MarkValue["code"]) ?? null, total: row.total, items: itemsFromJson(row.items) },
    version: row.version,
    savedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    ...(row.updatedById ? { savedById: row.updatedById } : {}),
  };
}

// internal: the caller's domain module has authorized the caller for these entries
/** The marks of these entries for a component from one source, by entry id. */
export async function readMarks(
  db: Tx | ReturnType<typeof getPrisma>,
  componentId: string,
  source: MarkSource,
  entryIds: readonly string[],
): Promise<Map<string, StoredMark>> {
  if (!entryIds.length) return new Map();
  const rows = await db.mark.findMany({ where: { componentId, source, entryId: { in: [...entryIds] } } });
  return new Map(rows.map((r) => [r.entryId, storedMark(r)]));
}

const same = (a: MarkValue, b: MarkValue) => JSON.stringify(a) === JSON.stringify(b);

// internal: the caller's domain module has authorized the caller for this entry and passes its guard
/**
 * Saves one mark. `input` is what the browser sent ({ key, baseVersion, value }), checked here
 * against the component's shape. Nothing is written unless the whole save is applied.
 */
export async function saveMark(
  target: SaveTarget,
  input: unknown,
  actor: SaveActor,
  at: Date,
  guard?: (tx: Tx) => Promise<Refusal | null>,
): Promise<SaveOutcome> {
  const request = markSaveSchema.safeParse(input);
  if (!request.success) return refuse("invalid", "marks.invalid");
  const checked = markValueSchema(target.shape).safeParse(request.data.value);
  if (!checked.success) return refuse("invalid", checked.error.issues[0]?.message ?? "marks.invalid");
  const value = checked.data as MarkValue;
  const { key, baseVersion } = request.data;
  const db = getPrisma();

  const replay = async (from: Tx | typeof db = db): Promise<SaveOutcome | null> => {
    const done = await from.markSave.findUnique({ where: { key } });
    if (!done) return null;
    if (done.userId !== actor.userId) return refuse("invalid", "marks.invalid");
    const row = await from.mark.findUnique({ where: { id: done.markId } });
    if (!row) return refuse("notFound");
    // A key names one save of one mark: the same key for another mark is not a retry.
    if (row.entryId !== target.entryId || row.componentId !== target.componentId || row.source !== target.source)
      return refuse("invalid", "marks.invalid");
    // What this save did, even if later saves have moved the mark on since.
    return { ok: true, version: done.version, value, savedAt: done.createdAt, replayed: true };
  };

  const first = await replay();
  if (first) return first;

  const where = {
    entryId_componentId_source: { entryId: target.entryId, componentId: target.componentId, source: target.source },
  };
  const conflict = async (tx: Tx): Promise<SaveOutcome> => {
    // The same save retried while the first was still running has met the first's change:
    // once the first has committed, answer as it did.
    const again = await replay(tx);
    if (again) return again;
    const row = await tx.mark.findUnique({ where });
    return { ok: false, error: "conflict", reason: "marks.stale", current: row ? storedMark(row) : null };
  };

  try {
    return await db.$transaction(async (tx): Promise<SaveOutcome> => {
      const refusal = guard ? await guard(tx) : null;
      if (refusal) return refusal;
      const current = await tx.mark.findUnique({ where });
      if ((current?.version ?? 0) !== baseVersion) return conflict(tx);
      const old = current ? storedMark(current).value : null;
      if (current && old && same(old, value)) {
        return { ok: true, version: current.version, value, savedAt: current.updatedAt, replayed: false };
      }
      const data = {
        total: value.total,
        code: value.code,
        items: value.items === null ? Prisma.DbNull : (value.items as Prisma.InputJsonValue),
        updatedAt: at,
        updatedById: actor.userId,
      };
      let markId: string;
      let version: number;
      if (!current) {
        const created = await tx.mark.create({
          data: {
            ...data,
            entryId: target.entryId,
            componentId: target.componentId,
            source: target.source,
            version: 1,
          },
        });
        markId = created.id;
        version = 1;
      } else {
        const moved = await tx.mark.updateMany({
          where: { id: current.id, version: baseVersion },
          data: { ...data, version: { increment: 1 } },
        });
        if (moved.count === 0) return conflict(tx);
        markId = current.id;
        version = baseVersion + 1;
      }
      await tx.markSave.create({ data: { key, userId: actor.userId, markId, version, createdAt: at } });
      await audit(tx, {
        action: "marks.save",
        outcome: "success",
        actorId: actor.userId,
        actorEmail: actor.email,
        centreId: actor.centreId,
        ip: actor.ip,
        at,
        details: {
          entryId: target.entryId,
          componentId: target.componentId,
          source: target.source,
          version,
          old: old as Prisma.InputJsonValue | null,
          new: value as unknown as Prisma.InputJsonValue,
        } as Prisma.InputJsonValue,
      });
      return { ok: true, version, value, savedAt: at, replayed: false };
    });
  } catch (error) {
    // Two saves raced: the same key twice (answer as the first did), or two first saves of
    // the same mark (the second is stale).
    if (!isUniqueViolation(error)) throw error;
    const again = await replay();
    if (again) return again;
    return conflict(db as unknown as Tx);
  }
}
