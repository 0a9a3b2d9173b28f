import "server-only";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { audit } from "@/lib/data/audit";
import { readPdfUpload } from "@/lib/board/pdf";
import { questionPaperKey } from "@/lib/board/uploads";
import { codeOrEmpty } from "@/lib/validation/codes";
import { dropStoredFile, newFileVersion, putUploadedFile } from "./files";

// Board staff's question papers (docs/product-rules.md ("Board uploads"), ("Resources and
// question papers")): one paper per component and series, with the instant it becomes
// available. Centres' EO/Admins download it from that instant until the end of that London day
// (lib/data/resources/question-papers.ts, which audits every download). Board staff only;
// uploading, changing the time, replacing the file and removing are each audited.

export type BoardQuestionPaper = {
  id: string;
  availableAt: Date;
  component: { code: string; titleEn: string; titleCy: string; examAt: Date | null };
  specification: { code: string; titleEn: string; titleCy: string };
};

/** The series (newest first) and the papers of the one asked for by code (else the newest), by availability. */
export async function listQuestionPapers(seriesCode = ""): Promise<
  Result<{
    series: { code: string; nameEn: string; nameCy: string }[];
    selected: { code: string; nameEn: string; nameCy: string } | null;
    papers: BoardQuestionPaper[];
  }>
> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const series = await db.series.findMany({
    select: { id: true, code: true, nameEn: true, nameCy: true },
    orderBy: { resultsDay: "desc" },
  });
  const code = codeOrEmpty(seriesCode);
  const selected = series.find((s) => s.code === code) ?? series[0] ?? null;
  const papers = selected
    ? await db.questionPaper.findMany({
        where: { seriesId: selected.id },
        orderBy: [{ availableAt: "asc" }, { component: { code: "asc" } }],
        select: {
          id: true,
          availableAt: true,
          component: {
            select: {
              code: true,
              titleEn: true,
              titleCy: true,
              examAt: true,
              specification: { select: { code: true, titleEn: true, titleCy: true } },
            },
          },
        },
      })
    : [];
  const strip = ({ code, nameEn, nameCy }: (typeof series)[number]) => ({ code, nameEn, nameCy });
  return {
    ok: true,
    series: series.map(strip),
    selected: selected ? strip(selected) : null,
    papers: papers.map((p) => ({
      id: p.id,
      availableAt: p.availableAt,
      component: {
        code: p.component.code,
        titleEn: p.component.titleEn,
        titleCy: p.component.titleCy,
        examAt: p.component.examAt,
      },
      specification: p.component.specification,
    })),
  };
}

export type QuestionPaperInput = {
  series: string;
  component: string;
  availableAt: Date;
  /** Replace the paper already uploaded for the component in the series, if there is one. */
  replace: boolean;
};

/**
 * Uploads a component's question paper for a series, available from `availableAt`. A paper
 * already there is refused ("conflict"/questionPaperExists) unless `replace` is given; then its
 * file and time are replaced. `null` is a form that did not parse ("invalid", once the caller is
 * known to be board staff). The file must be a PDF within the size limit.
 */
export async function uploadQuestionPaper(
  input: QuestionPaperInput | null,
  file: unknown,
): Promise<Result<{ id: string; replaced: boolean }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!input) return refuse("invalid");
  const db = getPrisma();
  if (!input.series) return refuse("invalid", "uploadSeriesRequired");
  const series = await db.series.findUnique({ where: { code: input.series }, select: { id: true, code: true } });
  if (!series) return refuse("invalid", "uploadSeriesUnknown");
  if (!input.component) return refuse("invalid", "uploadComponentRequired");
  const component = await db.component.findUnique({
    where: { code: input.component },
    select: { id: true, code: true },
  });
  if (!component) return refuse("invalid", "uploadComponentUnknown");
  const existing = await db.questionPaper.findUnique({
    where: { seriesId_componentId: { seriesId: series.id, componentId: component.id } },
    select: { id: true },
  });
  if (existing && !input.replace) return refuse("conflict", "questionPaperExists");

  const upload = await readPdfUpload(file);
  if (!upload.ok) return refuse("invalid", upload.problem);
  const fileKey = questionPaperKey(series.code, component.code, newFileVersion());
  if (!(await putUploadedFile(fileKey, upload.bytes))) return refuse("unavailable");
  const { ip } = await requestInfo();
  const who = { actorId: caller.userId, actorEmail: caller.email, ip, at };
  try {
    const outcome = await db.$transaction(async (tx) => {
      const old = await tx.questionPaper.findUnique({
        where: { seriesId_componentId: { seriesId: series.id, componentId: component.id } },
        select: { id: true, availableAt: true, fileKey: true },
      });
      if (old && !input.replace) return null;
      const paper = old
        ? await tx.questionPaper.update({ where: { id: old.id }, data: { availableAt: input.availableAt, fileKey } })
        : await tx.questionPaper.create({
            data: { seriesId: series.id, componentId: component.id, availableAt: input.availableAt, fileKey },
          });
      await audit(tx, {
        ...who,
        action: old ? "question-paper.replaced" : "question-paper.uploaded",
        outcome: "success",
        details: {
          questionPaperId: paper.id,
          series: series.code,
          component: component.code,
          availableAt: paper.availableAt.toISOString(),
          ...(old ? { oldAvailableAt: old.availableAt.toISOString(), oldFileKey: old.fileKey } : {}),
          fileKey,
          bytes: upload.bytes.length,
        },
      });
      return { id: paper.id, oldKey: old?.fileKey ?? null };
    });
    if (!outcome) {
      await dropStoredFile(fileKey);
      return refuse("conflict", "questionPaperExists");
    }
    if (outcome.oldKey) await dropStoredFile(outcome.oldKey);
    return { ok: true, id: outcome.id, replaced: outcome.oldKey !== null };
  } catch (error) {
    await dropStoredFile(fileKey);
    // Two uploads for the same component at once: the second meets the unique index.
    if (isUniqueViolation(error)) return refuse("conflict", "questionPaperExists");
    throw error;
  }
}

