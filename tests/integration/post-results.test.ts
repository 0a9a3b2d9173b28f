// Post-results (docs/product-rules.md ("Post-results services")): reviews of marking / copies of
// scripts, and View scripts, on a real database — the data layer, the server action and the
// script download route handler. Only Auth.js's cookie and Next's request headers are stand-ins.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Candidate, Centre, Entry, Script, Series } from "@/lib/generated/prisma/client";
import { findLiveSession } from "@/lib/data/identity/sessions";
import type { Result } from "@/lib/auth/authorize";
import {
  listReviewRequests,
  requestReview,
  reviewableEntries,
  reviewSeries,
  type ReviewableEntry,
  type ReviewRow,
} from "@/lib/data/post-results/reviews";
import { listScriptCandidates, scriptSeries, type ScriptCandidate } from "@/lib/data/post-results/scripts";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createQualificationCatalogue,
  createScripts,
  createSeries,
  createUser,
  setScriptConsent,
  type Catalogue,
} from "@/tests/factories";
import { actAs } from "@/tests/utils/act-as";
import { redirectTarget } from "@/tests/utils/next-mocks";
import { createTestDb, type TestDb } from "@/tests/utils/test-db";

vi.mock("@/lib/auth/config", async () => (await import("@/tests/utils/next-mocks")).authConfigMock);
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-real-ip": "192.0.2.60" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// June 2027: restricted release 00:00 London on 18 Aug (BST) = 2027-08-17T23:00Z; release 08:00
// London on results day 19 Aug = 07:00Z.
const BEFORE_RESTRICTED = new Date("2027-08-17T22:59:59Z");
const RESTRICTED = new Date("2027-08-17T23:00:00Z");
const BEFORE_RELEASE = new Date("2027-08-19T06:59:59Z");
const RELEASE = new Date("2027-08-19T07:00:00Z");
const AFTER = new Date("2027-09-01T09:00:00Z");

let db: TestDb;
let filesDir: string;
const savedFilesDir = process.env.FILES_DIR;
const savedNow = process.env.PORTH_FAKE_NOW;
let catalogue: Catalogue;
let series: Series;
let centreA: Centre;
let centreB: Centre;
let candidatesA: Candidate[];
let entriesA: Entry[];
let entryWithoutResult: Entry;
let entriesB: Entry[];
let scriptsA: (Script & { candidate: Candidate })[];
let scriptsB: Script[];
const users: Record<string, string> = {};

async function sessionOf(name: string, at: Date): Promise<{ id: string }> {
  const id = randomBytes(16).toString("hex");
  await db.prisma.session.create({
    data: {
      id,
      sessionToken: id,
      userId: users[name],
      expires: new Date(at.getTime() + 3600_000),
      lastSeenAt: at,
      mfaAt: at,
      createdAt: at,
    },
  });
  const session = await findLiveSession(id, at);
  if (!session) throw new Error(`no live session for ${name}`);
  return session;
}

/** Signs `name` in (a new session) for the next calls, at `at` (null: signed out). */
async function signIn(name: string | null, at: Date) {
  await actAs(db.prisma, name ? await sessionOf(name, at) : null, at);
}

function formOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

