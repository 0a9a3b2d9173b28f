import "server-only";
import { randomBytes } from "node:crypto";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { QUEUES, queueJob } from "@/lib/db/jobs";
import { audit } from "@/lib/data/audit";
import { removeStoredFile, storeFile } from "@/lib/files/store";
import { codeOrEmpty } from "@/lib/validation/codes";
import { RESULTS_IMPORT_MAX_BYTES, sniffResultsCsv } from "@/lib/board/results-import";
import type { ImportReport } from "./results-import-run";

// Board staff publish a series' results (docs/results-import-format.md): upload the awarding
// system's CSV (stored through the file store, checked by content), see the background check's
// preview, then ask for the load. The work itself runs in the background
// (lib/data/board/results-import-run.ts); these functions record and queue it. Centres see
// nothing until the series' release times (lib/auth/release.ts), whenever the load ran.

export type ImportStatus = "validating" | "invalid" | "ready" | "loading" | "done" | "failed";

export type ImportJobView = {
  id: string;
  seriesCode: string;
  status: ImportStatus;
  fileName: string;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: string;
  totalRows: number;
  processedRows: number;
  report: ImportReport | null;
  /** Still moving: the page keeps refreshing. */
  running: boolean;
  /** Checked without an error: board staff may load it. */
  canLoad: boolean;
};

export type PublishingSeries = {
  id: string;
  code: string;
  nameEn: string;
  nameCy: string;
  resultsDay: Date;
  restrictedReleaseAt: Date;
  releaseAt: Date;
};

const SERIES_SELECT = {
  id: true,
  code: true,
  nameEn: true,
  nameCy: true,
  resultsDay: true,
  restrictedReleaseAt: true,
  releaseAt: true,
} as const;

type JobRow = {
  id: string;
  status: string;
  fileName: string;
  createdAt: Date;
  finishedAt: Date | null;
  createdById: string;
  totalRows: number;
  processedRows: number;
  errors: unknown;
  series: { code: string };
};

function viewOf(job: JobRow, emails: Map<string, string>): ImportJobView {
  const status = job.status as ImportStatus;
  return {
    id: job.id,
    seriesCode: job.series.code,
    status,
    fileName: job.fileName,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    createdBy: emails.get(job.createdById) ?? "",
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    report: (job.errors as ImportReport | null) ?? null,
    running: status === "validating" || status === "loading",
    canLoad: status === "ready",
  };
}

async function emailsOf(ids: string[]): Promise<Map<string, string>> {
  const users = await getPrisma().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u.email]));
}

/**
 * The publishing page: every series, the one shown (asked for, else the next results day to
 * come, else the latest), what it holds now, and its imports, newest first (the last 10).
 */
export async function publishingOverview(seriesCode = ""): Promise<
  Result<{
    allSeries: PublishingSeries[];
    series: PublishingSeries | null;
    results: number;
    boundaries: number;
    jobs: ImportJobView[];
    at: Date;
  }>
> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const allSeries = await db.series.findMany({
    select: SERIES_SELECT,
    orderBy: [{ resultsDay: "desc" }, { code: "desc" }],
  });
  let series: PublishingSeries | null;
  if (seriesCode) {
    series = allSeries.find((s) => s.code === codeOrEmpty(seriesCode)) ?? null;
    if (!series) return refuse("notFound");
  } else {
    const upcoming = allSeries.filter((s) => s.releaseAt.getTime() > auth.at.getTime());
    series = upcoming.at(-1) ?? allSeries[0] ?? null;
  }
  if (!series) return { ok: true, allSeries, series: null, results: 0, boundaries: 0, jobs: [], at: auth.at };
  const [results, boundaries, jobs] = await Promise.all([
    db.result.count({ where: { seriesId: series.id } }),
    db.gradeBoundary.count({ where: { seriesId: series.id } }),
    db.importJob.findMany({
      where: { seriesId: series.id },
      orderBy: { createdAt: "desc" },
      take: 10,
      include: { series: { select: { code: true } } },
    }),
  ]);
  const emails = await emailsOf(jobs.map((j) => j.createdById));
  return {
    ok: true,
    allSeries,
    series,
    results,
    boundaries,
    jobs: jobs.map((j) => viewOf(j, emails)),
    at: auth.at,
  };
}

