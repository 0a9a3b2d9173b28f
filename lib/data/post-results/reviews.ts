import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import {
  authorizeCentre,
  inCentre,
  isReleased,
  refuse,
  requestInfo,
  type CentreCaller,
  type Result,
} from "@/lib/auth/authorize";
import type { ReviewKind } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES, reviewStatusOf, type ReviewStatus } from "@/lib/post-results/reviews";
import { seriesOptions, type SeriesOption } from "@/lib/post-results/series";

// Reviews of marking and copies of scripts (docs/product-rules.md ("Post-results services")).
// They hang off results, so they need the results permission and follow the results embargo
// exactly (releaseFor(caller, series, "reviews")): exams officers and admins request, users only
// follow the list. Requests are per entry (or one component of it), only once the caller can
// see the entry's result, and never twice at once: an open request of the same kind for the
// same entry refuses a second one (docs/decisions/009-post-results.md).

/** Who may request: exams officers and admins; users holding results only look. */
function canRequest(caller: CentreCaller): boolean {
  return caller.role === "EXAMS_OFFICER" || caller.role === "ADMIN";
}

/** The series the caller's centre has entries in, newest results day first, with their release to the caller. */
async function seriesOf(caller: CentreCaller, at: Date): Promise<SeriesOption[]> {
  const rows = await getPrisma().series.findMany({
    where: { entries: { some: inCentre(caller) } },
    orderBy: { resultsDay: "desc" },
  });
  return seriesOptions(caller, rows, "reviews", at);
}

/**
 * The series of the caller's centre (those it has entries in), newest results day first, each
 * with the caller's release time and whether it has passed; whether the caller may request;
 * and the time of asking.
 */
export async function reviewSeries(): Promise<Result<{ series: SeriesOption[]; canRequest: boolean; at: Date }>> {
  const auth = await authorizeCentre("results");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  return { ok: true, series: await seriesOf(caller, at), canRequest: canRequest(caller), at };
}

export type ReviewRow = {
  id: string;
  kind: ReviewKind;
  status: ReviewStatus;
  outcome: string | null;
  newGrade: string | null;
  /** The grade before a change made by the review (the result now holds the new one). */
  previousGrade: string | null;
  createdAt: Date;
  completedAt: Date | null;
  series: { code: string; nameEn: string; nameCy: string };
  candidate: { candidateNumber: string; firstName: string; lastName: string };
  specification: { code: string; titleEn: string; titleCy: string };
  component: { code: string; titleEn: string; titleCy: string } | null;
  grade: string | null;
};

/**
 * The centre's requests, newest first, for the series whose results the caller can see (a
 * request about an entry whose results are still under embargo for the caller is not listed).
 * An unknown status is no filter.
 */
export async function listReviewRequests(
  filter: { status?: string; seriesId?: string } = {},
): Promise<Result<{ rows: ReviewRow[] }>> {
  const auth = await authorizeCentre("results");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const visible = (await seriesOf(caller, at))
    .filter((s) => s.visible && (!filter.seriesId || s.id === filter.seriesId))
    .map((s) => s.id);
  if (visible.length === 0) return { ok: true, rows: [] };
  const status = reviewStatusOf(filter.status);
  const rows = await getPrisma().reviewRequest.findMany({
    where: inCentre(caller, {
      ...(status ? { status } : {}),
      entry: inCentre(caller, { seriesId: { in: visible } }),
    }),
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
  return {
    ok: true,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status as ReviewStatus,
      outcome: r.outcome,
      newGrade: r.newGrade,
      previousGrade: r.previousGrade,
      createdAt: r.createdAt,
      completedAt: r.completedAt,
      series: r.entry.series,
      candidate: r.entry.candidate,
      specification: r.entry.specification,
      component: r.component,
      grade: r.entry.result?.grade ?? null,
    })),
  };
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
 * once the caller's release time has passed. Empty for users (they may not request) and before
 * release.
 */
export async function reviewableEntries(seriesId: string): Promise<Result<{ entries: ReviewableEntry[] }>> {
  const auth = await authorizeCentre("results");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!canRequest(caller)) return { ok: true, entries: [] };
  const series = (await seriesOf(caller, at)).find((s) => s.id === seriesId);
  if (!series?.visible) return { ok: true, entries: [] };
  const entries = await getPrisma().entry.findMany({
    where: inCentre(caller, { seriesId, result: { isNot: null } }),
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
  return {
    ok: true,
    entries: entries.map((e) => ({
      id: e.id,
      candidate: e.candidate,
      specification: e.specification,
      grade: e.result!.grade,
      components: e.result!.components.map((c) => c.component).sort((a, b) => a.code.localeCompare(b.code)),
    })),
  };
}

export type RequestReviewInput = { entryId: string; kind: ReviewKind; componentId: string | null; notes: string };

/**
 * Makes a request. Exams officers and admins holding results only ("forbidden" for users, who
 * may only look), for an entry of their centre ("notFound" otherwise), once its results are
 * visible to them ("forbidden" before), with a result ("invalid"/reviewNoResult), a component
 * of that result if one is named ("invalid"/reviewComponentMismatch), and no open request of
 * the same kind for the entry ("conflict"/reviewDuplicate). `null` is a form that did not
 * parse: it is refused as "invalid" only once the caller's right is checked, so a caller
 * without the right learns nothing from the form's errors. The request is audited.
 */
export async function requestReview(input: RequestReviewInput | null): Promise<Result<{ id: string }>> {
  const auth = await authorizeCentre("results");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!canRequest(caller)) return refuse("forbidden");
  if (!input) return refuse("invalid");
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result<{ id: string }>> => {
    // Lock the entry so two requests for it cannot both pass the duplicate check.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Entry" WHERE "id" = ${input.entryId} AND "centreId" = ${caller.centreId} FOR UPDATE`;
    if (locked.length === 0) return refuse("notFound");
    const entry = await tx.entry.findUniqueOrThrow({
      where: { id: input.entryId },
      include: { series: true, result: { include: { components: { select: { componentId: true } } } } },
    });
    if (!isReleased(caller, entry.series, "reviews", at)) return refuse("forbidden");
    if (!entry.result) return refuse("invalid", "reviewNoResult");
    if (input.componentId && !entry.result.components.some((c) => c.componentId === input.componentId)) {
      return refuse("invalid", "reviewComponentMismatch");
    }
    const open = await tx.reviewRequest.findFirst({
      where: { entryId: entry.id, kind: input.kind, status: { in: [...OPEN_STATUSES] } },
      select: { id: true },
    });
    if (open) return refuse("conflict", "reviewDuplicate");
    const created = await tx.reviewRequest.create({
      data: {
        centreId: caller.centreId,
        entryId: entry.id,
        componentId: input.componentId,
        kind: input.kind,
        status: "requested",
        requestedBy: caller.userId,
        notes: input.notes,
        createdAt: at,
      },
    });
    await audit(tx, {
      action: "post_results.request",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip,
      details: { requestId: created.id, kind: input.kind, entryId: entry.id, componentId: input.componentId },
      at,
    });
    return { ok: true, id: created.id };
  });
}
