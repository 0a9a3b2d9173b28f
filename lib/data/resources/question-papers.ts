import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import type { RequestInfo } from "@/lib/data/identity/sessions";
import { readStoredFile } from "@/lib/files/store";
import { londonParts, londonTime } from "@/lib/time";
import { centreCaller, FORBIDDEN, NOT_FOUND, type Caller, type Denied } from "./access";
import type { OpenedFile } from "./resources";

// Today's question papers (PRODUCT.md §Time rules): EO/Admins only (permission
// question_papers; Users never), on the exam day — the Europe/London calendar day of
// `availableAt` — from `availableAt` until the end of that day, and only for components of
// specifications the centre has (live) entries for in the paper's series. Every download is
// audited as "question-paper.downloaded".

/** Midnight Europe/London at the start of the calendar day of `at`, and of the next day. */
export function londonDay(at: Date): { start: Date; end: Date } {
  const p = londonParts(at);
  // Date.UTC (inside londonTime) rolls day 32 over into the next month.
  return { start: londonTime(p.year, p.month, p.day), end: londonTime(p.year, p.month, p.day + 1) };
}

/** The download window of a paper: from `availableAt` to the end of that London day. */
export function releaseWindow(availableAt: Date): { from: Date; until: Date } {
  return { from: availableAt, until: londonDay(availableAt).end };
}

export function isReleased(availableAt: Date, now: Date): boolean {
  const { from, until } = releaseWindow(availableAt);
  return now.getTime() >= from.getTime() && now.getTime() < until.getTime();
}

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
export async function todaysQuestionPapers(
  caller: Caller | null | undefined,
  now: Date,
): Promise<{ ok: true; papers: TodaysPaper[]; day: Date } | Denied> {
  const centre = centreCaller(caller, "question_papers");
  if (!centre) return FORBIDDEN;
  const { start, end } = londonDay(now);
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
  const entered = await enteredPairs(centre.centreId, [...new Set(papers.map((p) => p.seriesId))]);
  return {
    ok: true,
    day: start,
    papers: papers
      .filter((p) => entered.has(`${p.seriesId}:${p.component.specificationId}`))
      .map((p) => ({
        id: p.id,
        availableAt: p.availableAt,
        available: isReleased(p.availableAt, now),
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
export async function openQuestionPaper(
  caller: Caller | null | undefined,
  id: string,
  now: Date,
  request: RequestInfo,
): Promise<({ ok: true } & OpenedFile) | Denied> {
  const centre = centreCaller(caller, "question_papers");
  if (!centre || !caller) return FORBIDDEN;
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return NOT_FOUND;
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
  if (!paper) return NOT_FOUND;
  const entered = await enteredPairs(centre.centreId, [paper.seriesId]);
  if (!entered.has(`${paper.seriesId}:${paper.component.specificationId}`)) return NOT_FOUND;
  const details = {
    questionPaperId: paper.id,
    component: paper.component.code,
    series: paper.series.code,
    availableAt: paper.availableAt.toISOString(),
  };
  const who = {
    actorId: caller.user.id,
    actorEmail: caller.user.email,
    centreId: centre.centreId,
    ip: request.ip,
    at: now,
  };
  if (!isReleased(paper.availableAt, now)) {
    // A centre entitled to the paper asked outside its window: worth a line in the audit log.
    await audit(db, {
      action: "question-paper.downloaded",
      outcome: "denied",
      ...who,
      details: { ...details, reason: now < paper.availableAt ? "notYetAvailable" : "windowClosed" },
    });
    return NOT_FOUND;
  }
  const file = await readStoredFile(paper.fileKey);
  if (!file) return NOT_FOUND;
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
