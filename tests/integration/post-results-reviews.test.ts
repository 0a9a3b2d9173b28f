// Reviews of marking and copies of scripts (docs/product-rules.md ("Post-results services")), on a
// real database: who may request and when, the data layer and the server action. Only Auth.js's
// cookie and Next's request headers are stand-ins; the world is in
// tests/integration/post-results/world.ts.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Candidate, Centre, Entry, Series } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/auth/authorize";
import {
  listReviewRequests,
  requestReview,
  reviewableEntries,
  reviewSeries,
  type ReviewableEntry,
  type ReviewRow,
} from "@/lib/data/post-results/reviews";
import type { Catalogue } from "@/tests/factories";
import { redirectTarget } from "@/tests/utils/next-mocks";
import type { TestDb } from "@/tests/utils/test-db";
import {
  AFTER,
  BEFORE_RELEASE,
  BEFORE_RESTRICTED,
  buildPostResultsWorld,
  okOf,
  RELEASE,
  RESTRICTED,
  type PostResultsWorld,
} from "./post-results/world";

vi.mock("@/lib/auth/config", async () => (await import("@/tests/utils/next-mocks")).authConfigMock);
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-real-ip": "192.0.2.60" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: TestDb;
let filesDir: string;
let catalogue: Catalogue;
let series: Series;
let centreA: Centre;
let candidatesA: Candidate[];
let entriesA: Entry[];
let entryWithoutResult: Entry;
let entriesB: Entry[];
let users: PostResultsWorld["users"];
let signIn: PostResultsWorld["signIn"];
const savedFilesDir = process.env.FILES_DIR;
const savedNow = process.env.PORTH_FAKE_NOW;

beforeAll(async () => {
  ({ db, filesDir, catalogue, series, centreA, candidatesA, entriesA, entryWithoutResult, entriesB, users, signIn } =
    await buildPostResultsWorld());
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.close();
  rmSync(filesDir, { recursive: true, force: true });
  if (savedFilesDir === undefined) delete process.env.FILES_DIR;
  else process.env.FILES_DIR = savedFilesDir;
  if (savedNow === undefined) delete process.env.PORTH_FAKE_NOW;
  else process.env.PORTH_FAKE_NOW = savedNow;
});

function formOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

const entryOf = (i: number) => entriesA[i];
const review = (
  entry: Entry,
  kind: "REVIEW_OF_MARKING" | "COPY_OF_SCRIPT" = "REVIEW_OF_MARKING",
  componentId: string | null = null,
) => ({
  entryId: entry.id,
  kind,
  componentId,
  notes: "",
});

const rowsOf = (r: Result<{ rows: ReviewRow[] }>) => okOf(r).rows;
const entriesOf = (r: Result<{ entries: ReviewableEntry[] }>) => okOf(r).entries;

