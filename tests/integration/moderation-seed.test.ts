// The demo moderator's work as the demo seed leaves it (prisma/seed/moderation.ts), read through
// moderator mark input as they would see it: a sheet awaiting moderation, a moderated one with a
// released report and an adjustment, and a moderator they lead.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "./../utils/test-db";
import { actAs } from "../utils/act-as";
import { openSession } from "../utils/sessions";
import { seedDemo } from "@/prisma/seed";
import { TEAM_MODERATOR_EMAIL } from "@/prisma/seed/moderation";
import { moderationCentres, moderationOverview, moderationSheet } from "@/lib/data/marks/moderation";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const NOW = new Date();

beforeAll(async () => {
  process.env.MFA_ENCRYPTION_KEY ??= "seed-test-key";
  db = await createTestDb();
  await seedDemo(db.prisma, { candidatesPerCentre: 24, writeFiles: false });
  const moderator = await db.prisma.user.findUniqueOrThrow({ where: { email: "moderator@appointees.test" } });
  await actAs(db.prisma, { id: await openSession(db.prisma, moderator.id, NOW) }, NOW);
}, 180_000);
afterAll(async () => db?.close());

describe("the demo moderator", () => {
  it("has a sheet awaiting moderation at 68101 and a moderated one at 68102 with a released report", async () => {
    const overview = await moderationOverview();
    if (!overview.ok) throw new Error(`refused: ${overview.error}`);
    expect(overview.series?.code).toBe("2027-06");
    expect(overview.rows).toHaveLength(1);
    const [row] = overview.rows;
    expect(row.totals.centres).toBe(2);
    expect(row.totals.reportsCompleted).toBe(1);
    expect(row.totals.remaining).toBeGreaterThan(0);
    expect(row.totals.newMarks).toBeGreaterThan(0);

    const centres = await moderationCentres(row.allocationId);
    if (!centres.ok) throw new Error("refused");
    const by = (n: string) => centres.rows.find((r) => r.centre.number === n)?.sheet;
    expect(by("68101")).toMatchObject({ status: "SUBMITTED", report: "none", marked: 0 });
    expect(by("68101")!.sampleSize).toBeGreaterThan(0);
    expect(by("68102")).toMatchObject({ status: "MODERATED", report: "released" });
    expect(by("68102")!.adjustment).not.toBe(0);

    const moderated = await moderationSheet(row.allocationId, by("68102")!.id);
    if (!moderated.ok) throw new Error("refused");
    expect(moderated.canEdit).toBe(false);
    expect(moderated.review.remaining).toBe(0);
    expect(moderated.report?.releasedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it("leads a second moderator, whose work they can do", async () => {
    const overview = await moderationOverview();
    if (!overview.ok) throw new Error("refused");
    const member = overview.team.find((m) => m.email === TEAM_MODERATOR_EMAIL);
    expect(member).toBeDefined();
    const theirs = await moderationOverview({ as: member!.id });
    if (!theirs.ok) throw new Error("refused");
    expect(theirs.rows).toHaveLength(1);
    const centres = await moderationCentres(theirs.rows[0].allocationId);
    expect(centres.ok && centres.workingAs?.email).toBe(TEAM_MODERATOR_EMAIL);
  });
});
