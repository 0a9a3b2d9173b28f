// The exam timetable and centre details (docs/product-rules.md ("Resources and question
// papers")), against a real database and a throwaway file store. Only Auth.js's cookie and Next's
// request headers are stand-ins; the world is in tests/integration/resources/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { examTimetable } from "@/lib/data/resources/timetable";
import { groupTimetable, type TimetableExam } from "@/lib/resources/timetable";
import { getCentreDetails } from "@/lib/data/centre/details";
import { londonTime } from "@/lib/time";
import type { TestDb } from "../utils/test-db";
import { buildResourcesWorld, throwawayFileStore, type ResourcesWorld } from "./resources/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => ({
  ...(await import("../utils/next-mocks")).headersMock,
  headers: async () => new Headers({ "user-agent": "resources-test", "x-porth-peer": "203.0.113.9" }),
}));
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

// The world's resources and papers write their files to a throwaway store, never to .data/files.
throwawayFileStore();

let db: TestDb;
let prisma: PrismaClient;
let centres: ResourcesWorld["centres"];
let as: ResourcesWorld["as"];

beforeAll(async () => {
  ({ db, prisma, centres, as } = await buildResourcesWorld());
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.close();
});

// ───────────────────────── timetable and centre details ─────────────────────────

describe("exam timetable", () => {
  const exam = (code: string, at: Date): TimetableExam => ({
    componentCode: code,
    titleEn: code,
    titleCy: code,
    examAt: at,
    specification: { code: code.slice(0, 4), titleEn: "", titleCy: "", qualification: { nameEn: "", nameCy: "" } },
  });

  it("groups by London date and session in BST (12:00 BST is afternoon; 00:30 BST is the next day)", () => {
    const days = groupTimetable([
      exam("X/03", londonTime(2027, 6, 14, 12, 0)), // 11:00Z
      exam("X/02", londonTime(2027, 6, 14, 11, 59)), // 10:59Z
      exam("X/04", londonTime(2027, 6, 15, 0, 30)), // 23:30Z on the 14th
      exam("X/01", londonTime(2027, 6, 14, 9, 0)),
    ]);
    expect(days.map((d) => [d.date, d.sessions.map((s) => [s.session, s.exams.map((e) => e.componentCode)])])).toEqual([
      [
        "2027-06-14",
        [
          ["morning", ["X/01", "X/02"]],
          ["afternoon", ["X/03"]],
        ],
      ],
      ["2027-06-15", [["morning", ["X/04"]]]],
    ]);
  });

  it("lists the series' written components by date and session, in both languages", async () => {
    await as("userA");
    const result = await examTimetable("2027-06");
    if (!result.ok) throw new Error("denied");
    expect(result.series?.code).toBe("2027-06");
    const june15 = result.days.find((d) => d.date === "2027-06-15")!;
    expect(june15.sessions.map((s) => [s.session, s.exams.map((e) => e.componentCode)])).toEqual([
      ["morning", ["9531/03"]],
      ["afternoon", ["9621/01"]],
    ]);
    const maths = june15.sessions[0].exams[0];
    expect([maths.titleEn, maths.titleCy, maths.specification.qualification.nameCy]).toEqual([
      "Paper 3: Calculator",
      "Papur 3: Gyda chyfrifiannell",
      "TGAU",
    ]);
    const all = result.days.flatMap((d) => d.sessions.flatMap((s) => s.exams.map((e) => e.componentCode)));
    expect(all).not.toContain("9541/01"); // NEA (oracy) is not sat
    expect(all).toContain("9521/01");
  });

  it("shows only the picked series' exams", async () => {
    await prisma.series.create({
      data: {
        code: "2026-11",
        nameEn: "November 2026",
        nameCy: "Tachwedd 2026",
        resultsDay: new Date(Date.UTC(2027, 0, 14)),
        restrictedReleaseAt: londonTime(2027, 1, 13),
        releaseAt: londonTime(2027, 1, 14, 8),
        entryDeadline: londonTime(2026, 10, 4),
      },
    });
    await as("eoA");
    const nov = await examTimetable("2026-11");
    expect(nov.ok && [nov.series?.code, nov.days.length, nov.choices.map((c) => c.code)]).toEqual([
      "2026-11",
      0,
      ["2027-06", "2026-11"],
    ]);
    const fallback = await examTimetable("nonsense");
    expect(fallback.ok && fallback.series?.code).toBe("2026-11"); // the next series to release
    await as("board");
    expect(await examTimetable()).toEqual({ ok: false, error: "forbidden" });
    await as("appointee");
    expect(await examTimetable()).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("centre details", () => {
  it("shows the caller's own centre and its exams officer, to every centre account", async () => {
    await as("userA");
    const details = await getCentreDetails();
    if (!details.ok) throw new Error("denied");
    expect(details.number).toBe(centres.A.number);
    expect(details.addressLines).toEqual(["1 High Street", "Porth", "CF39 9AA"]);
    expect(details.examsOfficer).toEqual({ name: "Siân Exams", email: "eo@a.test" });
    await as("eoB");
    const other = await getCentreDetails();
    expect(other.ok && other.number).toBe(centres.B.number);
    await as("board");
    expect(await getCentreDetails()).toEqual({ ok: false, error: "forbidden" });
  });
});
