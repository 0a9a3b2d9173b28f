// Board staff's question papers (docs/product-rules.md ("Board uploads"), ("Resources and question
// papers")) against a real database and a throwaway file store: an uploaded paper is downloadable
// by an EO of a centre with entries only from its time on the exam day (through the download
// route handler, which audits); replacing needs asking; changing the time and removing are
// audited; only board staff upload; a .pdf that is not a PDF changes nothing. The world is in
// tests/integration/board-resources/world.ts.
import { readFile as readDisk } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  changeQuestionPaper,
  listQuestionPapers,
  removeQuestionPaper,
  uploadQuestionPaper,
} from "@/lib/data/board/question-papers";
import { todaysQuestionPapers } from "@/lib/data/resources/question-papers";
import { londonTime } from "@/lib/time";
import { buildBoardWorld, okOf, pdfFile, storedFiles, type BoardWorld } from "./board-resources/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let w: BoardWorld;

beforeAll(async () => {
  w = await buildBoardWorld();
}, 120_000);

afterAll(async () => {
  await w?.db.close();
});

const paperRoute = async (id: string) =>
  (await import("@/app/api/files/question-papers/[id]/route")).GET(
    new Request(`http://localhost/api/files/question-papers/${id}`),
    { params: Promise.resolve({ id }) },
  );

// Tuesday 8 June 2027, 08:45 London (BST) = 07:45Z.
const AVAILABLE = londonTime(2027, 6, 8, 8, 45);

