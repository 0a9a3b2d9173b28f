import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySecret } from "@/lib/auth/password";
import { decryptSecret } from "@/lib/auth/secret-box";
import {
  assertSeedAllowed,
  countRows,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  parseSeedArgs,
  seedDemo,
  SeedRefusedError,
  type DemoCounts,
} from "@/prisma/seed";
import { SCALE_FIRST_CENTRE_NUMBER, seedScale } from "@/prisma/seed-scale";
import { gradeFor } from "@/tests/factories";
import { createTestDb, type TestDb } from "@/tests/utils/test-db";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let db: TestDb;
let filesDir: string;
let firstCounts: DemoCounts;
let firstRun: { skipped: boolean };
const savedEnv = { FILES_DIR: process.env.FILES_DIR, MFA_ENCRYPTION_KEY: process.env.MFA_ENCRYPTION_KEY };

beforeAll(async () => {
  filesDir = mkdtempSync(path.join(tmpdir(), "porth-seed-files-"));
  process.env.FILES_DIR = filesDir;
  process.env.MFA_ENCRYPTION_KEY ??= "seed-test-key";
  db = await createTestDb();
  firstRun = await seedDemo(db.prisma);
  firstCounts = await countRows(db.prisma);
}, 120_000);

afterAll(async () => {
  await db?.close();
  rmSync(filesDir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("demo seed", () => {
  it("builds the demo board", async () => {
    expect(firstRun.skipped).toBe(false);
    expect(firstCounts).toMatchObject({
      centres: 3,
      users: DEMO_ACCOUNTS.length,
      candidates: 180,
      specifications: 8,
      questionPapers: 17,
    });
    expect(firstCounts.results).toBe(firstCounts.entries);
    // June 2027 (under embargo): 3 to 5 entries a candidate; June 2026 (released): 2 or 3.
    const entriesIn = async (code: string) => db.prisma.entry.count({ where: { series: { code } } });
    expect(await entriesIn("2027-06")).toBeGreaterThanOrEqual(180 * 3);
    expect(await entriesIn("2027-06")).toBeLessThanOrEqual(180 * 5);
    expect(await entriesIn("2026-06")).toBeGreaterThanOrEqual(180 * 2);
    expect(await entriesIn("2026-06")).toBeLessThanOrEqual(180 * 3);
    expect(firstCounts.gradeBoundaries).toBeGreaterThan(0);
    expect(firstCounts.resources).toBeGreaterThan(50);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const second = await seedDemo(db.prisma);
    expect(second.skipped).toBe(true);
    expect(await countRows(db.prisma)).toEqual(firstCounts);
  });

  it("creates the demo accounts with their roles, centres, grants and an active TOTP factor", async () => {
    const users = await db.prisma.user.findMany({ include: { centre: true, grants: true, mfaFactors: true } });
    for (const account of DEMO_ACCOUNTS) {
      const user = users.find((u) => u.email === account.email);
      expect(user, account.email).toBeDefined();
      expect(user!.role).toBe(account.role);
      expect(user!.centre?.number ?? null).toBe(account.centre ?? null);
      expect(user!.appointeeType).toBe(account.appointeeType ?? null);
      expect(user!.grants.map((g) => g.permission).sort()).toEqual([...(account.grants ?? [])].sort());
      expect(user!.mustChangePassword).toBe(false);
      expect(user!.emailVerified).toBeInstanceOf(Date);
      expect(user!.name).not.toBe("");
      const active = user!.mfaFactors.filter((f) => f.active);
      expect(active).toHaveLength(1);
      expect(active[0].method).toBe("TOTP");
      expect(decryptSecret(active[0].secretEncrypted!)).toBe(DEMO_TOTP_SECRET);
    }
    // The password is hashed once and shared: checking one account checks them all.
    const hashes = new Set(users.map((u) => u.passwordHash));
    expect(hashes.size).toBe(1);
    expect(await verifySecret(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);

    const admin = users.find((u) => u.email === "admin@68101.test")!;
    expect(admin.grants.map((g) => g.permission).sort()).toEqual(["a2c", "access_arrangements", "iamis", "scripts"]);
    const teacher = users.find((u) => u.email === "results.teacher@68101.test")!;
    expect(teacher.grants.map((g) => g.permission).sort()).toEqual(["entries", "iamis", "results"]);
  });

  it("shows a board mid-cycle: June 2026 released before today, June 2027 still under embargo", async () => {
    const today = new Date("2026-11-30T12:00:00Z");
    const past = await db.prisma.series.findUniqueOrThrow({ where: { code: "2026-06" } });
    expect(past.resultsDay.toISOString().slice(0, 10)).toBe("2026-08-20");
    expect(past.releaseAt.toISOString()).toBe("2026-08-20T07:00:00.000Z");
    expect(past.releaseAt.getTime()).toBeLessThan(today.getTime());
    expect(await db.prisma.gradeBoundary.count({ where: { seriesId: past.id } })).toBeGreaterThan(0);
    const next = await db.prisma.series.findUniqueOrThrow({ where: { code: "2027-06" } });
    expect(next.restrictedReleaseAt.getTime()).toBeGreaterThan(today.getTime());
  });

  it("gives the demo examiner and moderator work in June 2027 at centres with entries for it", async () => {
    for (const [email, kind] of [
      ["examiner@appointees.test", "EXAMINER"],
      ["moderator@appointees.test", "MODERATOR"],
    ] as const) {
      const allocations = await db.prisma.allocation.findMany({
        where: { appointee: { email } },
        include: { series: true, component: true, centres: true },
      });
      expect(allocations, email).toHaveLength(1);
      const [a] = allocations;
      expect(a).toMatchObject({ kind, series: { code: "2027-06" } });
      expect(a.component.internallyAssessed).toBe(kind === "MODERATOR");
      expect(a.centres.length).toBe(2);
      for (const { centreId } of a.centres)
        expect(
          await db.prisma.entry.count({
            where: { centreId, seriesId: a.seriesId, specificationId: a.component.specificationId },
          }),
        ).toBeGreaterThan(0);
    }
  });

  it("sets the June 2027 results day and release times (Europe/London)", async () => {
    const series = await db.prisma.series.findUniqueOrThrow({ where: { code: "2027-06" } });
    expect(series.resultsDay.toISOString().slice(0, 10)).toBe("2027-08-19");
    expect(series.restrictedReleaseAt.toISOString()).toBe("2027-08-17T23:00:00.000Z");
    expect(series.releaseAt.toISOString()).toBe("2027-08-19T07:00:00.000Z");
    expect(series.entryDeadline.toISOString()).toBe("2027-02-21T23:59:59.000Z");
  });

  it("gives consistent marks and grades", async () => {
    const results = await db.prisma.result.findMany({
      include: {
        components: { include: { component: { include: { boundaries: true } } } },
        entry: { include: { specification: { include: { qualification: true, components: true } } } },
      },
    });
    for (const r of results) {
      const spec = r.entry.specification;
      expect(r.components).toHaveLength(spec.components.length);
      let total = 0;
      for (const cr of r.components) {
        expect(cr.itemMarks.reduce((a, b) => a + b, 0)).toBe(cr.mark);
        expect(cr.mark).toBeGreaterThanOrEqual(0);
        expect(cr.mark).toBeLessThanOrEqual(cr.component.maxMark);
        total += cr.mark;
      }
      // The boundaries of the result's own series.
      const boundaries = r.components.map((cr) => cr.component.boundaries.filter((b) => b.seriesId === r.seriesId));
      expect(r.grade).toBe(gradeFor(total, boundaries, spec.qualification.code));
    }
    const grades = new Set(results.map((r) => r.grade));
    expect(grades.has("A*") || grades.has("A")).toBe(true);
    expect(grades.has("9") || grades.has("8")).toBe(true);
  });

  it("numbers candidates from 0001 with UCIs carrying the centre number, and Welsh digraph names", async () => {
    const centre = await db.prisma.centre.findUniqueOrThrow({ where: { number: "68101" } });
    const candidates = await db.prisma.candidate.findMany({
      where: { centreId: centre.id },
      orderBy: { candidateNumber: "asc" },
    });
    expect(candidates).toHaveLength(60);
    expect(candidates[0].candidateNumber).toBe("0001");
    expect(candidates[59].candidateNumber).toBe("0060");
    for (const c of candidates) expect(c.uci).toMatch(/^68101\d{7}[A-Z]$/);
    const surnames = candidates.map((c) => c.lastName);
    for (const prefix of ["Ch", "Ll", "Rh", "Th", "Ff"])
      expect(
        surnames.some((s) => s.startsWith(prefix)),
        prefix,
      ).toBe(true);
    expect(candidates.some((c) => c.firstName.startsWith("Dd"))).toBe(true);
  });

  it("records script consent for about a third of each centre's candidates, with a script PDF per component result of theirs only", async () => {
    const centres = await db.prisma.centre.findMany({ where: { number: { in: ["68101", "68102", "68103"] } } });
    for (const centre of centres) {
      const candidates = await db.prisma.candidate.findMany({ where: { centreId: centre.id } });
      const consenting = candidates.filter((c) => c.scriptConsent);
      expect(consenting.length, centre.number).toBe(20);
      const componentResults = await db.prisma.componentResult.count({
        where: { result: { centreId: centre.id, entry: { candidate: { scriptConsent: true } } } },
      });
      const scripts = await db.prisma.script.findMany({
        where: { centreId: centre.id },
        include: { candidate: true, componentResult: { include: { result: { include: { entry: true } } } } },
      });
      expect(scripts.length).toBe(componentResults);
      for (const s of scripts) {
        expect(s.candidate.scriptConsent).toBe(true);
        expect(s.componentResult.result.entry.candidateId).toBe(s.candidateId);
        expect(s.componentResult.componentId).toBe(s.componentId);
        expect(s.entryId).toBe(s.componentResult.result.entryId);
      }
      expect(readFileSync(path.join(filesDir, scripts[0].fileKey)).subarray(0, 5).toString()).toBe("%PDF-");
    }
    expect(firstCounts.scripts).toBeGreaterThan(0);
  });

  it("adds post-results requests in each status for the centres with an exams officer", async () => {
    const requests = await db.prisma.reviewRequest.findMany({
      include: { entry: { include: { result: true } }, centre: true },
    });
    expect(new Set(requests.map((r) => r.centre.number))).toEqual(new Set(["68101", "68102"]));
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(["requested", "in_progress", "completed"]));
    for (const r of requests) {
      expect(r.entry.centreId).toBe(r.centreId);
      expect(r.entry.result).not.toBeNull();
    }
    expect(requests.some((r) => r.outcome === "grade_changed" && r.newGrade)).toBe(true);
  });

  it("writes a PDF for every resource and question paper into FILES_DIR", async () => {
    const keys = [
      ...(await db.prisma.resource.findMany({ select: { fileKey: true } })),
      ...(await db.prisma.questionPaper.findMany({ select: { fileKey: true } })),
    ].map((r) => r.fileKey);
    for (const key of keys) expect(existsSync(path.join(filesDir, key)), key).toBe(true);
    expect(readFileSync(path.join(filesDir, keys[0])).subarray(0, 5).toString()).toBe("%PDF-");
    const paper = await db.prisma.questionPaper.findFirstOrThrow({ where: { component: { code: "9521/01" } } });
    expect(paper.availableAt.toISOString()).toBe("2027-06-07T07:30:00.000Z"); // 08:30 BST
  });
});

describe("large seed (small numbers)", () => {
  const check = async (firstNumber: string, centres: number, candidates: number) => {
    const rows = await db.prisma.candidate.findMany({
      where: { centre: { number: { gte: firstNumber } } },
      select: { candidateNumber: true, uci: true, centre: { select: { number: true } } },
    });
    expect(rows).toHaveLength(candidates);
    expect(new Set(rows.map((r) => r.centre.number)).size).toBe(centres);
    for (const r of rows) expect(r.uci.startsWith(r.centre.number)).toBe(true);
    const results = await db.prisma.result.findMany({
      where: { centreId: { startsWith: "xs" }, entry: { centre: { number: { gte: firstNumber } } } },
      include: {
        components: { include: { component: { include: { boundaries: true } } } },
        entry: { include: { specification: { include: { qualification: true } } } },
      },
    });
    expect(results.length).toBeGreaterThanOrEqual(candidates * 3);
    for (const r of results) {
      const total = r.components.reduce((sum, cr) => sum + cr.mark, 0);
      for (const cr of r.components) expect(cr.itemMarks.reduce((a, b) => a + b, 0)).toBe(cr.mark);
      expect(r.grade).toBe(
        gradeFor(
          total,
          r.components.map((cr) => cr.component.boundaries),
          r.entry.specification.qualification.code,
        ),
      );
    }
  };

  it("loads by COPY on PGlite (INSERT on PostgreSQL) and skips what is already there", async () => {
    const before = await countRows(db.prisma);
    const first = await seedScale(db.prisma, { centres: 3, candidates: 400, centresPerBatch: 2, pglite: db.pglite });
    expect(first).toMatchObject({ skipped: false, centresAdded: 3 });
    const after = await countRows(db.prisma);
    expect(after.centres - before.centres).toBe(3);
    expect(after.candidates - before.candidates).toBe(400);
    await check(String(SCALE_FIRST_CENTRE_NUMBER), 3, 400);
    const again = await seedScale(db.prisma, { centres: 3, candidates: 400, pglite: db.pglite });
    expect(again.skipped).toBe(true);
    expect(await countRows(db.prisma)).toEqual(after);
  }, 60_000);

  it("loads by multi-row INSERT with foreign-key checks", async () => {
    const first = await seedScale(db.prisma, {
      centres: 2,
      candidates: 150,
      firstCentreNumber: 79001,
      pglite: null,
      foreignKeyChecks: true,
    });
    expect(first).toMatchObject({ skipped: false, centresAdded: 2 });
    await check("79001", 2, 150);
  }, 60_000);
});

describe("seed guard", () => {
  it("refuses under NODE_ENV=production without --force", () => {
    const env = { NODE_ENV: "production", MFA_ENCRYPTION_KEY: "k" } as NodeJS.ProcessEnv;
    expect(() => assertSeedAllowed(env, parseSeedArgs([]))).toThrow(SeedRefusedError);
    expect(() => assertSeedAllowed(env, parseSeedArgs(["--force"]))).not.toThrow();
    expect(() =>
      assertSeedAllowed({ NODE_ENV: "development", MFA_ENCRYPTION_KEY: "k" } as NodeJS.ProcessEnv, parseSeedArgs([])),
    ).not.toThrow();
    expect(() => assertSeedAllowed({ NODE_ENV: "development" } as NodeJS.ProcessEnv, parseSeedArgs([]))).toThrow(
      /MFA_ENCRYPTION_KEY/,
    );
    expect(parseSeedArgs(["--scale", "board"]).scale).toBe("board");
    expect(() => parseSeedArgs(["--scale", "galaxy"])).toThrow(SeedRefusedError);
  });

  it("the CLI exits 1 before touching the database", () => {
    const dataDir = path.join(filesDir, "never-created");
    const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", PGLITE_DIR: dataDir, DATABASE_URL: "", MFA_ENCRYPTION_KEY: "k" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Refusing to seed: NODE_ENV=production/);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
