// The board's side of post-results (docs/product-rules.md ("Post-results services")) against a
// real database, file store and outbox: the queue and its filters, moving a request on, a grade
// change that reaches the centre's results pages and results file with its audit rows and an
// email to the exams officer, copies of scripts, and the centre recording a candidate's consent.
// Only board staff handle requests. The world is in tests/integration/board-resources/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReviewRequest } from "@/lib/generated/prisma/client";
import { getReview, reviewQueue } from "@/lib/data/board/reviews";
import { completeReview, startReview } from "@/lib/data/board/review-outcomes";
import { uploadReviewScript } from "@/lib/data/board/review-scripts";
import { listReviewRequests } from "@/lib/data/post-results/reviews";
import { downloadScript, listScriptCandidates } from "@/lib/data/post-results/scripts";
import { scriptConsentOf, setScriptConsent } from "@/lib/data/post-results/consent";
import { resultsByCandidate } from "@/lib/data/results/list";
import { readOutbox } from "@/lib/email/outbox";
import { buildBoardWorld, okOf, pdfFile, type BoardWorld } from "./board-resources/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

// After every release of June 2027.
const AFTER = "2027-09-01T09:00:00Z";

let w: BoardWorld;
let reviewA: ReviewRequest;
let copyA: ReviewRequest;
let reviewB: ReviewRequest;

beforeAll(async () => {
  w = await buildBoardWorld();
  const maths0201 = w.catalogue.components.find((c) => c.code === "9531/02")!;
  const request = (entry: { id: string; centreId: string }, kind: ReviewRequest["kind"], componentId?: string) =>
    w.prisma.reviewRequest.create({
      data: {
        centreId: entry.centreId,
        entryId: entry.id,
        kind,
        componentId: componentId ?? null,
        requestedBy: w.userIds.eoA,
        notes: "Please look again at question 4.",
        createdAt: new Date("2027-08-20T09:00:00Z"),
      },
    });
  reviewA = await request(w.entries.latinA, "REVIEW_OF_MARKING");
  copyA = await request(w.entries.mathsA, "COPY_OF_SCRIPT", maths0201.id);
  reviewB = await request(w.entries.csB, "REVIEW_OF_MARKING");
}, 120_000);

afterAll(async () => {
  await w?.db.close();
});

const fileRoute = async () =>
  (await import("@/app/api/results/file/route")).GET(new Request("http://localhost/api/results/file?series=2027-06"));

describe("the review queue", () => {
  it("lists every centre's requests, filtered by status, series, centre and service", async () => {
    await w.as("board", AFTER);
    const all = okOf(await reviewQueue());
    expect(all.rows.map((r) => r.id).sort()).toEqual([reviewA.id, copyA.id, reviewB.id].sort());
    expect(all.counts).toEqual({ requested: 3, in_progress: 0, completed: 0 });
    const centreB = okOf(await reviewQueue({ centre: w.centres.B.number }));
    expect(centreB.rows.map((r) => [r.id, r.centre.number])).toEqual([[reviewB.id, w.centres.B.number]]);
    const copies = okOf(await reviewQueue({ kind: "COPY_OF_SCRIPT", series: "2027-06" }));
    expect(copies.rows.map((r) => r.id)).toEqual([copyA.id]);
    expect(okOf(await reviewQueue({ series: "2026-11" })).rows).toEqual([]);
    expect(okOf(await reviewQueue({ status: "completed" })).rows).toEqual([]);
    // Nonsense is no filter.
    expect(okOf(await reviewQueue({ status: "nonsense", centre: "6810x" })).rows).toHaveLength(3);
  });

  it("is board staff's only", async () => {
    for (const who of ["eoA", "adminA", "userA", "appointee"] as const) {
      await w.as(who, AFTER);
      expect(await reviewQueue(), who).toEqual({ ok: false, error: "forbidden" });
      expect(await getReview(reviewA.id), who).toEqual({ ok: false, error: "forbidden" });
      expect(await startReview(reviewA.id), who).toEqual({ ok: false, error: "forbidden" });
      expect(await completeReview(reviewA.id, { outcome: "grade_changed", newGrade: "9" }), who).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await uploadReviewScript(copyA.id, "x", await pdfFile("x")), who).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    await w.as(null, AFTER);
    expect(await startReview(reviewA.id)).toEqual({ ok: false, error: "unauthenticated" });
    expect(await w.prisma.reviewRequest.count({ where: { status: "requested" } })).toBe(3);
  });
});

