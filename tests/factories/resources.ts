import type { Component, QuestionPaper, Resource, Series } from "@/lib/generated/prisma/client";
import { londonParts, londonTime } from "@/lib/time";
import type { SpecWithComponents } from "./catalogue";
import type { Db } from "./db";
import { makePdf, writeStoredFile } from "./files";

type ResourceRow = Omit<Resource, "id" | "createdAt" | "seriesId" | "componentId" | "availableFrom" | "uploadedById">;

export const RESOURCE_YEARS = [2024, 2025, 2026] as const;
/** Specifications that also publish Welsh-medium question papers. */
const WELSH_MEDIUM = new Set(["9531", "9551", "9611"]);

export type CreateResourcesOptions = {
  years?: readonly number[];
  /** Write the PDFs to the file store (default true). */
  writeFiles?: boolean;
  /** Add the two circulars (default true). */
  circulars?: boolean;
};

/**
 * Past papers and mark schemes for each year (2024–2026) and specification, Welsh-medium past
 * papers for some, a specification document each (SUPPORT), and two circulars. The latest
 * year's papers and mark schemes are `secure` (only for centres with entries). Each has a
 * one-page PDF in the file store under `fileKey`.
 */
export async function createResources(
  db: Db,
  specs: SpecWithComponents[],
  options: CreateResourcesOptions = {},
): Promise<Resource[]> {
  const { years = RESOURCE_YEARS, writeFiles = true, circulars = true } = options;
  const latest = Math.max(...years);
  const rows: ResourceRow[] = [];
  for (const spec of specs) {
    const q = spec.qualification;
    const nameEn = `${q.nameEn} ${spec.titleEn} (${spec.code})`;
    const nameCy = `${q.nameCy} ${spec.titleCy} (${spec.code})`;
    const mainLanguage = spec.code === "9541" ? "cy" : "en";
    for (const year of years) {
      const secure = year === latest;
      rows.push({
        specificationId: spec.id,
        kind: "PAST_PAPER",
        year,
        language: mainLanguage,
        secure,
        titleEn: `${nameEn}: question papers, June ${year}`,
        titleCy: `${nameCy}: papurau cwestiynau, Mehefin ${year}`,
        fileKey: `resources/${spec.code}/${year}/question-papers-${mainLanguage}.pdf`,
      });
      if (WELSH_MEDIUM.has(spec.code)) {
        rows.push({
          specificationId: spec.id,
          kind: "PAST_PAPER",
          year,
          language: "cy",
          secure,
          titleEn: `${nameEn}: question papers (Welsh medium), June ${year}`,
          titleCy: `${nameCy}: papurau cwestiynau (cyfrwng Cymraeg), Mehefin ${year}`,
          fileKey: `resources/${spec.code}/${year}/question-papers-cy.pdf`,
        });
      }
      rows.push({
        specificationId: spec.id,
        kind: "MARK_SCHEME",
        year,
        language: mainLanguage,
        secure,
        titleEn: `${nameEn}: mark scheme, June ${year}`,
        titleCy: `${nameCy}: cynllun marcio, Mehefin ${year}`,
        fileKey: `resources/${spec.code}/${year}/mark-scheme-${mainLanguage}.pdf`,
      });
    }
    rows.push({
      specificationId: spec.id,
      kind: "SUPPORT",
      year: latest,
      language: mainLanguage,
      secure: false,
      titleEn: `${nameEn}: specification`,
      titleCy: `${nameCy}: manyleb`,
      fileKey: `resources/${spec.code}/specification-${mainLanguage}.pdf`,
    });
  }
  if (circulars) {
    rows.push(
      {
        specificationId: null,
        kind: "CIRCULAR",
        year: 2026,
        language: "en",
        secure: false,
        titleEn: "Key dates for the June 2027 series",
        titleCy: "Dyddiadau allweddol cyfres Mehefin 2027",
        fileKey: "resources/circulars/2026-key-dates-june-2027.pdf",
      },
      {
        specificationId: null,
        kind: "CIRCULAR",
        year: 2027,
        language: "en",
        secure: false,
        titleEn: "Results day arrangements, summer 2027",
        titleCy: "Trefniadau diwrnod canlyniadau, haf 2027",
        fileKey: "resources/circulars/2027-results-day-arrangements.pdf",
      },
    );
  }
  if (writeFiles) {
    for (const r of rows)
      await writeStoredFile(
        r.fileKey,
        await makePdf(r.titleEn, r.titleCy, [
          `${r.kind.replace("_", " ").toLowerCase()} · ${r.year}${r.secure ? " · secure" : ""}`,
        ]),
      );
  }
  return db.resource.createManyAndReturn({ data: rows });
}

export type CreateQuestionPapersOptions = {
  writeFiles?: boolean;
  /** London wall-clock time on the exam day from which the paper is available (default 08:30). */
  hour?: number;
  minute?: number;
};

/**
 * Today's question papers: one per written component (components with an `examAt`), available
 * from 08:30 Europe/London on the exam day. Each has a PDF in the file store.
 */
export async function createQuestionPapers(
  db: Db,
  series: Pick<Series, "id" | "code">,
  components: Component[],
  options: CreateQuestionPapersOptions = {},
): Promise<QuestionPaper[]> {
  const { writeFiles = true, hour = 8, minute = 30 } = options;
  const rows: Omit<QuestionPaper, "id">[] = [];
  for (const c of components) {
    if (!c.examAt) continue;
    const day = londonParts(c.examAt);
    const fileKey = `question-papers/${series.code}/${c.code.replace("/", "-")}.pdf`;
    rows.push({
      seriesId: series.id,
      componentId: c.id,
      availableAt: londonTime(day.year, day.month, day.day, hour, minute),
      fileKey,
    });
    if (writeFiles) {
      const start = `${String(day.hour).padStart(2, "0")}:${String(day.minute).padStart(2, "0")}`;
      await writeStoredFile(
        fileKey,
        await makePdf(`${c.code} ${c.titleEn}`, c.titleCy, [
          `Question paper · ${day.day}/${day.month}/${day.year} ${start}`,
          "CONFIDENTIAL until the start of the examination / CYFRINACHOL tan ddechrau'r arholiad",
        ]),
      );
    }
  }
  return db.questionPaper.createManyAndReturn({ data: rows });
}
