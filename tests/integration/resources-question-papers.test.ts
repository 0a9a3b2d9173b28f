// Today's question papers (docs/product-rules.md ("Resources and question papers")), against a
// real database and a throwaway file store: the release window in BST and GMT, the list, and the
// download route handler with its audit, called directly. Only Auth.js's cookie and Next's request
// headers are stand-ins; the world is in tests/integration/resources/world.ts.
import { readFile as readDisk } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient, QuestionPaper } from "@/lib/generated/prisma/client";
import { todaysQuestionPapers } from "@/lib/data/resources/question-papers";
import { isPaperAvailable, releaseWindow } from "@/lib/resources/question-paper-window";
import { londonTime } from "@/lib/time";
import type { TestDb } from "../utils/test-db";
import type { Catalogue } from "../factories/catalogue";
import { buildResourcesWorld, throwawayFileStore, type ResourcesWorld } from "./resources/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => ({
  ...(await import("../utils/next-mocks")).headersMock,
  headers: async () => new Headers({ "user-agent": "resources-test", "x-porth-peer": "203.0.113.9" }),
}));
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

const FILES = throwawayFileStore();

let db: TestDb;
let prisma: PrismaClient;
let catalogue: Catalogue;
let papers: QuestionPaper[];
let centres: ResourcesWorld["centres"];
let as: ResourcesWorld["as"];

beforeAll(async () => {
  ({ db, prisma, catalogue, papers, centres, as } = await buildResourcesWorld());
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.close();
});

const paperRoute = async (id: string) =>
  (await import("@/app/api/files/question-papers/[id]/route")).GET(
    new Request(`http://localhost/api/files/question-papers/${id}`),
    { params: Promise.resolve({ id }) },
  );

const paperOf = (componentCode: string) =>
  papers.find((p) => p.componentId === catalogue.components.find((c) => c.code === componentCode)!.id)!;

// ───────────────────────── today's question papers ─────────────────────────

// 9531/03 (Maths, centre A) and 9621/01 (Computer Science, centre B) are both sat on Tuesday
// 15 June 2027; papers are released at 08:30 London = 07:30Z (BST).
const JUNE_15_EARLY = "2027-06-15T07:29:59Z";
const JUNE_15_RELEASE = "2027-06-15T07:30:00Z";

describe("today's question papers", () => {
  it("opens a paper at its release time and closes it at the end of that London day (BST and GMT)", () => {
    const bst = londonTime(2027, 6, 15, 8, 30);
    expect(releaseWindow(bst).until.toISOString()).toBe("2027-06-15T23:00:00.000Z");
    expect(isPaperAvailable(bst, new Date(bst.getTime() - 1))).toBe(false);
    expect(isPaperAvailable(bst, bst)).toBe(true);
    const gmt = londonTime(2027, 1, 12, 9, 0);
    expect(releaseWindow(gmt).until.toISOString()).toBe("2027-01-13T00:00:00.000Z");
    expect(isPaperAvailable(gmt, new Date("2027-01-12T23:59:59Z"))).toBe(true);
    expect(isPaperAvailable(gmt, new Date("2027-01-13T00:00:00Z"))).toBe(false);
  });

  it("refuses Users (never) and board staff", async () => {
    await as("userA", JUNE_15_RELEASE);
    expect(await todaysQuestionPapers()).toEqual({ ok: false, error: "forbidden" });
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(403);
    await as("board", JUNE_15_RELEASE);
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(403);
    await as(null, JUNE_15_RELEASE);
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(401);
  });

  it("lists only components the centre has entries for", async () => {
    await as("eoA", JUNE_15_RELEASE);
    const a = await todaysQuestionPapers();
    expect(a.ok && a.papers.map((p) => p.component.code)).toEqual(["9531/03"]);
    await as("eoB", JUNE_15_RELEASE);
    const b = await todaysQuestionPapers();
    expect(b.ok && b.papers.map((p) => p.component.code)).toEqual(["9621/01"]);
    // Centre B has no Maths entries: the paper is "not found" for it, even at release.
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(404);
  });

  it("before the release time lists the paper as coming, with its time, and refuses the download", async () => {
    await as("eoA", JUNE_15_EARLY);
    const result = await todaysQuestionPapers();
    if (!result.ok) throw new Error("denied");
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0].available).toBe(false);
    expect(result.papers[0].availableAt.toISOString()).toBe(londonTime(2027, 6, 15, 8, 30).toISOString());
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(404);
  });

  it("at the release time lets EO and Admins download, and audits every download", async () => {
    const paper = paperOf("9531/03");
    await as("eoA", JUNE_15_RELEASE);
    const listed = await todaysQuestionPapers();
    expect(listed.ok && listed.papers[0].available).toBe(true);
    const before = await prisma.auditEvent.count({
      where: { action: "question-paper.downloaded", outcome: "success" },
    });
    const response = await paperRoute(paper.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="2027-06-9531-03\.pdf"/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(await readDisk(path.join(FILES, paper.fileKey)))).toBe(true);

    await as("adminA", "2027-06-15T08:15:00Z");
    expect((await paperRoute(paper.id)).status).toBe(200);

    const events = await prisma.auditEvent.findMany({
      where: { action: "question-paper.downloaded", outcome: "success" },
      orderBy: { at: "asc" },
    });
    expect(events.length - before).toBe(2);
    const first = events.at(-2)!;
    expect(first.actorEmail).toBe("eo@a.test");
    expect(first.centreId).toBe(centres.A.id);
    expect(first.ip).toBe("203.0.113.9");
    expect(first.at.toISOString()).toBe(new Date(JUNE_15_RELEASE).toISOString());
    expect(first.details).toMatchObject({ questionPaperId: paper.id, component: "9531/03", series: "2027-06" });
  });

  it("audits a refused early download attempt", async () => {
    await as("eoA", "2027-06-07T07:00:00Z");
    const before = await prisma.auditEvent.count({ where: { action: "question-paper.downloaded", outcome: "denied" } });
    expect((await paperRoute(paperOf("9521/01").id)).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { action: "question-paper.downloaded", outcome: "denied" } })).toBe(
      before + 1,
    );
  });

  it("stays available until the end of the London day, and is gone the next day", async () => {
    const paper = paperOf("9531/03");
    await as("eoA", "2027-06-15T22:59:59Z"); // 23:59:59 BST
    expect((await paperRoute(paper.id)).status).toBe(200);
    await as("eoA", "2027-06-15T23:00:00Z"); // 00:00 BST on the 16th
    expect((await paperRoute(paper.id)).status).toBe(404);
    const listed = await todaysQuestionPapers();
    expect(listed.ok && listed.papers.map((p) => p.component.code)).not.toContain("9531/03");
  });
});
