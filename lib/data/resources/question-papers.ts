import "server-only";
import { authorizeCentre, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { readStoredFile } from "@/lib/files/store";
import { isPaperAvailable, londonDay } from "@/lib/resources/question-paper-window";
import type { OpenedFile } from "./resources";

// Today's question papers (docs/product-rules.md ("Resources and question papers")): EO/Admins
// only (permission question_papers; Users never), on the exam day — the Europe/London calendar
// day of `availableAt` — from `availableAt` until the end of that day, and only for components
// of specifications the centre has (live) entries for in the paper's series. Every download is
// audited as "question-paper.downloaded".

export type TodaysPaper = {
  id: string;
  availableAt: Date;
  /** Downloadable now (false: listed as coming, with its release time). */
  available: boolean;
  series: { code: string; nameEn: string; nameCy: string };
  component: { code: string; titleEn: string; titleCy: string; examAt: Date | null };
  specification: { code: string; titleEn: string; titleCy: string; qualification: { nameEn: string; nameCy: string } };
};

/** (seriesId, specificationId) pairs the centre has live entries for, among the given series. */
async function enteredPairs(centreId: string, seriesIds: string[]): Promise<Set<string>> {
  if (seriesIds.length === 0) return new Set();
  const rows = await getPrisma().entry.findMany({
    where: { centreId, status: "ENTERED", seriesId: { in: seriesIds } },
    distinct: ["seriesId", "specificationId"],
    select: { seriesId: true, specificationId: true },
  });
  return new Set(rows.map((r) => `${r.seriesId}:${r.specificationId}`));
}

/** Papers of today's London day for components the centre has entries for, earliest first. */
export async function todaysQuestionPapers(): Promise<Result<{ papers: TodaysPaper[]; day: Date }>> {
  const a = await authorizeCentre("question_papers");
  if (!a.ok) return a;
  const { start, end } = londonDay(a.at);
  const papers = await getPrisma().questionPaper.findMany({
    where: { availableAt: { gte: start, lt: end } },
    orderBy: [{ availableAt: "asc" }, { component: { code: "asc" } }],
    select: {
      id: true,
      availableAt: true,
      seriesId: true,
      series: { select: { code: true, nameEn: true, nameCy: true } },
      component: {
        select: {
          code: true,
          titleEn: true,
          titleCy: true,
          examAt: true,
          specificationId: true,
          specification: {
            select: {
              code: true,
              titleEn: true,
              titleCy: true,
              qualification: { select: { nameEn: true, nameCy: true } },
            },
          },
        },
      },
    },
  });
  const entered = await enteredPairs(a.caller.centreId, [...new Set(papers.map((p) => p.seriesId))]);
  return {
    ok: true,
    day: start,
    papers: papers
      .filter((p) => entered.has(`${p.seriesId}:${p.component.specificationId}`))
      .map((p) => ({
        id: p.id,
        availableAt: p.availableAt,
        available: isPaperAvailable(p.availableAt, a.at),
        series: p.series,
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

/**
 * A question paper's file for download, audited. Outside its window, or for a component the
 * centre has no entries for, or another centre's view of it: "not found".
 */
export async function openQuestionPaper(id: string): Promise<Result<OpenedFile>> {
  const a = await authorizeCentre("question_papers");
  if (!a.ok) return a;
  const { caller, at } = a;
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return refuse("notFound");
  const db = getPrisma();
  const paper = await db.questionPaper.findUnique({
    where: { id },
    select: {
      id: true,
      seriesId: true,
      availableAt: true,
      fileKey: true,
      series: { select: { code: true } },
      component: { select: { code: true, specificationId: true } },
    },
  });
  if (!paper) return refuse("notFound");
  const entered = await enteredPairs(caller.centreId, [paper.seriesId]);
  if (!entered.has(`${paper.seriesId}:${paper.component.specificationId}`)) return refuse("notFound");
  const details = {
    questionPaperId: paper.id,
    component: paper.component.code,
    series: paper.series.code,
    availableAt: paper.availableAt.toISOString(),
  };
  const who = {
    actorId: caller.userId,
    actorEmail: caller.email,
    centreId: caller.centreId,
    ip: (await requestInfo()).ip,
    at,
  };
  if (!isPaperAvailable(paper.availableAt, at)) {
    // A centre entitled to the paper asked outside its window: worth a line in the audit log.
    await audit(db, {
      action: "question-paper.downloaded",
      outcome: "denied",
      ...who,
      details: { ...details, reason: at < paper.availableAt ? "notYetAvailable" : "windowClosed" },
    });
    return refuse("notFound");
  }
  const file = await readStoredFile(paper.fileKey);
  if (!file) return refuse("notFound");
  try {
    await audit(db, {
      action: "question-paper.downloaded",
      outcome: "success",
      ...who,
      details: { ...details, bytes: file.size },
    });
  } catch (error) {
    // No audit row, no download.
    await file.stream.cancel().catch(() => {});
    throw error;
  }
  return { ok: true, file, fileKey: paper.fileKey };
}