describe("an uploaded question paper", () => {
  let paperId: string;
  let bytes: Buffer;

  it("is stored with the time it opens, and audited", async () => {
    await w.as("board", "2027-05-20T10:00:00Z");
    const file = await pdfFile("9521/01 June 2027");
    bytes = Buffer.from(await file.arrayBuffer());
    const uploaded = okOf(
      await uploadQuestionPaper(
        { series: "2027-06", component: "9521/01", availableAt: AVAILABLE, replace: false },
        file,
      ),
    );
    expect(uploaded.replaced).toBe(false);
    paperId = uploaded.id;
    const row = await w.prisma.questionPaper.findUniqueOrThrow({ where: { id: paperId } });
    expect(row.availableAt.toISOString()).toBe("2027-06-08T07:45:00.000Z");
    expect((await readDisk(path.join(w.files, row.fileKey))).equals(bytes)).toBe(true);
    const listed = okOf(await listQuestionPapers("2027-06"));
    expect(listed.papers.map((p) => [p.component.code, p.availableAt.toISOString()])).toEqual([
      ["9521/01", "2027-06-08T07:45:00.000Z"],
    ]);
    const event = await w.prisma.auditEvent.findFirstOrThrow({ where: { action: "question-paper.uploaded" } });
    expect(event.details).toMatchObject({ questionPaperId: paperId, series: "2027-06", component: "9521/01" });
  });

  it("is downloadable by the EO of a centre with entries only from its time on the exam day", async () => {
    // The day before, and one second before its time: listed (on the day) as coming, not downloadable.
    await w.as("eoA", "2027-06-07T12:00:00Z");
    expect((await paperRoute(paperId)).status).toBe(404);
    await w.as("eoA", "2027-06-08T07:44:59Z");
    const coming = okOf(await todaysQuestionPapers());
    expect(coming.papers.map((p) => [p.component.code, p.available])).toEqual([["9521/01", false]]);
    expect((await paperRoute(paperId)).status).toBe(404);

    await w.as("eoA", "2027-06-08T07:45:00Z");
    const response = await paperRoute(paperId);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(
      await w.prisma.auditEvent.count({
        where: { action: "question-paper.downloaded", outcome: "success", actorId: w.userIds.eoA },
      }),
    ).toBe(1);

    // Centre B has no Latin entries; a User never; and the next day it is gone.
    await w.as("eoB", "2027-06-08T09:00:00Z");
    expect((await paperRoute(paperId)).status).toBe(404);
    await w.as("userA", "2027-06-08T09:00:00Z");
    expect((await paperRoute(paperId)).status).toBe(403);
    await w.as("eoA", "2027-06-08T23:00:00Z"); // 00:00 BST on the 9th
    expect((await paperRoute(paperId)).status).toBe(404);
  });

  it("is replaced only when asked, and its time changed, each audited with old and new", async () => {
    await w.as("board", "2027-05-21T10:00:00Z");
    const first = await w.prisma.questionPaper.findUniqueOrThrow({ where: { id: paperId } });
    const v2 = await pdfFile("9521/01 corrected");
    expect(
      await uploadQuestionPaper(
        { series: "2027-06", component: "9521/01", availableAt: AVAILABLE, replace: false },
        v2,
      ),
    ).toEqual({ ok: false, error: "conflict", reason: "questionPaperExists" });
    const later = londonTime(2027, 6, 8, 9, 0);
    const replaced = okOf(
      await uploadQuestionPaper({ series: "2027-06", component: "9521/01", availableAt: later, replace: true }, v2),
    );
    expect([replaced.id, replaced.replaced]).toEqual([paperId, true]);
    const second = await w.prisma.questionPaper.findUniqueOrThrow({ where: { id: paperId } });
    expect(second.fileKey).not.toBe(first.fileKey);
    expect(storedFiles(w.files)).not.toContain(first.fileKey);

    okOf(await changeQuestionPaper(paperId, { availableAt: AVAILABLE }, null));
    const change = await w.prisma.auditEvent.findFirstOrThrow({ where: { action: "question-paper.changed" } });
    expect(change.details).toMatchObject({
      oldAvailableAt: "2027-06-08T08:00:00.000Z",
      availableAt: "2027-06-08T07:45:00.000Z",
    });
    expect((await w.prisma.questionPaper.findUniqueOrThrow({ where: { id: paperId } })).fileKey).toBe(second.fileKey);
  });

  it("refuses a .pdf that is not a PDF and an oversized file, changing nothing", async () => {
    await w.as("board");
    const before = [await w.prisma.questionPaper.findMany(), await w.prisma.auditEvent.count(), storedFiles(w.files)];
    const text = new File(["<html>not a paper</html>"], "9531-01.pdf", { type: "application/pdf" });
    const huge = new File([new Uint8Array(25 * 1024 * 1024 + 1)], "9531-01.pdf", { type: "application/pdf" });
    for (const file of [text, huge]) {
      const answer = await uploadQuestionPaper(
        { series: "2027-06", component: "9531/01", availableAt: AVAILABLE, replace: false },
        file,
      );
      expect(answer).toMatchObject({ ok: false, error: "invalid" });
      expect(await changeQuestionPaper(paperId, { availableAt: AVAILABLE }, file)).toMatchObject({
        ok: false,
        error: "invalid",
      });
    }
    expect([await w.prisma.questionPaper.findMany(), await w.prisma.auditEvent.count(), storedFiles(w.files)]).toEqual(
      before,
    );
  });

  it("is uploaded, changed and removed by board staff only", async () => {
    const file = await pdfFile("9531/01");
    for (const who of ["eoA", "adminA", "userA", "appointee"] as const) {
      await w.as(who);
      const up = await uploadQuestionPaper(
        { series: "2027-06", component: "9531/01", availableAt: AVAILABLE, replace: true },
        file,
      );
      expect(up, who).toEqual({ ok: false, error: "forbidden" });
      expect(await changeQuestionPaper(paperId, { availableAt: AVAILABLE }, null), who).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await removeQuestionPaper(paperId, true), who).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await w.prisma.questionPaper.count()).toBe(1);

    await w.as("board");
    okOf(await removeQuestionPaper(paperId, true));
    expect(await w.prisma.questionPaper.count()).toBe(0);
    expect(await w.prisma.auditEvent.count({ where: { action: "question-paper.removed" } })).toBe(1);
  });
});