/** One import, with the series it is for. */
export async function resultsImport(
  importJobId = "",
): Promise<Result<{ job: ImportJobView; series: PublishingSeries }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const job = importJobId
    ? await getPrisma().importJob.findUnique({
        where: { id: importJobId },
        include: { series: { select: SERIES_SELECT } },
      })
    : null;
  if (!job) return refuse("notFound");
  const emails = await emailsOf([job.createdById]);
  return { ok: true, job: viewOf(job, emails), series: job.series };
}

export type UploadedFile = { name: string; bytes: Uint8Array };

/**
 * Stores an uploaded results file for a series and queues its check. Refused (nothing stored):
 * no file, over RESULTS_IMPORT_MAX_BYTES, not a results CSV by its first bytes, or a load of the
 * series still running.
 */
export async function startResultsImport(
  seriesCode = "",
  file?: UploadedFile,
): Promise<Result<{ importJobId: string; seriesCode: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const code = codeOrEmpty(seriesCode);
  const db = getPrisma();
  const series = code ? await db.series.findUnique({ where: { code }, select: { id: true, code: true } }) : null;
  if (!series) return refuse("notFound");
  if (!file || file.bytes.length === 0) return refuse("invalid", "resultsFileRequired");
  if (file.bytes.length > RESULTS_IMPORT_MAX_BYTES) return refuse("invalid", "resultsFileTooLarge");
  const sniffed = sniffResultsCsv(file.bytes.subarray(0, 64 * 1024));
  if (sniffed === "empty") return refuse("invalid", "resultsFileRequired");
  if (sniffed === "notCsv") return refuse("invalid", "resultsFileNotCsv");
  if (sniffed) return refuse("invalid", "resultsFileBadHeader");
  const loading = await db.importJob.findFirst({
    where: { seriesId: series.id, status: "loading" },
    select: { id: true },
  });
  if (loading) return refuse("conflict", "resultsImportRunning");

  const { ip } = await requestInfo();
  const fileKey = `imports/results/${series.code}/${at.getTime()}-${randomBytes(6).toString("hex")}.csv`;
  const fileName = file.name.replace(/[\p{Cc}\p{Cf}]/gu, "").slice(0, 200);
  try {
    await storeFile(fileKey, file.bytes);
  } catch (error) {
    console.error(`[publishing] could not store ${fileKey}: ${(error as Error).message}`);
    return refuse("unavailable");
  }
  let job: { id: string };
  try {
    job = await db.$transaction(async (tx) => {
      const created = await tx.importJob.create({
        data: { seriesId: series.id, fileKey, fileName, createdById: caller.userId, createdAt: at },
        select: { id: true },
      });
      await audit(tx, {
        action: "results.import-uploaded",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        ip,
        details: { series: series.code, importJobId: created.id, file: fileName, bytes: file.bytes.length },
        at,
      });
      return created;
    });
  } catch (error) {
    await removeStoredFile(fileKey).catch(() => {});
    throw error;
  }
  await queueJob(QUEUES.resultsImport.name, { importJobId: job.id }, `validate:${job.id}`);
  return { ok: true, importJobId: job.id, seriesCode: series.code };
}

/**
 * Asks for a checked import to be loaded (replacing the series' results): only a "ready" import,
 * and only while no other load of the series is running. The load itself is audited when it
 * commits ("results.imported").
 */
export async function requestResultsLoad(importJobId = ""): Promise<Result<{ seriesCode: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const job = importJobId
    ? await db.importJob.findUnique({ where: { id: importJobId }, include: { series: { select: { code: true } } } })
    : null;
  if (!job) return refuse("notFound");
  const { ip } = await requestInfo();
  const outcome = await db.$transaction(async (tx) => {
    const busy = await tx.importJob.findFirst({
      where: { seriesId: job.seriesId, status: "loading", id: { not: job.id } },
      select: { id: true },
    });
    if (busy) return refuse("conflict", "resultsImportRunning");
    // Only the caller who moves it from "ready" wins: a second click finds it "loading".
    const moved = await tx.importJob.updateMany({
      where: { id: job.id, status: "ready" },
      data: { status: "loading", processedRows: 0 },
    });
    if (moved.count === 0) return refuse("conflict", "resultsImportNotReady");
    await audit(tx, {
      action: "results.import-load-requested",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      ip,
      details: { series: job.series.code, importJobId: job.id, rows: job.totalRows },
      at,
    });
    return { ok: true as const };
  });
  if (!outcome.ok) return outcome;
  await queueJob(QUEUES.resultsImport.name, { importJobId: job.id }, `load:${job.id}`);
  return { ok: true, seriesCode: job.series.code };
}
