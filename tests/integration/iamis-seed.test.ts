// The demo board's IAMIS sheets (prisma/seed/iamis.ts): at 68101 and 68102 in June 2027, sheets
// not started, part-entered and submitted with their sample — and the demo moderator's
// component submitted at 68101, so the moderator has a sample to review.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listSheets } from "@/lib/data/marks/iamis-sheets";
import { sampleSize } from "@/lib/marks/moderation";
import { seedDemo } from "@/prisma/seed";
import { actAs } from "../utils/act-as";
import { openSession } from "../utils/sessions";
import { createTestDb, type TestDb } from "../utils/test-db";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
let filesDir: string;
const AT = new Date("2027-04-01T09:00:00Z");

beforeAll(async () => {
  filesDir = mkdtempSync(path.join(tmpdir(), "porth-iamis-seed-"));
  vi.stubEnv("FILES_DIR", filesDir);
  vi.stubEnv("MFA_ENCRYPTION_KEY", process.env.MFA_ENCRYPTION_KEY ?? "seed-test-key");
  db = await createTestDb();
  await seedDemo(db.prisma, { writeFiles: false });
}, 300_000);
afterAll(async () => {
  await db?.close();
  rmSync(filesDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

async function sheetsOf(email: string) {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
  await actAs(db.prisma, { id: await openSession(db.prisma, user.id, AT) }, AT);
  const listed = await listSheets("2027-06");
  if (!listed.ok) throw new Error(JSON.stringify(listed));
  return listed.sheets;
}

describe("the demo IAMIS sheets", () => {
  it.each(["eo@68101.test", "eo@68102.test"])(
    "%s sees sheets not started, in progress and submitted",
    async (email) => {
      const sheets = await sheetsOf(email);
      const states = new Set(sheets.map((s) => s.state));
      expect(states).toContain("notStarted");
      expect(states).toContain("inProgress");
      expect(states).toContain("submitted");
      for (const s of sheets.filter((x) => x.state === "inProgress")) {
        expect(s.entered).toBeGreaterThan(0);
        expect(s.entered).toBeLessThan(s.total);
      }
      for (const s of sheets.filter((x) => x.state === "submitted")) {
        expect(s.entered).toBe(s.total);
        const numeric = await db.prisma.mark.count({
          where: {
            componentId: (await db.prisma.markSheet.findUniqueOrThrow({ where: { id: s.id } })).componentId,
            source: "CENTRE",
            total: { not: null },
            entry: { status: "ENTERED", centre: { number: email.slice(3, 8) }, series: { code: "2027-06" } },
          },
        });
        expect(await db.prisma.markSample.count({ where: { sheetId: s.id } })).toBe(sampleSize(numeric));
      }
    },
  );

  it("the demo moderator's component is submitted at 68101, with its sample", async () => {
    const moderator = await db.prisma.user.findUniqueOrThrow({ where: { email: "moderator@appointees.test" } });
    const allocation = await db.prisma.allocation.findFirstOrThrow({
      where: { appointeeId: moderator.id, series: { code: "2027-06" } },
    });
    const sheet = await db.prisma.markSheet.findFirstOrThrow({
      where: { componentId: allocation.componentId, centre: { number: "68101" }, series: { code: "2027-06" } },
    });
    expect(sheet.status).toBe("SUBMITTED");
    expect(await db.prisma.markSample.count({ where: { sheetId: sheet.id } })).toBeGreaterThan(0);
  });
});
