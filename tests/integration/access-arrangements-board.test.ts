// The board's side of access arrangements (docs/access-arrangements.md, "The board") on a real
// database and outbox: the referred queue of every centre, only what was referred (never a
// centre's delegated arrangements or an application the rule approved at once), approving (a
// reference and an expiry 26 months on, by the UK calendar) and refusing with a reason, the
// centre's exams officer and the applicant emailed in their language, the centre seeing the
// decision, every view and decision audited; and the modified-paper deadline of a series.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getArrangement } from "@/lib/data/access-arrangements/view";
import { listArrangements } from "@/lib/data/access-arrangements/list";
import { decideReferral, getReferral, referralQueue } from "@/lib/data/board/access-arrangements";
import { modifiedPaperDeadlines, setModifiedPaperDeadline } from "@/lib/data/board/modified-paper-deadlines";
import { readOutbox } from "@/lib/email/outbox";
import { applyAction } from "@/app/(portal)/access-arrangements/candidates/[id]/apply/actions";
import { recordDelegatedAction } from "@/app/(portal)/access-arrangements/candidates/[id]/actions";
import { withdrawAction } from "@/app/(portal)/access-arrangements/[id]/actions";
import { decideAction } from "@/app/(portal)/board/access-arrangements/[id]/actions";
import { setDeadlineAction } from "@/app/(portal)/board/access-arrangements/deadlines/actions";
import { arrangementIdOf, buildAaWorld, okOf, post, qualifyingForm, type AaWorld } from "./access-arrangements/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let w: AaWorld;
let referredA: string;
let referredB: string;
let approvedAtOnce: string;
let delegated: string;

// Applications made in March 2027 (GMT); decisions in May (BST).
const APPLIED = "2027-03-10T10:00:00Z";
const DECIDED = "2027-05-20T09:30:00Z";

beforeAll(async () => {
  w = await buildAaWorld();
  await w.as("userAa", APPLIED);
  const candidate = await w.newCandidate("Referred");
  referredA = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id, { type: "READER" })));
  approvedAtOnce = arrangementIdOf(await post(applyAction, qualifyingForm(w.alys.id)));
  await post(recordDelegatedAction, {
    candidateId: w.alys.id,
    series: "",
    type: "WORD_PROCESSOR",
    details: "",
    normalWayOfWorking: "yes",
  });
  delegated = (await w.prisma.accessArrangement.findFirstOrThrow({ where: { type: "WORD_PROCESSOR" } })).id;
  await w.as("eoB", APPLIED);
  referredB = arrangementIdOf(
    await post(applyAction, qualifyingForm(w.bryn.id, { scoreValue1: "95", scoreValue2: "96" })),
  );
}, 120_000);
afterAll(async () => w?.db.close());

describe("the referred queue", () => {
  it("lists every centre's referred applications, oldest first, filtered by centre, audited", async () => {
    await w.as("board", DECIDED);
    const queue = okOf(await referralQueue());
    expect(queue.rows.map((r) => r.id)).toEqual([referredA, referredB]);
    expect(queue.waiting).toBe(2);
    expect(queue.rows.map((r) => r.referralReason)).toEqual(["readerNeedsBoard", "noBelowAverageScore"]);
    expect(okOf(await referralQueue({ centre: w.centres.B.number })).rows.map((r) => r.id)).toEqual([referredB]);
    // Nonsense is no filter.
    expect(okOf(await referralQueue({ centre: "6810\u0000" })).rows).toHaveLength(2);
    expect(okOf(await referralQueue({ view: "decided" })).rows).toEqual([]);
    const events = await w.prisma.auditEvent.count({
      where: { action: "access_arrangements.board_listed", actorId: w.sessions.board.user.id },
    });
    expect(events).toBe(4);
  });

  it("never shows the board a delegated arrangement or an application approved at once", async () => {
    await w.as("board", DECIDED);
    for (const id of [approvedAtOnce, delegated]) {
      expect(await getReferral(id)).toEqual({ ok: false, error: "notFound" });
      expect(await decideReferral({ arrangementId: id, decision: "approve", comment: "" })).toEqual({
        ok: false,
        error: "notFound",
      });
    }
  });

  it("is board staff's only", async () => {
    for (const who of ["eo", "admin", "userAa", "eoB", "appointee", "adminBare", "user"] as const) {
      await w.as(who, DECIDED);
      expect(await referralQueue(), who).toEqual({ ok: false, error: "forbidden" });
      expect(await getReferral(referredA), who).toEqual({ ok: false, error: "forbidden" });
      expect(await post(decideAction, { arrangementId: referredA, decision: "approve", comment: "" }), who).toEqual({
        state: { formError: "forbidden", values: expect.any(Object) },
      });
      expect(await modifiedPaperDeadlines(), who).toEqual({ ok: false, error: "forbidden" });
    }
    expect((await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id: referredA } })).status).toBe("REFERRED");
  });
});

