import "server-only";
import { authorizeBoard, refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import type { ReviewKind } from "@/lib/generated/prisma/enums";
import { reviewStatusOf, REVIEW_KINDS, type ReviewStatus } from "@/lib/post-results/reviews";
import { gradesFor } from "@/lib/results/grades";
import { codeOrEmpty } from "@/lib/validation/codes";

// The board's side of post-results (docs/product-rules.md ("Post-results services")): the queue
// of every centre's requests and one request with what the board needs to move it on (moving it
// is lib/data/board/review-outcomes.ts; its scripts, review-scripts.ts). Board staff only.

const KINDS: readonly string[] = REVIEW_KINDS;

export type BoardReviewRow = {
  id: string;
  kind: ReviewKind;
  status: ReviewStatus;
  outcome: string | null;
  newGrade: string | null;
  /** The grade before a change (the result now holds the new one). */
  previousGrade: string | null;
  createdAt: Date;
  completedAt: Date | null;
  centre: { number: string; nameEn: string; nameCy: string };
  series: { code: string; nameEn: string; nameCy: string };
  candidate: { candidateNumber: string; firstName: string; lastName: string };
  specification: { code: string; titleEn: string; titleCy: string };
  component: { code: string; titleEn: string; titleCy: string } | null;
  grade: string | null;
};

export type ReviewQueueFilter = { status?: string; series?: string; centre?: string; kind?: string };

/**
 * The requests of every centre, oldest open first (the first 500 of a filter): by status,
 * series code, centre number and kind (unknown values are no filter). With the series choices
 * and how many requests are in each status.
 */
export async function reviewQueue(filter: ReviewQueueFilter = {}): Promise<
  Result<{
    rows: BoardReviewRow[];
    total: number;
    counts: Record<ReviewStatus, number>;
    series: { code: string; nameEn: string; nameCy: string }[];
  }>
> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const status = reviewStatusOf(filter.status);
  const series = codeOrEmpty(filter.series);
  const centre = /^\d{5}$/.test(filter.centre?.trim() ?? "") ? filter.centre!.trim() : "";
  const kind = KINDS.includes(filter.kind ?? "") ? (filter.kind as ReviewKind) : undefined;
  const scope = {
    ...(series ? { entry: { series: { code: series } } } : {}),
    ...(centre ? { centre: { number: centre } } : {}),
    ...(kind ? { kind } : {}),
  };
  const where = { ...scope, ...(status ? { status } : {}) };
  const [rows, total, grouped, seriesRows] = await Promise.all([
    db.reviewRequest.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 500,
      include: {
        centre: { select: { number: true, nameEn: true, nameCy: true } },
        component: { select: { code: true, titleEn: true, titleCy: true } },
        entry: {
          select: {
            series: { select: { code: true, nameEn: true, nameCy: true } },
            candidate: { select: { candidateNumber: true, firstName: true, lastName: true } },
            specification: { select: { code: true, titleEn: true, titleCy: true } },
            result: { select: { grade: true } },
          },
        },
      },
    }),
    db.reviewRequest.count({ where }),
    db.reviewRequest.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.series.findMany({
      where: { entries: { some: { reviewRequests: { some: {} } } } },
      select: { code: true, nameEn: true, nameCy: true },
      orderBy: { resultsDay: "desc" },
    }),
  ]);
  const counts: Record<ReviewStatus, number> = { requested: 0, in_progress: 0, completed: 0 };
  for (const g of grouped) {
    const s = reviewStatusOf(g.status);
    if (s) counts[s] = g._count._all;
  }
  return {
    ok: true,
    total,
    counts,
    series: seriesRows,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: reviewStatusOf(r.status) ?? "requested",
      outcome: r.outcome,
      newGrade: r.newGrade,
      previousGrade: r.previousGrade,
      createdAt: r.createdAt,
      completedAt: r.completedAt,
      centre: r.centre,
      series: r.entry.series,
      candidate: r.entry.candidate,
      specification: r.entry.specification,
      component: r.component,
      grade: r.entry.result?.grade ?? null,
    })),
  };
}

export type BoardReview = BoardReviewRow & {
  notes: string;
  requestedBy: string;
  qualification: { code: string; nameEn: string; nameCy: string };
  /** The qualification's grades, best first: what a changed grade may be. */
  grades: readonly string[];
  /** The components of the result; `requested` when the request is about it (or the whole entry). */
  components: {
    componentResultId: string;
    code: string;
    titleEn: string;
    titleCy: string;
    mark: number;
    maxMark: number;
    requested: boolean;
    script: { uploadedAt: Date } | null;
  }[];
  canStart: boolean;
  canComplete: boolean;
  /** Copy-of-script requests: scripts may be uploaded while it is open. */
  canUploadScripts: boolean;
  /** Copy-of-script requests: requested components still without a script. */
  scriptsMissing: number;
};

/** One request with what the board needs to move it on. Unknown id: "notFound". */
export async function getReview(id: string): Promise<Result<{ review: BoardReview }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (typeof id !== "string" || !id || id.length > 64) return refuse("notFound");
  const db = getPrisma();
  const r = await db.reviewRequest.findUnique({
    where: { id },
    include: {
      centre: { select: { number: true, nameEn: true, nameCy: true } },
      component: { select: { code: true, titleEn: true, titleCy: true } },
      entry: {
        select: {
          series: { select: { code: true, nameEn: true, nameCy: true } },
          candidate: { select: { candidateNumber: true, firstName: true, lastName: true } },
          specification: {
            select: {
              code: true,
              titleEn: true,
              titleCy: true,
              qualification: { select: { code: true, nameEn: true, nameCy: true } },
            },
          },
          result: {
            select: {
              grade: true,
              components: {
                select: {
                  id: true,
                  componentId: true,
                  mark: true,
                  component: { select: { code: true, titleEn: true, titleCy: true, maxMark: true } },
                  script: { select: { createdAt: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!r) return refuse("notFound");
  const requester = await db.user.findUnique({ where: { id: r.requestedBy }, select: { name: true, email: true } });
  const status = reviewStatusOf(r.status) ?? "requested";
  const components = (r.entry.result?.components ?? [])
    .map((c) => ({
      componentResultId: c.id,
      code: c.component.code,
      titleEn: c.component.titleEn,
      titleCy: c.component.titleCy,
      mark: c.mark,
      maxMark: c.component.maxMark,
      requested: !r.componentId || r.componentId === c.componentId,
      script: c.script ? { uploadedAt: c.script.createdAt } : null,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const isCopy = r.kind === "COPY_OF_SCRIPT";
  const { qualification, ...specification } = r.entry.specification;
  return {
    ok: true,
    review: {
      id: r.id,
      kind: r.kind,
      status,
      outcome: r.outcome,
      newGrade: r.newGrade,
      previousGrade: r.previousGrade,
      createdAt: r.createdAt,
      completedAt: r.completedAt,
      notes: r.notes,
      requestedBy: requester ? requester.name || requester.email : "",
      centre: r.centre,
      series: r.entry.series,
      candidate: r.entry.candidate,
      specification,
      qualification,
      grades: gradesFor(qualification.code),
      component: r.component,
      grade: r.entry.result?.grade ?? null,
      components,
      canStart: status === "requested",
      canComplete: status === "in_progress",
      canUploadScripts: isCopy && status !== "completed",
      scriptsMissing: isCopy ? components.filter((c) => c.requested && !c.script).length : 0,
    },
  };
}
