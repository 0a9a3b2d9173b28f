// Fresh targets for the authorization matrix's rows of the board's uploads and post-results
// (tests/authz/matrix/board-resources.ts): each call gets its own document, question paper,
// review request or candidate, so one caller's change never meets the next; and the valid forms
// that upload a PDF. Files go to the matrix's throwaway store (tests/authz/resources-fixtures.ts).
import { randomBytes } from "node:crypto";
import { makePdf, writeStoredFile } from "../factories/files";
import { createSeries } from "../factories/series";
import type { Fixtures } from "./types";

const hex = () => randomBytes(5).toString("hex");

/** A one-page PDF as a posted file. */
export async function pdfUpload(title = "Matrix upload"): Promise<File> {
  return new File([new Uint8Array(await makePdf(title))], "matrix.pdf", { type: "application/pdf" });
}

/** A form with text fields and a PDF under "file". */
export async function uploadForm(values: Record<string, string>): Promise<FormData> {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  data.append("file", await pdfUpload());
  return data;
}

/** A new circular with its file in the store; its id. */
export async function newDocument(fx: Fixtures): Promise<string> {
  const fileKey = `resources/circulars/matrix-${hex()}.pdf`;
  await writeStoredFile(fileKey, await makePdf("Matrix circular"));
  const row = await fx.prisma.resource.create({
    data: { kind: "CIRCULAR", titleEn: "Matrix circular", titleCy: "Cylchlythyr matrics", year: 2027, fileKey },
  });
  return row.id;
}

/** A new series of its own (results day in 2001, out of every other row's way); its code. */
export async function newPaperSeries(fx: Fixtures): Promise<string> {
  const series = await createSeries(fx.prisma, { code: `qp-${hex()}`, resultsDay: new Date(Date.UTC(2001, 7, 16)) });
  return series.code;
}

/** A new question paper (GCSE Latin 9521/01) in a series of its own; its id and the series' code. */
export async function newQuestionPaper(fx: Fixtures): Promise<{ id: string; series: string }> {
  const code = await newPaperSeries(fx);
  const series = await fx.prisma.series.findUniqueOrThrow({ where: { code } });
  const component = await fx.prisma.component.findUniqueOrThrow({ where: { code: "9521/01" } });
  const fileKey = `question-papers/${code}/9521-01-${hex()}.pdf`;
  await writeStoredFile(fileKey, await makePdf("Matrix question paper"));
  const paper = await fx.prisma.questionPaper.create({
    data: { seriesId: series.id, componentId: component.id, availableAt: new Date("2027-06-07T07:30:00Z"), fileKey },
  });
  return { id: paper.id, series: code };
}

/**
 * A new request at centre A about a new entry with a result (GCSE Latin, grade 6, one component
 * result): its id and the component result's.
 */
export async function newReviewRequest(
  fx: Fixtures,
  kind: "REVIEW_OF_MARKING" | "COPY_OF_SCRIPT",
  status: "requested" | "in_progress",
): Promise<{ id: string; componentResultId: string }> {
  const entryId = await fx.newEntryWithResult();
  const componentResult = await fx.prisma.componentResult.findFirstOrThrow({ where: { result: { entryId } } });
  const request = await fx.prisma.reviewRequest.create({
    data: { centreId: fx.centreA.id, entryId, kind, status, requestedBy: fx.userIds.eo! },
  });
  return { id: request.id, componentResultId: componentResult.id };
}
