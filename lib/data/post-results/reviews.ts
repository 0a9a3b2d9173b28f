import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import type { LiveSession, RequestInfo } from "@/lib/data/identity/sessions";
import type { ReviewKind } from "@/lib/generated/prisma/enums";
import { released, reviewsAccess, reviewsReleaseFor, subjectOf, type SeriesOption } from "./access";

// Reviews of marking and copies of scripts (PRODUCT.md §All Services › Post-results). Requests
// are per entry (or one component of it), only once the caller can see the entry's result, and
// never twice at once: an open request ("requested" / "in_progress") of the same kind for the
// same entry refuses a second one.

export const REVIEW_STATUSES = ["requested", "in_progress", "completed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const OPEN_STATUSES: ReviewStatus[] = ["requested", "in_progress"];
export const REVIEW_KINDS = ["REVIEW_OF_MARKING", "COPY_OF_SCRIPT"] as const satisfies readonly ReviewKind[];

export type ReviewRow = {
  id: string;
  kind: ReviewKind;
  status: ReviewStatus;
  outcome: string | null;
  newGrade: string | null;
  createdAt: Date;
  completedAt: Date | null;
  series: { code: string; nameEn: string; nameCy: string };
  candidate: { candidateNumber: string; firstName: string; lastName: string };
  specification: { code: string; titleEn: string; titleCy: string };
  component: { code: string; titleEn: string; titleCy: string } | null;
  grade: string | null;
};

/**
 * The series of the caller's centre (those it has entries in), newest results day first, each
 * with the caller's release time and whether it has passed.
 */
export async function reviewSeries(session: LiveSession, now: Date): Promise<SeriesOption[]> {
  const subject = subjectOf(session);
  if (!reviewsAccess(subject)) return [];
  const series = await getPrisma().series.findMany({
    where: { entries: { some: { centreId: subject.centreId! } } },
    orderBy: { resultsDay: "desc" },
  });
  return series.map((s) => {
    const from = reviewsReleaseFor(subject, s);
    return {
      id: s.id,
      code: s.code,
      nameEn: s.nameEn,
      nameCy: s.nameCy,
      releaseAt: from,
      visible: released(from, now),
    };
  });
}

/**
 * The centre's requests, newest first, for the series whose results the caller can see (a
 * request about an entry whose results are still under embargo for the caller is not listed).
 */
export async function listReviewRequests(
  session: LiveSession,
  now: Date,
  filter: { status?: string; seriesId?: string } = {},
): Promise<ReviewRow[] | null> {
  const subject = subjectOf(session);
  if (!reviewsAccess(subject)) return null;
  const visible = (await reviewSeries(session, now))
    .filter((s) => s.visible && (!filter.seriesId || s.id === filter.seriesId))
    .map((s) => s.id);
  if (visible.length === 0) return [];
  const status = REVIEW_STATUSES.find((s) => s === filter.status);
  const rows = await getPrisma().reviewRequest.findMany({
    where: {
      centreId: subject.centreId!,
      ...(status ? { status } : {}),
      entry: { centreId: subject.centreId!, seriesId: { in: visible } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: {
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
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status as ReviewStatus,
    outcome: r.outcome,
    newGrade: r.newGrade,
    createdAt: r.createdAt,
    completedAt: r.completedAt,
    series: r.entry.series,
    candidate: r.entry.candidate,
    specification: r.entry.specification,
    component: r.component,
    grade: r.entry.result?.grade ?? null,
  }));
}

export type ReviewableEntry = {
  id: string;
  candidate: { candidateNumber: string; firstName: string; lastName: string };
  specification: { code: string; titleEn: string; titleCy: string };
  grade: string;
  components: { id: string; code: string; titleEn: string; titleCy: string }[];
};

/**
 * The entries of a series the caller may ask about: the centre's entries that have a result,
 * once the caller's release time has passed. Empty for Users (they may not request) and before
 * release.
 */
export async function reviewableEntries(session: LiveSession, seriesId: string, now: Date): Promise<ReviewableEntry[]> {
  const subject = subjectOf(session);
  if (reviewsAccess(subject) !== "request") return [];
  const series = (await reviewSeries(session, now)).find((s) => s.id === seriesId);
  if (!series?.visible) return [];
  const entries = await getPrisma().entry.findMany({
    where: { centreId: subject.centreId!, seriesId, result: { isNot: null } },
    orderBy: [{ candidate: { candidateNumber: "asc" } }, { specification: { code: "asc" } }],
    select: {
      id: true,
      candidate: { select: { candidateNumber: true, firstName: true, lastName: true } },
      specification: { select: { code: true, titleEn: true, titleCy: true } },
      result: {
        select: {
          grade: true,
          components: { select: { component: { select: { id: true, code: true, titleEn: true, titleCy: true } } } },
        },
      },
    },
  });
  return entries.map((e) => ({
    id: e.id,
    candidate: e.candidate,
    specification: e.specification,
    grade: e.result!.grade,
    components: e.result!.components.map((c) => c.component).sort((a, b) => a.code.localeCompare(b.code)),
  }));
}

export type RequestReviewInput = { entryId: string; kind: ReviewKind; componentId: string | null; notes: string };
export type RequestReviewError =
  "forbidden" | "notFound" | "reviewNoResult" | "reviewComponentMismatch" | "reviewDuplicate";

/**
 * Makes a request. EO/Admins with results only ("forbidden" for Users, who may only look), for
 * an entry of their centre ("notFound" otherwise), once its results are visible to them
 * ("forbidden" before), with a result, a component of that result if one is named, and no open
 * request of the same kind for the entry.
 */
export async function requestReview(
  session: LiveSession,
  input: RequestReviewInput,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true; id: string } | { ok: false; error: RequestReviewError }> {
  const subject = subjectOf(session);
  if (reviewsAccess(subject) !== "request") return { ok: false, error: "forbidden" };
  const centreId = subject.centreId!;
  return getPrisma().$transaction(async (tx) => {
    // Lock the entry so two requests for it cannot both pass the duplicate check.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Entry" WHERE "id" = ${input.entryId} AND "centreId" = ${centreId} FOR UPDATE`;
    if (locked.length === 0) return { ok: false as const, error: "notFound" as const };
    const entry = await tx.entry.findUniqueOrThrow({
      where: { id: input.entryId },
      include: { series: true, result: { include: { components: { select: { componentId: true } } } } },
    });
    if (!released(reviewsReleaseFor(subject, entry.series), now))
      return { ok: false as const, error: "forbidden" as const };
    if (!entry.result) return { ok: false as const, error: "reviewNoResult" as const };
    if (input.componentId && !entry.result.components.some((c) => c.componentId === input.componentId)) {
      return { ok: false as const, error: "reviewComponentMismatch" as const };
    }
    const open = await tx.reviewRequest.findFirst({
      where: { entryId: entry.id, kind: input.kind, status: { in: OPEN_STATUSES } },
      select: { id: true },
    });
    if (open) return { ok: false as const, error: "reviewDuplicate" as const };
    const created = await tx.reviewRequest.create({
      data: {
        centreId,
        entryId: entry.id,
        componentId: input.componentId,
        kind: input.kind,
        status: "requested",
        requestedBy: session.user.id,
        notes: input.notes,
        createdAt: now,
      },
    });
    await audit(tx, {
      action: "post_results.request",
      outcome: "success",
      actorId: session.user.id,
      actorEmail: session.user.email,
      centreId,
      ip: request.ip,
      details: { requestId: created.id, kind: input.kind, entryId: entry.id, componentId: input.componentId },
      at: now,
    });
    return { ok: true as const, id: created.id };
  });
}