describe("deciding", () => {
  it("needs a reason to refuse; nothing is written without one", async () => {
    await w.as("board", DECIDED);
    expect(await post(decideAction, { arrangementId: referredB, decision: "refuse", comment: "  " })).toEqual({
      state: { fieldErrors: { comment: ["aaCommentRequired"] }, values: expect.any(Object) },
    });
    expect(await post(decideAction, { arrangementId: referredB, decision: "maybe", comment: "" })).toMatchObject({
      state: { fieldErrors: { decision: ["aaDecisionRequired"] } },
    });
    expect(
      await post(decideAction, { arrangementId: referredB, decision: "approve", comment: "", extra: "x" }),
    ).toEqual({
      state: { formError: "tampered" },
    });
    expect(
      await post(decideAction, { arrangementId: referredB, decision: "refuse", comment: "x".repeat(5000) }),
    ).toMatchObject({
      state: { fieldErrors: { comment: ["aaCommentTooLong"] } },
    });
    expect((await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id: referredB } })).status).toBe("REFERRED");
    expect(await w.prisma.auditEvent.count({ where: { action: "access_arrangements.decided" } })).toBe(0);
  });

  it("approves: a reference and an expiry 26 months on in UK time, audited, the exams officer and the applicant emailed, and the centre sees it", async () => {
    await w.prisma.user.update({ where: { id: w.sessions.eo.user.id }, data: { language: "cy" } });
    await w.as("board", DECIDED);
    expect(
      await post(decideAction, { arrangementId: referredA, decision: "approve", comment: "Reader agreed." }),
    ).toEqual({
      redirect: `/board/access-arrangements/${referredA}?done=approved`,
    });
    const row = await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id: referredA } });
    expect(row).toMatchObject({
      status: "APPROVED",
      decidedAt: new Date(DECIDED),
      decidedById: w.sessions.board.user.id,
      decisionComment: "Reader agreed.",
      // Decided on 20 May 2027 (BST) → 00:00 BST on 20 July 2029.
      expiresAt: new Date("2029-07-19T23:00:00Z"),
    });
    expect(row.reference).toMatch(new RegExp(`^AA${w.centres.A.number}-[0-9A-Z]{6}$`));
    const [event] = await w.prisma.auditEvent.findMany({ where: { action: "access_arrangements.decided" } });
    expect(event).toMatchObject({ actorId: w.sessions.board.user.id, centreId: w.centres.A.id });
    expect(event.details).toMatchObject({ arrangementId: referredA, decision: "approved", reference: row.reference });

    const [toEo] = await readOutbox(w.emails.eo);
    expect(toEo.subject).toBe("Mae cais am drefniant mynediad wedi'i gymeradwyo");
    expect(toEo.text).toContain(row.reference!);
    expect(toEo.text).toContain("20 Gorffennaf 2029");
    const [toApplicant] = await readOutbox(w.emails.userAa);
    expect(toApplicant.subject).toContain("An access arrangement application has been approved");
    expect(toApplicant.text).toContain("20 July 2029");
    // The email names neither the arrangement nor the evidence.
    expect(toApplicant.text).not.toMatch(/reader|Dr Eira Hughes|TOWRE/i);

    await w.as("userAa", DECIDED);
    expect(okOf(await getArrangement(referredA)).arrangement).toMatchObject({
      state: "approved",
      reference: row.reference,
      decisionComment: "Reader agreed.",
    });
    await w.as("board", DECIDED);
    expect(okOf(await referralQueue({ view: "decided" })).rows.map((r) => r.id)).toEqual([referredA]);
    expect(okOf(await getReferral(referredA)).canDecide).toBe(false);
    expect(
      await post(decideAction, { arrangementId: referredA, decision: "refuse", comment: "Changed my mind" }),
    ).toEqual({
      state: { formError: "aaAlreadyDecided", values: expect.any(Object) },
    });
  });

  it("refuses with the reason the centre reads; an applicant who lost the permission is not emailed", async () => {
    await w.as("board", DECIDED);
    expect(
      await post(decideAction, { arrangementId: referredB, decision: "refuse", comment: "The scores are average." }),
    ).toEqual({ redirect: `/board/access-arrangements/${referredB}?done=refused` });
    const [toEoB] = await readOutbox(w.emails.eoB);
    expect(toEoB.subject).toContain("An access arrangement application has been refused");
    await w.as("eoB", DECIDED);
    expect(okOf(await listArrangements({ state: "refused" })).rows.map((r) => [r.id, r.decisionComment])).toEqual([
      [referredB, "The scores are average."],
    ]);

    await w.as("userAa", DECIDED);
    const candidate = await w.newCandidate("Lost");
    const id = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id, { type: "SCRIBE" })));
    await w.prisma.permissionGrant.deleteMany({ where: { userId: w.sessions.userAa.user.id } });
    const before = (await readOutbox(w.emails.userAa)).length;
    await w.as("board", DECIDED);
    okOf(await decideReferral({ arrangementId: id, decision: "refuse", comment: "No evidence of need." }));
    expect((await readOutbox(w.emails.userAa)).length).toBe(before);
    await w.prisma.permissionGrant.create({
      data: { userId: w.sessions.userAa.user.id, permission: "access_arrangements" },
    });
  });

  it("does not show the board an application the centre withdrew before it was decided", async () => {
    await w.as("eo", DECIDED);
    const candidate = await w.newCandidate("Withdrawn");
    const id = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id, { type: "SCRIBE" })));
    expect(await post(withdrawAction, { arrangementId: id })).toEqual({
      redirect: `/access-arrangements/${id}?done=withdrawn`,
    });
    await w.as("board", DECIDED);
    expect(await getReferral(id)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("the modified-paper deadline", () => {
  it("is set in UK time by board staff, audited with the old and new value; a time the clocks skip is refused", async () => {
    await w.as("board", DECIDED);
    const form = { seriesId: w.series.id, deadlineDate: "2027-03-28", deadlineTime: "01:30" };
    expect(await post(setDeadlineAction, form)).toEqual({
      state: { fieldErrors: { deadlineTime: ["seriesTimeSkipped"] }, values: expect.any(Object) },
    });
    expect(await post(setDeadlineAction, { ...form, deadlineDate: "2027-01-31", deadlineTime: "23:59" })).toEqual({
      redirect: "/board/access-arrangements/deadlines?done=deadlineSaved",
    });
    expect(await post(setDeadlineAction, { ...form, deadlineDate: "2027-01-31", deadlineTime: "23:59" })).toEqual({
      redirect: "/board/access-arrangements/deadlines?done=deadlineUnchanged",
    });
    expect((await w.prisma.series.findUniqueOrThrow({ where: { id: w.series.id } })).modifiedPaperDeadline).toEqual(
      new Date("2027-01-31T23:59:00Z"),
    );
    expect(okOf(await modifiedPaperDeadlines()).series.find((s) => s.id === w.series.id)?.deadline).toEqual(
      new Date("2027-01-31T23:59:00Z"),
    );
    // Cleared: both fields blank.
    okOf(await setModifiedPaperDeadline({ seriesId: w.series.id, deadline: null }));
    const events = await w.prisma.auditEvent.findMany({ where: { action: "modified_papers.deadline_set" } });
    expect(events.map((e) => e.details)).toEqual([
      expect.objectContaining({ from: null, to: "2027-01-31T23:59:00.000Z" }),
      expect.objectContaining({ from: "2027-01-31T23:59:00.000Z", to: null }),
    ]);
    await w.as("eo", DECIDED);
    expect(await setModifiedPaperDeadline({ seriesId: w.series.id, deadline: new Date() })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});

describe("a long referred queue", () => {
  it("comes 50 a page, oldest first, with the count of all of them; a page past the end is empty", async () => {
    await w.as("board", DECIDED);
    const waitingBefore = okOf(await referralQueue()).total;
    const model = await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id: referredB } });
    const { id: _id, reference: _reference, createdAt, updatedAt: _updated, ...copy } = model;
    await w.prisma.accessArrangement.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        ...copy,
        status: "REFERRED" as const,
        decidedAt: null,
        decidedById: null,
        decisionComment: "",
        expiresAt: null,
        createdAt: new Date(createdAt.getTime() + (i + 1) * 60_000),
      })),
    });
    const first = okOf(await referralQueue());
    expect(first.total).toBe(waitingBefore + 60);
    expect(first.rows).toHaveLength(50);
    const second = okOf(await referralQueue({ page: "2" }));
    expect(second.page).toBe(2);
    expect(second.rows).toHaveLength(waitingBefore + 10);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const times = all.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(okOf(await referralQueue({ page: "3" })).rows).toEqual([]);
    // Nonsense is the first page.
    expect(okOf(await referralQueue({ page: "x\u0000" })).page).toBe(1);
    expect(okOf(await referralQueue({ page: "-4" })).page).toBe(1);
  });
});