/**
 * Changes when a paper becomes available and, when a file is sent, replaces its file. `null`
 * is a form that did not parse. Audited with the old and new times.
 */
export async function changeQuestionPaper(
  id: string,
  input: { availableAt: Date } | null,
  file: unknown,
): Promise<Result<{ id: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  if (!input) return refuse("invalid");
  const db = getPrisma();
  const current = await db.questionPaper.findUnique({
    where: { id },
    select: { id: true, fileKey: true, series: { select: { code: true } }, component: { select: { code: true } } },
  });
  if (!current) return refuse("notFound");
  const sent = file instanceof Blob && file.size > 0;
  let fileKey: string | null = null;
  let bytes = 0;
  if (sent) {
    const upload = await readPdfUpload(file);
    if (!upload.ok) return refuse("invalid", upload.problem);
    fileKey = questionPaperKey(current.series.code, current.component.code, newFileVersion());
    bytes = upload.bytes.length;
    if (!(await putUploadedFile(fileKey, upload.bytes))) return refuse("unavailable");
  }
  const { ip } = await requestInfo();
  let old: { availableAt: Date; fileKey: string } | null;
  try {
    old = await db.$transaction(async (tx) => {
      const row = await tx.questionPaper.findUnique({ where: { id }, select: { availableAt: true, fileKey: true } });
      if (!row || (fileKey && row.fileKey !== current.fileKey)) return null;
      await tx.questionPaper.update({
        where: { id },
        data: { availableAt: input.availableAt, ...(fileKey ? { fileKey } : {}) },
      });
      await audit(tx, {
        action: "question-paper.changed",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        details: {
          questionPaperId: id,
          series: current.series.code,
          component: current.component.code,
          oldAvailableAt: row.availableAt.toISOString(),
          availableAt: input.availableAt.toISOString(),
          ...(fileKey ? { oldFileKey: row.fileKey, fileKey, bytes } : {}),
        },
        at,
      });
      return row;
    });
  } catch (error) {
    if (fileKey) await dropStoredFile(fileKey);
    throw error;
  }
  if (!old) {
    if (fileKey) await dropStoredFile(fileKey);
    return refuse("conflict", "uploadChangedMeanwhile");
  }
  if (fileKey) await dropStoredFile(old.fileKey);
  return { ok: true, id };
}

/** Removes a question paper and its file, audited. `confirmed`: the board ticked "yes, remove it". */
export async function removeQuestionPaper(id: string, confirmed: boolean): Promise<Result> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  if (confirmed !== true) return refuse("invalid", "uploadConfirmRemove");
  const { ip } = await requestInfo();
  const removed = await getPrisma().$transaction(async (tx) => {
    const row = await tx.questionPaper.findUnique({
      where: { id },
      select: {
        availableAt: true,
        fileKey: true,
        series: { select: { code: true } },
        component: { select: { code: true } },
      },
    });
    if (!row) return null;
    await tx.questionPaper.delete({ where: { id } });
    await audit(tx, {
      action: "question-paper.removed",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      ip,
      details: {
        questionPaperId: id,
        series: row.series.code,
        component: row.component.code,
        availableAt: row.availableAt.toISOString(),
        fileKey: row.fileKey,
      },
      at,
    });
    return row;
  });
  if (!removed) return refuse("notFound");
  await dropStoredFile(removed.fileKey);
  return { ok: true };
}