describe("reviews of marking: who may request, and when", () => {
  it("an exams officer requests a review of marking from restricted release; it is listed as requested and audited", async () => {
    await signIn("eo", RESTRICTED);
    const made = await requestReview(review(entryOf(0)));
    expect(made.ok).toBe(true);
    const rows = rowsOf(await listReviewRequests());
    expect(rows.map((r) => [r.kind, r.status])).toEqual([["REVIEW_OF_MARKING", "requested"]]);
    expect(rows[0].candidate.candidateNumber).toBe(
      candidatesA.find((c) => c.id === entryOf(0).candidateId)!.candidateNumber,
    );
    const events = await db.prisma.auditEvent.findMany({
      where: { action: "post_results.request", actorId: users.eo },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "success", centreId: centreA.id });
  });

  it("before the caller's release time: the request is refused and nothing is listed", async () => {
    await signIn("eo", BEFORE_RESTRICTED);
    expect(await requestReview(review(entryOf(1)))).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await listReviewRequests()).toEqual({ ok: true, rows: [] });
    expect(await reviewableEntries(series.id)).toEqual({ ok: true, entries: [] });
    const options = await reviewSeries();
    expect(options.ok && options.series[0]).toMatchObject({ id: series.id, visible: false, releaseAt: RESTRICTED });
    expect(options).toMatchObject({ ok: true, canRequest: true, at: BEFORE_RESTRICTED });

    // A teacher with results sees the centre's requests only from 08:00 London on results day.
    await signIn("userResults", BEFORE_RELEASE);
    expect(await listReviewRequests()).toEqual({ ok: true, rows: [] });
    await signIn("userResults", RELEASE);
    expect(rowsOf(await listReviewRequests()).length).toBeGreaterThan(0);
  });

  it("Users with results may follow the list but not request (the server refuses); without results there is no access", async () => {
    await signIn("userResults", AFTER);
    expect(await requestReview(review(entryOf(2)))).toEqual({ ok: false, error: "forbidden" });
    expect(await reviewableEntries(series.id)).toEqual({ ok: true, entries: [] });
    expect(await reviewSeries()).toMatchObject({ ok: true, canRequest: false });
    for (const name of ["user", "userScripts"]) {
      await signIn(name, AFTER);
      expect(await listReviewRequests(), name).toEqual({ ok: false, error: "forbidden" });
      expect(await reviewSeries(), name).toEqual({ ok: false, error: "forbidden" });
      expect(await requestReview(review(entryOf(2))), name).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    // Admins always hold results: they may request, with or without other grants.
    await signIn("adminBare", AFTER);
    expect((await requestReview(review(entryOf(2), "COPY_OF_SCRIPT"))).ok).toBe(true);
  });

  it("refuses a second open request of the same kind for the same entry, allows the other kind, and allows a new one once completed", async () => {
    await signIn("eo", AFTER);
    const duplicate = { ok: false, error: "conflict", reason: "reviewDuplicate" };
    const entry = entryOf(3);
    const first = await requestReview(review(entry));
    expect(first.ok).toBe(true);
    expect(await requestReview(review(entry))).toEqual(duplicate);
    // Naming one component does not get round it.
    const componentId = (await db.prisma.componentResult.findFirstOrThrow({ where: { result: { entryId: entry.id } } }))
      .componentId;
    expect(await requestReview(review(entry, "REVIEW_OF_MARKING", componentId))).toEqual(duplicate);
    await db.prisma.reviewRequest.update({
      where: { id: (first as { id: string }).id },
      data: { status: "in_progress" },
    });
    expect(await requestReview(review(entry))).toEqual(duplicate);
    expect((await requestReview(review(entry, "COPY_OF_SCRIPT"))).ok).toBe(true);
    await db.prisma.reviewRequest.update({
      where: { id: (first as { id: string }).id },
      data: { status: "completed", outcome: "grade_unchanged" },
    });
    expect((await requestReview(review(entry))).ok).toBe(true);
  });

  it("another centre's entry, or an unknown id, is not found", async () => {
    await signIn("otherEo", AFTER);
    expect(await requestReview(review(entryOf(4)))).toEqual({ ok: false, error: "notFound" });
    expect(await requestReview({ ...review(entryOf(4)), entryId: "c-no-such-entry" })).toEqual({
      ok: false,
      error: "notFound",
    });
    // …and centre A's requests are not in centre B's list.
    expect(await listReviewRequests()).toEqual({ ok: true, rows: [] });
    expect(await db.prisma.reviewRequest.count({ where: { entryId: entryOf(4).id } })).toBe(0);
  });

  it("only for entries with a result, and only a component of that entry", async () => {
    await signIn("eo", AFTER);
    expect(await requestReview(review(entryWithoutResult))).toEqual({
      ok: false,
      error: "invalid",
      reason: "reviewNoResult",
    });
    expect(entriesOf(await reviewableEntries(series.id)).map((e) => e.id)).not.toContain(entryWithoutResult.id);

    const entry = entryOf(5);
    const own = await db.prisma.componentResult.findMany({
      where: { result: { entryId: entry.id } },
      select: { componentId: true },
    });
    const foreign = catalogue.components.find((c) => !own.some((o) => o.componentId === c.id))!;
    expect(await requestReview(review(entry, "REVIEW_OF_MARKING", foreign.id))).toEqual({
      ok: false,
      error: "invalid",
      reason: "reviewComponentMismatch",
    });
    const made = await requestReview(review(entry, "REVIEW_OF_MARKING", own[0].componentId));
    expect(made.ok).toBe(true);
    const row = rowsOf(await listReviewRequests()).find((r) => r.id === (made as { id: string }).id)!;
    expect(row.component?.code).toBe(catalogue.components.find((c) => c.id === own[0].componentId)!.code);
  });

  it("lists the centre's requests newest first and filters them by status", async () => {
    await signIn("eo", AFTER);
    const copy = await db.prisma.reviewRequest.findFirstOrThrow({
      where: { centreId: centreA.id, kind: "COPY_OF_SCRIPT", status: "requested" },
    });
    await db.prisma.reviewRequest.update({ where: { id: copy.id }, data: { status: "in_progress" } });
    const all = rowsOf(await listReviewRequests());
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(["requested", "in_progress", "completed"]));
    const times = all.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const status of ["requested", "in_progress", "completed"] as const) {
      const rows = rowsOf(await listReviewRequests({ status }));
      expect(rows.length, status).toBe(all.filter((r) => r.status === status).length);
      expect(rows.every((r) => r.status === status)).toBe(true);
    }
    // An unknown status is no filter at all.
    expect(rowsOf(await listReviewRequests({ status: "bogus" })).length).toBe(all.length);
  });
});

