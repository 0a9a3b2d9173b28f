import "server-only";
import { refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { readStoredFile } from "@/lib/files/store";
import type { OpenedFile } from "@/lib/data/resources/resources";
import { authorizeExaminer, isRecordId } from "./emi-scope";

// A component's conference agenda (a board upload of kind AGENDA for a series and component),
// downloaded from examiner mark input (GET /api/files/agendas/[id]): only by an examiner
// allocated to that component in that series. Anyone else's ask is "not found" (or "forbidden"
// for an account that is not an examiner's).

export async function openAgenda(id: string): Promise<Result<OpenedFile>> {
  const auth = await authorizeExaminer();
  if (!auth.ok) return auth;
  if (!isRecordId(id)) return refuse("notFound");
  const db = getPrisma();
  const agenda = await db.resource.findFirst({
    where: { id, kind: "AGENDA", OR: [{ availableFrom: null }, { availableFrom: { lte: auth.at } }] },
    select: { fileKey: true, seriesId: true, componentId: true },
  });
  if (!agenda?.seriesId || !agenda.componentId) return refuse("notFound");
  const allocated = await db.allocation.count({
    where: {
      kind: "EXAMINER",
      appointeeId: auth.caller.userId,
      seriesId: agenda.seriesId,
      componentId: agenda.componentId,
    },
  });
  if (!allocated) return refuse("notFound");
  const file = await readStoredFile(agenda.fileKey);
  if (!file) return refuse("notFound");
  return { ok: true, file, fileKey: agenda.fileKey };
}
