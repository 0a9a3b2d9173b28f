// The centre's moderator reports (docs/marks.md, "Moderator reports"), on a real database: a
// report is the centre's to read once the board has released it, with its sections in the
// report's order, the comments, and every candidate's mark before and after the adjustment
// (kept within 0 and the maximum; a code stays a code).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getModeratorReport, listModeratorReports } from "@/lib/data/marks/iamis-reports";
import { buildIamisWorld, fill, mark, type IamisWorld } from "./iamis/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let w: IamisWorld;
let reportId: string;
let entries: string[];

beforeAll(async () => {
  w = await buildIamisWorld();
  entries = await w.enter(w.centreA, 4);
  const sheet = await w.sheetOf(w.centreA);
  await w.as("eo");
  await fill(sheet, entries, [mark(58), mark(30), mark(2), mark(null, "A")]);
  await w.db.prisma.markSheet.update({ where: { id: sheet }, data: { status: "MODERATED" } });
  await w.db.prisma.markSample.createMany({
    data: entries.slice(0, 3).map((entryId) => ({ sheetId: sheet, entryId })),
  });
  for (const [entryId, total] of [
    [entries[0], 58],
    [entries[1], 25],
  ] as const)
    await w.db.prisma.mark.create({
      data: {
        entryId,
        componentId: w.oracy.id,
        source: "MODERATOR",
        total,
        updatedAt: new Date("2027-06-01T09:00:00Z"),
        updatedById: w.s.appointee.user.id,
      },
    });
  reportId = (
    await w.db.prisma.moderationReport.create({
      data: {
        sheetId: sheet,
        moderatorId: w.s.appointee.user.id,
        sections: { advice: "Annotate more.", administration: "Arrived on time.", unknown: "left out", criteria: "" },
        comments: "Thank you.",
        meanDifference: -3.5,
        adjustment: -4,
        submittedAt: new Date("2027-06-02T09:00:00Z"),
        releasedAt: new Date("2027-03-15T09:00:00Z"),
      },
    })
  ).id;
}, 120_000);
afterAll(async () => w?.db.close());

describe("a released report", () => {
  it("is listed for the centre with its adjustment", async () => {
    await w.as("userIamis");
    const r = await listModeratorReports();
    expect(r.ok && r.reports.map((x) => [x.id, x.componentCode, x.adjustment])).toEqual([[reportId, "9541/01", -4]]);
  });

  it("shows the sections in order, the comments, and each candidate's mark before and after", async () => {
    await w.as("eo");
    const r = await getModeratorReport(reportId);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.report.sections).toEqual([
      { key: "administration", text: "Arrived on time." },
      { key: "advice", text: "Annotate more." },
    ]);
    expect(r.report).toMatchObject({ comments: "Thank you.", meanDifference: -3.5, adjustment: -4, maxMark: 60 });
    expect(r.report.candidates.map((c) => [c.centre, c.moderated, c.sampled, c.after])).toEqual([
      [mark(58), 58, true, 54],
      [mark(30), 25, true, 26],
      [mark(2), null, true, 0],
      [mark(null, "A"), null, false, null],
    ]);
  });
});
