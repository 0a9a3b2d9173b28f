import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { recordIdSchema } from "@/lib/validation/ids";

// The board's modified-paper deadline of each series (docs/access-arrangements.md, "Modified
// papers"): a UK date and time after which a centre's order is late; none set, nothing is late.
// Board staff only; every change is audited with the old and new value.

export type DeadlineRow = { id: string; code: string; nameEn: string; nameCy: string; deadline: Date | null };

/** Every series, latest results day first, with its modified-paper deadline. */
export async function modifiedPaperDeadlines(): Promise<Result<{ series: DeadlineRow[] }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const rows = await getPrisma().series.findMany({
    select: { id: true, code: true, nameEn: true, nameCy: true, modifiedPaperDeadline: true },
    orderBy: { resultsDay: "desc" },
  });
  return {
    ok: true,
    series: rows.map(({ modifiedPaperDeadline, ...s }) => ({ ...s, deadline: modifiedPaperDeadline })),
  };
}

/** Sets (or, with null, clears) a series' modified-paper deadline. Unchanged: nothing written. */
export async function setModifiedPaperDeadline(input: {
  seriesId: string;
  deadline: Date | null;
}): Promise<Result<{ changed: boolean }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (!input || typeof input !== "object") return refuse("invalid");
  const id = recordIdSchema.safeParse(input.seriesId);
  if (!id.success) return refuse("notFound");
  const deadline = input.deadline;
  if (deadline !== null && !(deadline instanceof Date && Number.isFinite(deadline.getTime())))
    return refuse("invalid", "seriesDateInvalid");
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result<{ changed: boolean }>> => {
    const [series] = await tx.$queryRaw<{ id: string; code: string; modifiedPaperDeadline: Date | null }[]>`
      SELECT "id", "code", "modifiedPaperDeadline" FROM "Series" WHERE "id" = ${id.data} FOR UPDATE`;
    if (!series) return refuse("notFound");
    const before = series.modifiedPaperDeadline?.getTime() ?? null;
    if (before === (deadline?.getTime() ?? null)) return { ok: true, changed: false };
    await tx.series.update({ where: { id: series.id }, data: { modifiedPaperDeadline: deadline } });
    await audit(tx, {
      action: "modified_papers.deadline_set",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      ip,
      details: {
        seriesId: series.id,
        code: series.code,
        from: series.modifiedPaperDeadline?.toISOString() ?? null,
        to: deadline?.toISOString() ?? null,
      },
      at,
    });
    return { ok: true, changed: true };
  });
}