beforeAll(async () => {
  filesDir = mkdtempSync(path.join(tmpdir(), "porth-post-results-"));
  process.env.FILES_DIR = filesDir;
  db = await createTestDb();
  catalogue = await createQualificationCatalogue(db.prisma);
  series = await createSeries(db.prisma);
  centreA = await createCentre(db.prisma);
  centreB = await createCentre(db.prisma);

  candidatesA = await createCandidates(db.prisma, centreA, 6);
  entriesA = (await createEntriesAndResults(db.prisma, centreA, series, candidatesA, catalogue.specs)).entries;
  // Consent for 0001 and 0004; scripts for everybody, so a script without consent exists too.
  await setScriptConsent(db.prisma, candidatesA);
  await createScripts(db.prisma, centreA, series, candidatesA);
  scriptsA = await db.prisma.script.findMany({ where: { centreId: centreA.id }, include: { candidate: true } });
  const [late] = await createCandidates(db.prisma, centreA, 1, { startNumber: 7 });
  [entryWithoutResult] = (
    await createEntriesAndResults(db.prisma, centreA, series, [late], catalogue.specs, {
      entriesPerCandidate: [1, 1],
      withoutResults: true,
    })
  ).entries;

  const candidatesB = await createCandidates(db.prisma, centreB, 2);
  entriesB = (await createEntriesAndResults(db.prisma, centreB, series, candidatesB, catalogue.specs)).entries;
  await setScriptConsent(db.prisma, candidatesB, 1);
  scriptsB = await createScripts(db.prisma, centreB, series, candidatesB);

  const make = async (name: string, options: Parameters<typeof createUser>[1]) => {
    users[name] = (await createUser(db.prisma, options)).id;
  };
  await make("eo", { role: "EXAMS_OFFICER", centre: centreA });
  await make("admin", { role: "ADMIN", centre: centreA, grants: ["scripts"] });
  await make("adminBare", { role: "ADMIN", centre: centreA, grants: [] });
  await make("userResults", { role: "USER", centre: centreA, grants: ["results"] });
  await make("userScripts", { role: "USER", centre: centreA, grants: ["scripts"] });
  await make("user", { role: "USER", centre: centreA, grants: [] });
  await make("otherEo", { role: "EXAMS_OFFICER", centre: centreB });
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

/** The value of a data-layer answer that must not be a refusal. */
function okOf<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}
const rowsOf = (r: Result<{ rows: ReviewRow[] }>) => okOf(r).rows;
const entriesOf = (r: Result<{ entries: ReviewableEntry[] }>) => okOf(r).entries;
const candidatesOf = (r: Result<{ candidates: ScriptCandidate[] }>) => okOf(r).candidates;

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

describe("View scripts", () => {
  const consenting = () => candidatesA.filter((c) => ["0001", "0004"].includes(c.candidateNumber));

  it("lists only candidates whose consent is recorded, with their scripts, to holders of the scripts permission", async () => {
    for (const name of ["eo", "admin", "userScripts"]) {
      await signIn(name, AFTER);
      const rows = candidatesOf(await listScriptCandidates(series.id));
      expect(
        rows.map((r) => r.candidateNumber),
        name,
      ).toEqual(["0001", "0004"]);
      for (const r of rows) {
        const expected = scriptsA
          .filter((x) => x.candidateId === r.id)
          .map((x) => x.id)
          .sort();
        expect(r.scripts.map((x) => x.id).sort()).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
      }
    }
    expect(consenting()).toHaveLength(2);
  });

  it("shows nothing without the permission or to another centre", async () => {
    for (const name of ["userResults", "adminBare", "user"]) {
      await signIn(name, AFTER);
      expect(await listScriptCandidates(series.id), name).toEqual({ ok: false, error: "forbidden" });
      expect(await scriptSeries(), name).toEqual({ ok: false, error: "forbidden" });
    }
    await signIn("otherEo", AFTER);
    const rows = candidatesOf(await listScriptCandidates(series.id));
    expect(rows.flatMap((r) => r.scripts.map((s) => s.id)).sort()).toEqual(scriptsB.map((s) => s.id).sort());
  });

  it("shows nothing before the caller's release time (EO: restricted release; User: 08:00 on results day)", async () => {
    await signIn("eo", BEFORE_RESTRICTED);
    expect(await listScriptCandidates(series.id)).toEqual({ ok: true, candidates: [] });
    const eoSeries = await scriptSeries();
    expect(eoSeries.ok && eoSeries.series[0]).toMatchObject({ id: series.id, visible: false, releaseAt: RESTRICTED });
    await signIn("eo", RESTRICTED);
    expect(candidatesOf(await listScriptCandidates(series.id)).length).toBe(2);
    await signIn("userScripts", BEFORE_RELEASE);
    expect(await listScriptCandidates(series.id)).toEqual({ ok: true, candidates: [] });
    const userSeries = await scriptSeries();
    expect(userSeries.ok && userSeries.series[0]).toMatchObject({ id: series.id, visible: false, releaseAt: RELEASE });
    await signIn("userScripts", RELEASE);
    expect(candidatesOf(await listScriptCandidates(series.id)).length).toBe(2);
  });
});

describe("GET /api/files/scripts/[id]", () => {
  const get = async (id: string) => {
    const { GET } = await import("@/app/api/files/scripts/[id]/route");
    return GET(new Request(`http://localhost/api/files/scripts/${id}`), { params: Promise.resolve({ id }) });
  };
  const withConsent = () => scriptsA.find((s) => s.candidate.scriptConsent)!;
  const withoutConsent = () => scriptsA.find((s) => !s.candidate.scriptConsent)!;

  it("401 when signed out", async () => {
    await signIn(null, AFTER);
    expect((await get(withConsent().id)).status).toBe(401);
  });

  it("403 without the scripts permission", async () => {
    for (const name of ["userResults", "adminBare", "user"]) {
      await signIn(name, AFTER);
      expect((await get(withConsent().id)).status, name).toBe(403);
    }
  });

  it("403 when the candidate's consent is not recorded, and the refusal is audited", async () => {
    await signIn("eo", AFTER);
    expect((await get(withoutConsent().id)).status).toBe(403);
    const denied = await db.prisma.auditEvent.findFirst({
      where: { action: "scripts.download", outcome: "denied", actorId: users.eo },
    });
    expect(denied?.details).toMatchObject({ scriptId: withoutConsent().id, reason: "noConsent" });
  });

  it("404 for another centre's script, an unknown id, and before the caller's release time", async () => {
    await signIn("otherEo", AFTER);
    expect((await get(withConsent().id)).status).toBe(404);
    await signIn("eo", AFTER);
    expect((await get(scriptsB[0].id)).status).toBe(404);
    expect((await get("no-such-script")).status).toBe(404);
    await signIn("eo", BEFORE_RESTRICTED);
    expect((await get(withConsent().id)).status).toBe(404);
    await signIn("userScripts", BEFORE_RELEASE);
    expect((await get(withConsent().id)).status).toBe(404);
  });

  it("200: streams the PDF privately as an attachment, and audits the download", async () => {
    await signIn("userScripts", RELEASE);
    const before = await db.prisma.auditEvent.count({
      where: { action: "scripts.download", outcome: "success", actorId: users.userScripts },
    });
    const response = await get(withConsent().id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const after = await db.prisma.auditEvent.findMany({
      where: { action: "scripts.download", outcome: "success", actorId: users.userScripts },
    });
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      centreId: centreA.id,
      details: expect.objectContaining({ scriptId: withConsent().id }),
    });
  });

  it("404 when the file is missing from the store", async () => {
    const script = withConsent();
    rmSync(path.join(filesDir, script.fileKey));
    await signIn("eo", AFTER);
    expect((await get(script.id)).status).toBe(404);
  });
});
