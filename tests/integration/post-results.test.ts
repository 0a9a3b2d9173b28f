// Post-results (issue 6): reviews of marking / copies of scripts, and View scripts, on a real
// database — the DAL, the server action and the script download route handler. Only Auth.js's
// cookie and Next's request headers are stand-ins.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Candidate, Centre, Entry, Script, Series } from "@/lib/generated/prisma/client";
import { findLiveSession, type LiveSession } from "@/lib/data/identity/sessions";
import { listReviewRequests, requestReview, reviewableEntries, reviewSeries } from "@/lib/data/post-results/reviews";
import { listScriptCandidates, scriptSeries } from "@/lib/data/post-results/scripts";
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
import { createTestDb, type TestDb } from "@/tests/utils/test-db";

const state = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (state.sid ? { sid: state.sid } : null),
  signIn: async () => {},
  signOut: async () => {},
  entraConfigured: () => false,
  handlers: {},
}));
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
const request = { ip: "192.0.2.50", userAgent: "vitest" };

let db: TestDb;
let filesDir: string;
const savedFilesDir = process.env.FILES_DIR;
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

async function sessionOf(name: string, at: Date): Promise<LiveSession> {
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

/** Signs `name` in for the mocked cookie (null: signed out) and pins the server clock. */
async function actAs(name: string | null, at: Date) {
  vi.stubEnv("PORTH_FAKE_NOW", at.toISOString());
  state.sid = name ? (await sessionOf(name, at)).id : null;
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

describe("reviews of marking: who may request, and when", () => {
  it("an exams officer requests a review of marking from restricted release; it is listed as requested and audited", async () => {
    const eo = await sessionOf("eo", RESTRICTED);
    const made = await requestReview(eo, review(entryOf(0)), request, RESTRICTED);
    expect(made.ok).toBe(true);
    const rows = await listReviewRequests(eo, RESTRICTED);
    expect(rows?.map((r) => [r.kind, r.status])).toEqual([["REVIEW_OF_MARKING", "requested"]]);
    expect(rows?.[0].candidate.candidateNumber).toBe(
      candidatesA.find((c) => c.id === entryOf(0).candidateId)!.candidateNumber,
    );
    const events = await db.prisma.auditEvent.findMany({
      where: { action: "post_results.request", actorId: users.eo },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "success", centreId: centreA.id });
  });

  it("before the caller's release time: the request is refused and nothing is listed", async () => {
    const eo = await sessionOf("eo", BEFORE_RESTRICTED);
    expect(await requestReview(eo, review(entryOf(1)), request, BEFORE_RESTRICTED)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await listReviewRequests(eo, BEFORE_RESTRICTED)).toEqual([]);
    expect(await reviewableEntries(eo, series.id, BEFORE_RESTRICTED)).toEqual([]);
    const [option] = await reviewSeries(eo, BEFORE_RESTRICTED);
    expect(option).toMatchObject({ id: series.id, visible: false, releaseAt: RESTRICTED });

    // A teacher with results sees the centre's requests only from 08:00 London on results day.
    const before = await sessionOf("userResults", BEFORE_RELEASE);
    expect(await listReviewRequests(before, BEFORE_RELEASE)).toEqual([]);
    const after = await sessionOf("userResults", RELEASE);
    expect((await listReviewRequests(after, RELEASE))?.length).toBeGreaterThan(0);
  });

  it("Users with results may follow the list but not request (the server refuses); without results there is no access", async () => {
    const teacher = await sessionOf("userResults", AFTER);
    expect(await requestReview(teacher, review(entryOf(2)), request, AFTER)).toEqual({ ok: false, error: "forbidden" });
    expect(await reviewableEntries(teacher, series.id, AFTER)).toEqual([]);
    for (const name of ["user", "userScripts"]) {
      const s = await sessionOf(name, AFTER);
      expect(await listReviewRequests(s, AFTER), name).toBeNull();
      expect(await requestReview(s, review(entryOf(2)), request, AFTER), name).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    // Admins always hold results: they may request, with or without other grants.
    const admin = await sessionOf("adminBare", AFTER);
    expect((await requestReview(admin, review(entryOf(2), "COPY_OF_SCRIPT"), request, AFTER)).ok).toBe(true);
  });

  it("refuses a second open request of the same kind for the same entry, allows the other kind, and allows a new one once completed", async () => {
    const eo = await sessionOf("eo", AFTER);
    const entry = entryOf(3);
    const first = await requestReview(eo, review(entry), request, AFTER);
    expect(first.ok).toBe(true);
    expect(await requestReview(eo, review(entry), request, AFTER)).toEqual({ ok: false, error: "reviewDuplicate" });
    // Naming one component does not get round it.
    const componentId = (await db.prisma.componentResult.findFirstOrThrow({ where: { result: { entryId: entry.id } } }))
      .componentId;
    expect(await requestReview(eo, review(entry, "REVIEW_OF_MARKING", componentId), request, AFTER)).toEqual({
      ok: false,
      error: "reviewDuplicate",
    });
    await db.prisma.reviewRequest.update({
      where: { id: (first as { id: string }).id },
      data: { status: "in_progress" },
    });
    expect(await requestReview(eo, review(entry), request, AFTER)).toEqual({ ok: false, error: "reviewDuplicate" });
    expect((await requestReview(eo, review(entry, "COPY_OF_SCRIPT"), request, AFTER)).ok).toBe(true);
    await db.prisma.reviewRequest.update({
      where: { id: (first as { id: string }).id },
      data: { status: "completed", outcome: "grade_unchanged" },
    });
    expect((await requestReview(eo, review(entry), request, AFTER)).ok).toBe(true);
  });

  it("another centre's entry, or an unknown id, is not found", async () => {
    const other = await sessionOf("otherEo", AFTER);
    expect(await requestReview(other, review(entryOf(4)), request, AFTER)).toEqual({ ok: false, error: "notFound" });
    expect(await requestReview(other, { ...review(entryOf(4)), entryId: "c-no-such-entry" }, request, AFTER)).toEqual({
      ok: false,
      error: "notFound",
    });
    // …and centre A's requests are not in centre B's list.
    expect(await listReviewRequests(other, AFTER)).toEqual([]);
    expect(await db.prisma.reviewRequest.count({ where: { entryId: entryOf(4).id } })).toBe(0);
  });

  it("only for entries with a result, and only a component of that entry", async () => {
    const eo = await sessionOf("eo", AFTER);
    expect(await requestReview(eo, review(entryWithoutResult), request, AFTER)).toEqual({
      ok: false,
      error: "reviewNoResult",
    });
    expect((await reviewableEntries(eo, series.id, AFTER)).map((e) => e.id)).not.toContain(entryWithoutResult.id);

    const entry = entryOf(5);
    const own = await db.prisma.componentResult.findMany({
      where: { result: { entryId: entry.id } },
      select: { componentId: true },
    });
    const foreign = catalogue.components.find((c) => !own.some((o) => o.componentId === c.id))!;
    expect(await requestReview(eo, review(entry, "REVIEW_OF_MARKING", foreign.id), request, AFTER)).toEqual({
      ok: false,
      error: "reviewComponentMismatch",
    });
    const made = await requestReview(eo, review(entry, "REVIEW_OF_MARKING", own[0].componentId), request, AFTER);
    expect(made.ok).toBe(true);
    const row = (await listReviewRequests(eo, AFTER))!.find((r) => r.id === (made as { id: string }).id)!;
    expect(row.component?.code).toBe(catalogue.components.find((c) => c.id === own[0].componentId)!.code);
  });

  it("lists the centre's requests newest first and filters them by status", async () => {
    const eo = await sessionOf("eo", AFTER);
    const copy = await db.prisma.reviewRequest.findFirstOrThrow({
      where: { centreId: centreA.id, kind: "COPY_OF_SCRIPT", status: "requested" },
    });
    await db.prisma.reviewRequest.update({ where: { id: copy.id }, data: { status: "in_progress" } });
    const all = (await listReviewRequests(eo, AFTER))!;
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(["requested", "in_progress", "completed"]));
    const times = all.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const status of ["requested", "in_progress", "completed"] as const) {
      const rows = (await listReviewRequests(eo, AFTER, { status }))!;
      expect(rows.length, status).toBe(all.filter((r) => r.status === status).length);
      expect(rows.every((r) => r.status === status)).toBe(true);
    }
    // An unknown status is no filter at all.
    expect((await listReviewRequests(eo, AFTER, { status: "bogus" }))!.length).toBe(all.length);
  });
});

describe("the request server action", () => {
  const action = async () => (await import("@/app/(portal)/post-results/reviews/actions")).requestReviewAction;

  it("refuses Users (even with results) and callers without results before reading the form", async () => {
    const requestReviewAction = await action();
    for (const name of ["userResults", "user", "userScripts"]) {
      await actAs(name, AFTER);
      expect(
        await requestReviewAction({}, formOf({ entryId: entriesA[1].id, kind: "REVIEW_OF_MARKING" })),
        name,
      ).toEqual({ formError: "forbidden" });
    }
  });

  it("validates the form, then answers as the DAL does (not found, before release, success)", async () => {
    const requestReviewAction = await action();
    await actAs("eo", AFTER);
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
    await actAs("eo", BEFORE_RESTRICTED);
    expect(
      (
        await requestReviewAction(
          {},
          formOf({ entryId: entriesA[1].id, kind: "REVIEW_OF_MARKING", componentId: "", notes: "" }),
        )
      ).formError,
    ).toBe("forbidden");
    await actAs("eo", AFTER);
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
      const s = await sessionOf(name, AFTER);
      const rows = (await listScriptCandidates(s, series.id, AFTER))!;
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
      const s = await sessionOf(name, AFTER);
      expect(await listScriptCandidates(s, series.id, AFTER), name).toBeNull();
      expect(await scriptSeries(s, AFTER), name).toEqual([]);
    }
    const other = await sessionOf("otherEo", AFTER);
    const rows = (await listScriptCandidates(other, series.id, AFTER))!;
    expect(rows.flatMap((r) => r.scripts.map((s) => s.id)).sort()).toEqual(scriptsB.map((s) => s.id).sort());
  });

  it("shows nothing before the caller's release time (EO: restricted release; User: 08:00 on results day)", async () => {
    const eoBefore = await sessionOf("eo", BEFORE_RESTRICTED);
    expect(await listScriptCandidates(eoBefore, series.id, BEFORE_RESTRICTED)).toEqual([]);
    const eoAt = await sessionOf("eo", RESTRICTED);
    expect((await listScriptCandidates(eoAt, series.id, RESTRICTED))!.length).toBe(2);
    const userBefore = await sessionOf("userScripts", BEFORE_RELEASE);
    expect(await listScriptCandidates(userBefore, series.id, BEFORE_RELEASE)).toEqual([]);
    const userAt = await sessionOf("userScripts", RELEASE);
    expect((await listScriptCandidates(userAt, series.id, RELEASE))!.length).toBe(2);
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
    await actAs(null, AFTER);
    expect((await get(withConsent().id)).status).toBe(401);
  });

  it("403 without the scripts permission", async () => {
    for (const name of ["userResults", "adminBare", "user"]) {
      await actAs(name, AFTER);
      expect((await get(withConsent().id)).status, name).toBe(403);
    }
  });

  it("403 when the candidate's consent is not recorded, and the refusal is audited", async () => {
    await actAs("eo", AFTER);
    expect((await get(withoutConsent().id)).status).toBe(403);
    const denied = await db.prisma.auditEvent.findFirst({
      where: { action: "scripts.download", outcome: "denied", actorId: users.eo },
    });
    expect(denied?.details).toMatchObject({ scriptId: withoutConsent().id, reason: "noConsent" });
  });

  it("404 for another centre's script, an unknown id, and before the caller's release time", async () => {
    await actAs("otherEo", AFTER);
    expect((await get(withConsent().id)).status).toBe(404);
    await actAs("eo", AFTER);
    expect((await get(scriptsB[0].id)).status).toBe(404);
    expect((await get("no-such-script")).status).toBe(404);
    await actAs("eo", BEFORE_RESTRICTED);
    expect((await get(withConsent().id)).status).toBe(404);
    await actAs("userScripts", BEFORE_RELEASE);
    expect((await get(withConsent().id)).status).toBe(404);
  });

  it("200: streams the PDF privately as an attachment, and audits the download", async () => {
    await actAs("userScripts", RELEASE);
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
    await actAs("eo", AFTER);
    expect((await get(script.id)).status).toBe(404);
  });
});