describe("a review of marking", () => {
  it("moves requested → in progress → completed, and not out of turn", async () => {
    await w.as("board", AFTER);
    expect(await completeReview(reviewA.id, { outcome: "grade_unchanged", newGrade: "" })).toEqual({
      ok: false,
      error: "conflict",
      reason: "reviewStatusMoved",
    });
    okOf(await startReview(reviewA.id));
    expect(await startReview(reviewA.id)).toEqual({ ok: false, error: "conflict", reason: "reviewStatusMoved" });
    const started = await w.prisma.auditEvent.findFirstOrThrow({ where: { action: "post_results.started" } });
    expect([started.centreId, started.actorId]).toEqual([w.centres.A.id, w.userIds.board]);
    expect(okOf(await getReview(reviewA.id)).review).toMatchObject({ status: "in_progress", canComplete: true });
  });

  it("refuses a missing outcome, a grade the qualification does not have and the same grade", async () => {
    await w.as("board", AFTER);
    expect(await completeReview(reviewA.id, { outcome: null, newGrade: "" })).toMatchObject({
      reason: "reviewOutcomeRequired",
    });
    expect(await completeReview(reviewA.id, { outcome: "grade_changed", newGrade: "A*" })).toMatchObject({
      reason: "reviewGradeInvalid",
    });
    expect(await completeReview(reviewA.id, { outcome: "grade_changed", newGrade: "5" })).toMatchObject({
      reason: "reviewGradeSame",
    });
    expect((await w.prisma.reviewRequest.findUniqueOrThrow({ where: { id: reviewA.id } })).status).toBe("in_progress");
    expect((await w.prisma.result.findUniqueOrThrow({ where: { entryId: w.entries.latinA.id } })).grade).toBe("5");
  });

  it("changes the grade in the centre's results and results file, audited with old and new, and emails the exams officer", async () => {
    await w.as("board", AFTER);
    expect(okOf(await completeReview(reviewA.id, { outcome: "grade_changed", newGrade: "7" }))).toMatchObject({
      gradeChanged: true,
      notified: true,
    });
    const audits = await w.prisma.auditEvent.findMany({
      where: { action: { in: ["post_results.completed", "result.grade_changed"] } },
      orderBy: { action: "asc" },
    });
    expect(audits.map((a) => [a.action, a.centreId])).toEqual([
      ["post_results.completed", w.centres.A.id],
      ["result.grade_changed", w.centres.A.id],
    ]);
    expect(audits[1].details).toMatchObject({
      oldGrade: "5",
      newGrade: "7",
      specification: "9521",
      requestId: reviewA.id,
    });

    await w.as("eoA", AFTER);
    const results = okOf(await resultsByCandidate(w.series.id));
    expect(results.rows.find((r) => r.specificationCode === "9521")?.grade).toBe("7");
    const csv = await (await fileRoute()).text();
    const latin = csv.split(/\r?\n/).find((line) => line.includes(",9521,"));
    expect(latin?.split(",")).toContain("7");
    expect(latin?.split(",")).not.toContain("5");
    const requests = okOf(await listReviewRequests({}));
    expect(requests.rows.find((r) => r.id === reviewA.id)).toMatchObject({
      status: "completed",
      outcome: "grade_changed",
      previousGrade: "5",
      newGrade: "7",
      grade: "7",
    });

    // The exams officer reads Welsh: the email is in Welsh only, with the grades.
    const [mail] = await readOutbox("eo@a.test");
    expect(mail.subject).toBe("Mae gradd wedi newid ar ôl adolygu'r marcio");
    expect(mail.text).toContain(`ymgeisydd ${w.candidateA.candidateNumber}, manyleb 9521, cyfres 2027-06`);
    expect(mail.text).toContain("o 5 i 7");
  });

  it("with the grade unchanged leaves the result alone and sends no email", async () => {
    await w.as("board", AFTER);
    okOf(await startReview(reviewB.id));
    expect(okOf(await completeReview(reviewB.id, { outcome: "grade_unchanged", newGrade: "" }))).toMatchObject({
      gradeChanged: false,
      notified: false,
    });
    expect((await w.prisma.result.findUniqueOrThrow({ where: { entryId: w.entries.csB.id } })).grade).toBe("5");
    expect(await readOutbox("eo@b.test")).toEqual([]);
    expect((await w.prisma.reviewRequest.findUniqueOrThrow({ where: { id: reviewB.id } })).outcome).toBe(
      "grade_unchanged",
    );
  });
});

