import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import { readPdfUpload } from "@/lib/board/pdf";
import { scriptKey } from "@/lib/board/uploads";
import { dropStoredFile, newFileVersion, putUploadedFile } from "./files";

// Copies of scripts (docs/product-rules.md ("Post-results services")): for an open
// copy-of-script request, board staff upload the marked script of each component result it
// asks for — one PDF per component result (a Script row), replaced by a second upload. The
// centre then sees it under View scripts (lib/data/post-results/scripts.ts), which asks for the
// scripts permission, the candidate's consent and the release time. Board staff only; audited.

/**
 * Uploads (or replaces) the script of one component result of an open copy-of-script request.
 * The component result must be the entry's, and the one the request names if it names one.
 */
export async function uploadReviewScript(
  requestId: string,
  componentResultId: string,
  file: unknown,
): Promise<Result<{ scriptId: string; replaced: boolean }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  for (const id of [requestId, componentResultId])
    if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  const db = getPrisma();
  const request = await db.reviewRequest.findUnique({
    where: { id: requestId },
    select: {
      kind: true,
      status: true,
      componentId: true,
      entryId: true,
      centre: { select: { id: true, number: true } },
      entry: {
        select: {
          candidateId: true,
          candidate: { select: { candidateNumber: true } },
          series: { select: { code: true } },
        },
      },
    },
  });
  if (!request) return refuse("notFound");
  const target = await db.componentResult.findUnique({
    where: { id: componentResultId },
    select: {
      id: true,
      componentId: true,
      component: { select: { code: true } },
      result: { select: { entryId: true } },
    },
  });
  if (!target || target.result.entryId !== request.entryId) return refuse("notFound");
  if (request.kind !== "COPY_OF_SCRIPT") return refuse("conflict", "reviewNotCopyOfScript");
  if (request.status === "completed") return refuse("conflict", "reviewStatusMoved");
  if (request.componentId && request.componentId !== target.componentId)
    return refuse("invalid", "reviewComponentMismatch");

  const upload = await readPdfUpload(file);
  if (!upload.ok) return refuse("invalid", upload.problem);
  const fileKey = scriptKey(
    {
      series: request.entry.series.code,
      centre: request.centre.number,
      candidate: request.entry.candidate.candidateNumber,
      component: target.component.code,
    },
    newFileVersion(),
  );
  if (!(await putUploadedFile(fileKey, upload.bytes))) return refuse("unavailable");
  const { ip } = await requestInfo();
  try {
    const saved = await db.$transaction(async (tx) => {
      const old = await tx.script.findUnique({
        where: { componentResultId: target.id },
        select: { id: true, fileKey: true },
      });
      const script = old
        ? await tx.script.update({ where: { id: old.id }, data: { fileKey, createdAt: at } })
        : await tx.script.create({
            data: {
              centreId: request.centre.id,
              candidateId: request.entry.candidateId,
              entryId: request.entryId,
              componentResultId: target.id,
              componentId: target.componentId,
              fileKey,
              createdAt: at,
            },
          });
      await audit(tx, {
        action: old ? "script.replaced" : "script.uploaded",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: request.centre.id,
        ip,
        details: {
          scriptId: script.id,
          requestId,
          component: target.component.code,
          candidateNumber: request.entry.candidate.candidateNumber,
          series: request.entry.series.code,
          fileKey,
          ...(old ? { oldFileKey: old.fileKey } : {}),
          bytes: upload.bytes.length,
        },
        at,
      });
      return { id: script.id, oldKey: old?.fileKey ?? null };
    });
    if (saved.oldKey) await dropStoredFile(saved.oldKey);
    return { ok: true, scriptId: saved.id, replaced: saved.oldKey !== null };
  } catch (error) {
    await dropStoredFile(fileKey);
    // Two first uploads for one component result at once: the second meets the unique index.
    if (isUniqueViolation(error)) return refuse("conflict", "uploadChangedMeanwhile");
    throw error;
  }
}
