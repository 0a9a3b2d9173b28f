// View scripts (docs/product-rules.md ("Post-results services")), on a real database: the
// consenting candidates' marked scripts in the data layer and the script download route handler.
// Only Auth.js's cookie and Next's request headers are stand-ins; the world is in
// tests/integration/post-results/world.ts.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Candidate, Centre, Script, Series } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/auth/authorize";
import { listScriptCandidates, scriptSeries, type ScriptCandidate } from "@/lib/data/post-results/scripts";
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
let series: Series;
let centreA: Centre;
let candidatesA: Candidate[];
let scriptsA: PostResultsWorld["scriptsA"];
let scriptsB: Script[];
let users: PostResultsWorld["users"];
let signIn: PostResultsWorld["signIn"];
const savedFilesDir = process.env.FILES_DIR;
const savedNow = process.env.PORTH_FAKE_NOW;

beforeAll(async () => {
  ({ db, filesDir, series, centreA, candidatesA, scriptsA, scriptsB, users, signIn } = await buildPostResultsWorld());
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

const candidatesOf = (r: Result<{ candidates: ScriptCandidate[] }>) => okOf(r).candidates;

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
