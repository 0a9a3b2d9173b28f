// Publishing results in the authorization matrix: each call gets a series of its own, so one
// caller's import (a load still marked as running) never meets the next caller's.
import { mkdtempSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RESULTS_IMPORT_HEADER } from "@/lib/board/results-import";
import { createSeries } from "../factories/series";

/** A new series with a unique code; its code and id. */
export async function newPublishingSeries(prisma: PrismaClient): Promise<{ id: string; code: string }> {
  const code = `9${randomBytes(3).toString("hex")}`;
  const series = await createSeries(prisma, { code, nameEn: `Matrix ${code}`, nameCy: `Matrics ${code}` });
  return { id: series.id, code: series.code };
}

/** A checked import, ready to load, of a new series (made by the board staff account `createdById`). */
export async function newReadyImport(prisma: PrismaClient, createdById: string): Promise<string> {
  const series = await newPublishingSeries(prisma);
  const job = await prisma.importJob.create({
    data: {
      seriesId: series.id,
      status: "ready",
      fileKey: `imports/results/${series.code}/matrix.csv`,
      fileName: "matrix.csv",
      totalRows: 0,
      createdById,
    },
  });
  return job.id;
}

/** The upload form of the publishing page with a small file that passes the upload's checks. */
export function resultsUploadForm(seriesCode: string): FormData {
  // Never write test files into the developer's .data/files.
  process.env.FILES_DIR ??= mkdtempSync(path.join(tmpdir(), "porth-matrix-files-"));
  const csv = `${RESULTS_IMPORT_HEADER.join(",")}\r\nboundary,,,,9,,9521/01,70,\r\n`;
  const data = new FormData();
  data.set("series", seriesCode);
  data.set("file", new File([csv], "results.csv", { type: "text/csv" }));
  return data;
}