describe("a copy of a script", () => {
  it("takes the requested component's script as a PDF, completes once it is there, and reaches the centre with consent", async () => {
    await w.as("board", AFTER);
    okOf(await startReview(copyA.id));
    expect(await completeReview(copyA.id, { outcome: null, newGrade: "" })).toEqual({
      ok: false,
      error: "conflict",
      reason: "reviewScriptsMissing",
    });
    const review = okOf(await getReview(copyA.id)).review;
    const requested = review.components.find((c) => c.requested)!;
    const other = review.components.find((c) => !c.requested)!;
    expect([requested.code, review.scriptsMissing]).toEqual(["9531/02", 1]);
    const fake = new File(["not a script"], "script.pdf", { type: "application/pdf" });
    expect(await uploadReviewScript(copyA.id, requested.componentResultId, fake)).toEqual({
      ok: false,
      error: "invalid",
      reason: "uploadNotPdf",
    });
    const scriptFile = await pdfFile("Script 9531/02");
    expect(await uploadReviewScript(copyA.id, other.componentResultId, scriptFile)).toEqual({
      ok: false,
      error: "invalid",
      reason: "reviewComponentMismatch",
    });
    expect(await uploadReviewScript(reviewA.id, requested.componentResultId, scriptFile)).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await w.prisma.script.count()).toBe(0);
    const uploaded = okOf(await uploadReviewScript(copyA.id, requested.componentResultId, scriptFile));
    expect(uploaded.replaced).toBe(false);
    expect(await w.prisma.auditEvent.count({ where: { action: "script.uploaded", centreId: w.centres.A.id } })).toBe(1);
    okOf(await completeReview(copyA.id, { outcome: null, newGrade: "" }));
    expect(await uploadReviewScript(copyA.id, requested.componentResultId, scriptFile)).toEqual({
      ok: false,
      error: "conflict",
      reason: "reviewStatusMoved",
    });

    // The centre sees it under View scripts once the candidate's consent is recorded.
    await w.as("eoA", AFTER);
    expect(await downloadScript(uploaded.scriptId)).toEqual({ ok: false, error: "forbidden" });
    okOf(await setScriptConsent(w.candidateA.id, true));
    const listed = okOf(await listScriptCandidates(w.series.id));
    expect(listed.candidates.map((c) => c.scripts.map((s) => s.component.code))).toEqual([["9531/02"]]);
    const opened = okOf(await downloadScript(uploaded.scriptId));
    const body = Buffer.from(await new Response(opened.file.stream).arrayBuffer());
    expect(body.equals(Buffer.from(await scriptFile.arrayBuffer()))).toBe(true);
  });
});

describe("recording a candidate's consent to see their scripts", () => {
  it("is the exams office's, on their own centre's candidates, and every change is audited", async () => {
    const candidate = w.candidateA.id;
    await w.as("adminA", AFTER);
    expect(okOf(await scriptConsentOf(candidate))).toEqual({ ok: true, consent: true, canRecord: true });
    expect(okOf(await setScriptConsent(candidate, false))).toEqual({ ok: true, changed: true });
    expect(okOf(await setScriptConsent(candidate, false))).toEqual({ ok: true, changed: false });

    await w.as("userA", AFTER);
    expect(okOf(await scriptConsentOf(candidate))).toEqual({ ok: true, consent: false, canRecord: false });
    expect(await setScriptConsent(candidate, true)).toEqual({ ok: false, error: "forbidden" });
    await w.as("userAScripts", AFTER);
    expect(await setScriptConsent(candidate, true)).toEqual({ ok: false, error: "forbidden" });
    await w.as("eoB", AFTER);
    expect(await setScriptConsent(candidate, true)).toEqual({ ok: false, error: "notFound" });
    expect(await scriptConsentOf(candidate)).toEqual({ ok: false, error: "notFound" });
    for (const who of ["board", "appointee"] as const) {
      await w.as(who, AFTER);
      expect(await setScriptConsent(candidate, true), who).toEqual({ ok: false, error: "forbidden" });
    }
    expect((await w.prisma.candidate.findUniqueOrThrow({ where: { id: candidate } })).scriptConsent).toBe(false);

    const events = await w.prisma.auditEvent.findMany({
      where: { action: { startsWith: "candidate.script_consent" } },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId, e.centreId])).toEqual([
      ["candidate.script_consent_recorded", w.userIds.eoA, w.centres.A.id],
      ["candidate.script_consent_withdrawn", w.userIds.adminA, w.centres.A.id],
    ]);
    expect(events[1].details).toMatchObject({ from: true, to: false, candidateNumber: "0001" });
  });
});