describe("the request server action", () => {
  const action = async () => (await import("@/app/(portal)/post-results/reviews/actions")).requestReviewAction;

  it("refuses Users (even with results) and callers without results before reading the form", async () => {
    const requestReviewAction = await action();
    for (const name of ["userResults", "user", "userScripts"]) {
      await signIn(name, AFTER);
      expect(
        await requestReviewAction({}, formOf({ entryId: entriesA[1].id, kind: "REVIEW_OF_MARKING" })),
        name,
      ).toEqual({ formError: "forbidden" });
      // A form that does not parse is refused the same way: no field errors for a caller without the right.
      expect(await requestReviewAction({}, formOf({ entryId: "", kind: "REGRADE" })), name).toEqual({
        formError: "forbidden",
      });
    }
    // Signed out: to the sign-in page, whatever the form.
    await signIn(null, AFTER);
    const thrown = await requestReviewAction({}, formOf({ entryId: "", kind: "REGRADE" })).catch((e: unknown) => e);
    expect(redirectTarget(thrown)).toBe("/sign-in");
  });

  it("validates the form, then answers as the DAL does (not found, before release, success)", async () => {
    const requestReviewAction = await action();
    await signIn("eo", AFTER);
    const bad = await requestReviewAction(
      {},
      formOf({ entryId: entriesA[1].id, kind: "REGRADE", componentId: "", notes: "" }),
    );
    expect(bad.fieldErrors?.kind).toEqual(["invalidChoice"]);
    expect(
      (
        await requestReviewAction(
          {},
          formOf({ entryId: entriesB[0].id, kind: "REVIEW_OF_MARKING", componentId: "", notes: "" }),
        )
      ).formError,
    ).toBe("notFound");
    await signIn("eo", BEFORE_RESTRICTED);
    expect(
      (
        await requestReviewAction(
          {},
          formOf({ entryId: entriesA[1].id, kind: "REVIEW_OF_MARKING", componentId: "", notes: "" }),
        )
      ).formError,
    ).toBe("forbidden");
    await signIn("eo", AFTER);
    const ok = await requestReviewAction(
      {},
      formOf({
        entryId: entriesA[1].id,
        kind: "REVIEW_OF_MARKING",
        componentId: "",
        notes: "Paper 1 looks under-marked.",
      }),
    );
    expect(ok).toEqual({ ok: true });
    const saved = await db.prisma.reviewRequest.findFirstOrThrow({
      where: { entryId: entriesA[1].id, kind: "REVIEW_OF_MARKING" },
    });
    expect(saved).toMatchObject({
      status: "requested",
      notes: "Paper 1 looks under-marked.",
      requestedBy: users.eo,
      centreId: centreA.id,
    });
    const again = await requestReviewAction(
      {},
      formOf({ entryId: entriesA[1].id, kind: "REVIEW_OF_MARKING", componentId: "", notes: "" }),
    );
    expect(again.fieldErrors?.entryId).toEqual(["reviewDuplicate"]);
  });
});
