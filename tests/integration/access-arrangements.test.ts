// Access arrangements at the centre (docs/access-arrangements.md) on a real database, through the
// server actions as the forms post them and the data layer and route behind them: who may see
// and change them, the decision at once (approved with a reference and an expiry, or referred
// with the reason), the Year 9 check, delegated arrangements, withdrawing, the list and its CSV,
// modified paper orders and their deadline, an audit row for every view, change and export, and
// bad input refused with a translated message and nothing written. The world is in
// tests/integration/access-arrangements/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyForArrangement, recordDelegated, withdrawArrangement } from "@/lib/data/access-arrangements/apply";
import { candidateArrangements, findCandidates } from "@/lib/data/access-arrangements/candidates";
import { exportArrangements, listArrangements } from "@/lib/data/access-arrangements/list";
import { modifiedPapers, orderModifiedPapers } from "@/lib/data/access-arrangements/modified-papers";
import { getArrangement } from "@/lib/data/access-arrangements/view";
import { referralQueue } from "@/lib/data/board/access-arrangements";
import { messagesFor, type MessageTree } from "@/lib/i18n/messages";
import { applyAction } from "@/app/(portal)/access-arrangements/candidates/[id]/apply/actions";
import { recordDelegatedAction } from "@/app/(portal)/access-arrangements/candidates/[id]/actions";
import { withdrawAction } from "@/app/(portal)/access-arrangements/[id]/actions";
import { orderPapersAction } from "@/app/(portal)/access-arrangements/modified-papers/actions";
import {
  arrangementIdOf,
  buildAaWorld,
  okOf,
  post,
  qualifyingForm,
  type AaWorld,
  type Who,
} from "./access-arrangements/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let w: AaWorld;
beforeAll(async () => {
  w = await buildAaWorld();
}, 120_000);
afterAll(async () => w?.db.close());

// A winter afternoon (GMT) in the 2026/27 school year.
const WINTER = "2027-01-15T14:00:00Z";

const auditRows = (action: string) => w.prisma.auditEvent.findMany({ where: { action }, orderBy: { at: "asc" } });
const counts = async () => ({
  arrangements: await w.prisma.accessArrangement.count(),
  scores: await w.prisma.accessArrangementScore.count(),
  orders: await w.prisma.modifiedPaperOrder.count(),
  audit: await w.prisma.auditEvent.count({
    where: {
      action: { in: ["access_arrangements.applied", "access_arrangements.recorded", "modified_papers.ordered"] },
    },
  }),
});

/** A message of the errors namespace in both languages: the key a form shows must be translated. */
function translated(key: string): boolean {
  const en = (messagesFor("en").errors as MessageTree)[key];
  const cy = (messagesFor("cy").errors as MessageTree)[key];
  return typeof en === "string" && typeof cy === "string" && en !== cy;
}

describe("who may use access arrangements", () => {
  it("lets the EO, and Admins and Users holding the permission, see their centre's list; refuses the rest", async () => {
    for (const who of ["eo", "admin", "userAa", "eoB"] as const) {
      await w.as(who, WINTER);
      expect((await listArrangements()).ok, who).toBe(true);
    }
    for (const who of ["adminBare", "user", "appointee", "board"] as const) {
      await w.as(who, WINTER);
      expect(await listArrangements(), who).toEqual({ ok: false, error: "forbidden" });
      expect(await candidateArrangements(w.alys.id), who).toEqual({ ok: false, error: "forbidden" });
      expect(await exportArrangements(), who).toEqual({ ok: false, error: "forbidden" });
      expect(await findCandidates("Alys"), who).toEqual({ ok: false, error: "forbidden" });
      expect(await modifiedPapers(), who).toEqual({ ok: false, error: "forbidden" });
    }
    await w.as(null);
    expect(await listArrangements()).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("refuses a change from callers without the permission, and writes nothing", async () => {
    const before = await counts();
    for (const who of ["adminBare", "user", "appointee", "board"] as const) {
      await w.as(who, WINTER);
      const outcome = await post(applyAction, qualifyingForm(w.alys.id));
      expect(outcome, who).toEqual({ state: { formError: "forbidden", values: expect.any(Object) } });
    }
    expect(await counts()).toEqual(before);
  });

  it("answers another centre's candidate and arrangement ids as not found, reading and writing", async () => {
    await w.as("userAa", WINTER);
    const id = arrangementIdOf(await post(applyAction, qualifyingForm((await w.newCandidate("Other")).id)));
    await w.as("eoB", WINTER);
    expect(await getArrangement(id)).toEqual({ ok: false, error: "notFound" });
    expect(await candidateArrangements(w.alys.id)).toEqual({ ok: false, error: "notFound" });
    expect(await withdrawArrangement(id)).toEqual({ ok: false, error: "notFound" });
    const before = await counts();
    expect(await post(applyAction, qualifyingForm(w.alys.id))).toEqual({
      state: { formError: "notFound", values: expect.any(Object) },
    });
    expect(await modifiedPapers("2027-06", w.alys.id)).toEqual({ ok: false, error: "notFound" });
    expect(await counts()).toEqual(before);
    // Centre B's search never finds centre A's candidates.
    expect(okOf(await findCandidates("Alys")).total).toBe(0);
    expect(okOf(await findCandidates("Bryn")).candidates.map((c) => c.id)).toEqual([w.bryn.id]);
  });
});

describe("applying for 25% extra time", () => {
  it("with two qualifying scores in different areas: approved at once, with a reference and an expiry 26 months on, audited", async () => {
    const candidate = await w.newCandidate("Approved");
    await w.as("userAa", WINTER);
    const id = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id)));
    const row = await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id }, include: { scores: true } });
    expect(row).toMatchObject({
      status: "APPROVED",
      type: "EXTRA_TIME_25",
      decidedAt: new Date(WINTER),
      // Decided on 15 January 2027 (GMT) → 00:00 GMT on 15 March 2029 (the clocks go forward on the 25th).
      expiresAt: new Date("2029-03-15T00:00:00Z"),
      normalWayOfWorking: true,
      dataNoticeGiven: true,
      declaredById: w.sessions.userAa.user.id,
      declaredByName: "Tomos Ellis",
      declaredAt: new Date(WINTER),
      assessorName: "Dr Eira Hughes",
      assessmentDate: new Date("2026-10-12T00:00:00Z"),
    });
    expect(row.reference).toMatch(new RegExp(`^AA${w.centres.A.number}-[0-9A-Z]{6}$`));
    expect(row.scores.map((s) => [s.position, s.area, s.score]).sort()).toEqual([
      [1, "READING_SPEED", 84],
      [2, "WRITING_SPEED", 89],
    ]);
    const [event] = (await auditRows("access_arrangements.applied")).filter(
      (e) => (e.details as { arrangementId?: string }).arrangementId === id,
    );
    expect(event).toMatchObject({ actorId: w.sessions.userAa.user.id, centreId: w.centres.A.id, outcome: "success" });
    expect(event.details).toMatchObject({ decision: "approved", reference: row.reference, type: "EXTRA_TIME_25" });
    // The page shows it with its expiry.
    const shown = okOf(await getArrangement(id));
    expect(shown.arrangement).toMatchObject({ state: "approved", reference: row.reference });
    expect(shown.canWithdraw).toBe(false);
  });

  it("with one score of 84 and one of 90: referred to the board with the reason, which the board sees", async () => {
    const candidate = await w.newCandidate("Referred");
    await w.as("eo", WINTER);
    const id = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id, { scoreValue2: "90" })));
    const row = await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "REFERRED",
      referralReason: "onlyOneLowScore",
      reference: null,
      expiresAt: null,
    });
    await w.as("board", WINTER);
    expect(okOf(await referralQueue()).rows.map((r) => r.id)).toContain(id);
  });

  it("with an IDP recorded and no scores: approved", async () => {
    const candidate = await w.newCandidate("Plan");
    await w.as("admin", WINTER);
    const form = qualifyingForm(candidate.id, {
      supportPlan: "IDP",
      assessorName: "",
      assessorQualification: "",
      assessmentDate: "",
    });
    for (const k of Object.keys(form)) if (/^score/.test(k)) form[k] = "";
    const id = arrangementIdOf(await post(applyAction, form));
    expect((await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });

  it("expires 26 months on by the UK calendar, across the clock change: 00:00 GMT on a November day when decided in BST", async () => {
    const candidate = await w.newCandidate("Summer");
    // 00:30 BST on Wednesday 1 September 2027 is still 31 August in UTC.
    await w.as("eo", "2027-08-31T23:30:00Z");
    const id = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id)));
    const row = await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt).toEqual(new Date("2029-11-01T00:00:00Z"));
    // Shown as expiring soon from three months before, and expired from that instant.
    await w.as("eo", "2029-07-31T22:59:00Z");
    expect(okOf(await getArrangement(id)).arrangement.state).toBe("approved");
    await w.as("eo", "2029-07-31T23:00:00Z");
    expect(okOf(await getArrangement(id)).arrangement.state).toBe("expiringSoon");
    await w.as("eo", "2029-11-01T00:00:00Z");
    expect(okOf(await getArrangement(id)).arrangement.state).toBe("expired");
    expect(okOf(await listArrangements({ state: "expired" })).rows.map((r) => r.id)).toContain(id);
    // Once expired, the candidate may be applied for again.
    const again = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id)));
    expect((await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id: again } })).status).toBe("APPROVED");
  });

  it("refuses an assessment from before the candidate's Year 9, or in the future, beside the date", async () => {
    const candidate = await w.newCandidate("Early");
    await w.as("eo", WINTER);
    const before = await counts();
    // Born 1 October 2010: Year 9 from 1 September 2024.
    expect(await post(applyAction, qualifyingForm(candidate.id, { assessmentDate: "2024-08-31" }))).toEqual({
      state: { fieldErrors: { assessmentDate: ["assessmentBeforeYearNine"] }, values: expect.any(Object) },
    });
    expect(await post(applyAction, qualifyingForm(candidate.id, { assessmentDate: "2027-01-16" }))).toEqual({
      state: { fieldErrors: { assessmentDate: ["assessmentInFuture"] }, values: expect.any(Object) },
    });
    expect(await counts()).toEqual(before);
    expect(translated("assessmentBeforeYearNine") && translated("assessmentInFuture")).toBe(true);
    arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id, { assessmentDate: "2024-09-01" })));
  });

  it("refuses a second application while one is approved or waiting", async () => {
    const candidate = await w.newCandidate("Twice");
    await w.as("eo", WINTER);
    arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id)));
    const before = await counts();
    expect(await post(applyAction, qualifyingForm(candidate.id))).toEqual({
      state: { fieldErrors: { type: ["aaAlreadyApplied"] }, values: expect.any(Object) },
    });
    expect(await counts()).toEqual(before);
  });

  it("needs the evidence, the confirmations and the declaration, each named beside its field", async () => {
    await w.as("eo", WINTER);
    const before = await counts();
    const outcome = await post(
      applyAction,
      qualifyingForm(w.alys.id, {
        assessorName: "",
        scoreArea2: "",
        scoreValue1: "161",
        normalWayOfWorking: "",
        dataNoticeGiven: "",
        declaration: "",
      }),
    );
    expect(outcome).toEqual({
      state: {
        fieldErrors: {
          assessorName: ["aaAssessorRequired"],
          scoreArea2: ["aaScoreAreaRequired"],
          scoreValue1: ["aaScoreInvalid"],
          normalWayOfWorking: ["aaNormalWayRequired"],
          dataNoticeGiven: ["aaDataNoticeRequired"],
          declaration: ["aaDeclarationRequired"],
        },
        values: expect.any(Object),
      },
    });
    expect(await counts()).toEqual(before);
  });

  it("refers every other arrangement that needs approval, with its own reason", async () => {
    const candidate = await w.newCandidate("Others");
    await w.as("eo", WINTER);
    const cases = [
      [{ type: "EXTRA_TIME_OVER_25", extraTimePercent: "50" }, "overTwentyFiveNeedsBoard"],
      [{ type: "READER" }, "readerNeedsBoard"],
      [{ type: "SCRIBE" }, "scribeNeedsBoard"],
      [{ type: "MODIFIED_PAPERS", paperFormat: "BRAILLE" }, "modifiedPapersNeedBoard"],
    ] as const;
    for (const [fields, reason] of cases) {
      const id = arrangementIdOf(await post(applyAction, qualifyingForm(candidate.id, fields)));
      expect(await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id } }), fields.type).toMatchObject({
        status: "REFERRED",
        referralReason: reason,
        extraTimePercent: fields.type === "EXTRA_TIME_OVER_25" ? 50 : null,
        paperFormat: fields.type === "MODIFIED_PAPERS" ? "BRAILLE" : null,
      });
    }
  });
});

describe("bad input", () => {
  const cases: [string, Record<string, string | string[]>, unknown][] = [
    [
      "a NUL byte in the assessor's name",
      { assessorName: "Dr\u0000Hughes" },
      { fieldErrors: { assessorName: ["aaTextInvalid"] } },
    ],
    ["a NUL byte in the details", { details: "slow\u0000" }, { fieldErrors: { details: ["aaTextInvalid"] } }],
    ["a huge name", { assessorName: "x".repeat(20_000) }, { fieldErrors: { assessorName: ["aaAssessorTooLong"] } }],
    ["huge details", { details: "x".repeat(20_000) }, { fieldErrors: { details: ["aaDetailsTooLong"] } }],
    ["a huge score", { scoreValue1: "9".repeat(400) }, { fieldErrors: { scoreValue1: ["aaScoreInvalid"] } }],
    [
      "a score that is not a whole number",
      { scoreValue1: "84.5" },
      { fieldErrors: { scoreValue1: ["aaScoreInvalid"] } },
    ],
    ["an unknown arrangement", { type: "TELEPORTER" }, { fieldErrors: { type: ["aaTypeRequired"] } }],
    ["a field the form never sends", { isAdmin: "yes" }, { formError: "tampered" }],
    ["a field sent twice", { type: ["EXTRA_TIME_25", "READER"] }, { formError: "tampered" }],
    ["an unknown series", { series: "1999-06" }, { fieldErrors: { series: ["aaSeriesUnknown"] } }],
  ];

  it.each(cases)("%s: refused with a translated message, nothing written", async (_name, overrides, expected) => {
    await w.as("eo", WINTER);
    const before = await counts();
    const outcome = await post(applyAction, qualifyingForm(w.alys.id, overrides as Record<string, string>));
    expect("state" in outcome).toBe(true);
    const state = (outcome as { state: { formError?: string; fieldErrors?: Record<string, string[]> } }).state;
    expect(state).toMatchObject(expected as object);
    for (const key of [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()].filter(Boolean))
      expect(translated(key!), key).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("answers a search with a NUL byte or a huge value as one that finds nothing, not an error", async () => {
    await w.as("eo", WINTER);
    expect(okOf(await listArrangements({ q: "Alys\u0000", series: "\u0000" })).filters).toMatchObject({
      q: "Alys",
      series: "",
    });
    expect(okOf(await findCandidates("\u0000")).total).toBe(0);
    expect(okOf(await listArrangements({ q: "x".repeat(20_000), page: "1e309" })).rows).toEqual([]);
    const exported = okOf(await exportArrangements({ q: "\u0000\u0000", state: "x".repeat(5000) }));
    for await (const row of exported.rows) expect(row).toBeDefined();
  });

  it("refuses the same in the other forms", async () => {
    await w.as("eo", WINTER);
    const before = await counts();
    const delegated = {
      candidateId: w.alys.id,
      series: "",
      type: "WORD_PROCESSOR",
      details: "",
      normalWayOfWorking: "yes",
    };
    expect(await post(recordDelegatedAction, { ...delegated, extra: "1" })).toEqual({
      state: { formError: "tampered" },
    });
    expect(await post(recordDelegatedAction, { ...delegated, details: "a\u0000b" })).toMatchObject({
      state: { fieldErrors: { details: ["aaTextInvalid"] } },
    });
    expect(
      await post(orderPapersAction, { candidateId: w.alys.id, series: "2027-06", format: "HOLOGRAM", components: [] }),
    ).toMatchObject({
      state: { fieldErrors: { format: ["aaFormatRequired"] } },
    });
    expect(await post(withdrawAction, { arrangementId: "x".repeat(5000) })).toEqual({
      state: { formError: "notFound" },
    });
    expect(await counts()).toEqual(before);
    // The data layer holds on its own, whoever calls it.
    expect(await applyForArrangement({ type: "READER" } as never)).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await recordDelegated(null as never)).toEqual({ ok: false, error: "invalid" });
    expect(
      await orderModifiedPapers({
        candidateId: w.alys.id,
        series: "2027-06",
        format: "BRAILLE",
        components: ["\u0000"],
      }),
    ).toEqual({
      ok: false,
      error: "invalid",
      reason: "aaComponentsRequired",
    });
    expect(await counts()).toEqual(before);
  });
});

describe("delegated arrangements and withdrawing", () => {
  it("records a delegated arrangement once per series, lists it, and withdraws it, each audited", async () => {
    const candidate = await w.newCandidate("Delegated");
    await w.as("userAa", WINTER);
    const form = {
      candidateId: candidate.id,
      series: "2027-06",
      type: "SUPERVISED_REST_BREAKS",
      details: "",
      normalWayOfWorking: "yes",
    };
    expect(await post(recordDelegatedAction, form)).toEqual({ state: { ok: true } });
    expect(await post(recordDelegatedAction, form)).toEqual({
      state: { fieldErrors: { type: ["aaAlreadyRecorded"] }, values: expect.any(Object) },
    });
    // The same arrangement for every series is another record.
    expect(await post(recordDelegatedAction, { ...form, series: "" })).toEqual({ state: { ok: true } });
    expect(await post(recordDelegatedAction, { ...form, normalWayOfWorking: "" })).toMatchObject({
      state: { fieldErrors: { normalWayOfWorking: ["aaNormalWayRequired"] } },
    });
    const mine = okOf(await candidateArrangements(candidate.id)).arrangements;
    expect(mine.map((a) => [a.type, a.state, a.series?.code ?? null]).sort()).toEqual([
      ["SUPERVISED_REST_BREAKS", "delegated", null],
      ["SUPERVISED_REST_BREAKS", "delegated", "2027-06"],
    ]);
    const id = mine.find((a) => a.series)!.id;
    expect(await post(withdrawAction, { arrangementId: id })).toEqual({
      redirect: `/access-arrangements/${id}?done=withdrawn`,
    });
    expect((await w.prisma.accessArrangement.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    expect(await post(withdrawAction, { arrangementId: id })).toEqual({ state: { formError: "aaCannotWithdraw" } });
    expect((await auditRows("access_arrangements.recorded")).length).toBeGreaterThanOrEqual(2);
    expect(
      (await auditRows("access_arrangements.withdrawn")).map(
        (e) => (e.details as { arrangementId: string }).arrangementId,
      ),
    ).toContain(id);
    // The board never sees a centre's delegated arrangements.
    await w.as("board", WINTER);
    expect(okOf(await referralQueue({ view: "decided" })).rows.map((r) => r.id)).not.toContain(id);
  });
});

describe("the list, its audit rows and its CSV", () => {
  it("filters by series (with the standing ones), state, arrangement and candidate, and audits every view", async () => {
    await w.as("eo", WINTER);
    const before = (await auditRows("access_arrangements.listed")).length;
    const all = okOf(await listArrangements());
    expect(all.total).toBeGreaterThan(3);
    expect(all.rows.every((r) => r.state !== "withdrawn")).toBe(true);
    const referred = okOf(await listArrangements({ state: "referred" }));
    expect(referred.rows.length).toBeGreaterThan(0);
    expect(referred.rows.every((r) => r.state === "referred")).toBe(true);
    const june = okOf(await listArrangements({ series: "2027-06" }));
    expect(june.rows.every((r) => r.series === null || r.series.code === "2027-06")).toBe(true);
    const standing = okOf(await listArrangements({ series: "standing" }));
    expect(standing.rows.every((r) => r.series === null)).toBe(true);
    const reader = okOf(await listArrangements({ type: "READER", q: "Others" }));
    expect(reader.rows.map((r) => [r.type, r.candidate.firstName])).toEqual([["READER", "Others"]]);
    expect(await listArrangements({ series: "1999-06" })).toEqual({ ok: false, error: "notFound" });
    const after = await auditRows("access_arrangements.listed");
    // Five views; the unknown series was refused before anything was read.
    expect(after.length - before).toBe(5);
    expect(after.at(-1)).toMatchObject({ actorId: w.sessions.eo.user.id, centreId: w.centres.A.id });
  });

  it("audits every view of a candidate and of one arrangement", async () => {
    await w.as("userAa", WINTER);
    const [row] = okOf(await listArrangements()).rows;
    const views = (action: string, key: string, id: string) =>
      w.prisma.auditEvent.count({
        where: { action, actorId: w.sessions.userAa.user.id, details: { path: [key], equals: id } },
      });
    expect(await views("access_arrangements.candidate_viewed", "candidateId", row.candidate.id)).toBe(0);
    expect(await views("access_arrangements.viewed", "arrangementId", row.id)).toBe(0);
    okOf(await candidateArrangements(row.candidate.id));
    okOf(await getArrangement(row.id));
    okOf(await getArrangement(row.id));
    expect(await views("access_arrangements.candidate_viewed", "candidateId", row.candidate.id)).toBe(1);
    expect(await views("access_arrangements.viewed", "arrangementId", row.id)).toBe(2);
  });

  it("exports the filtered list as CSV with the formula guard, audited, to holders of the permission only", async () => {
    await w.prisma.candidate.update({ where: { id: w.alys.id }, data: { lastName: "=Evans" } });
    await w.as("eo", WINTER);
    await w.prisma.accessArrangement.create({
      data: {
        centreId: w.centres.A.id,
        candidateId: w.alys.id,
        type: "COLOURED_OVERLAYS",
        status: "DELEGATED",
        createdById: w.sessions.eo.user.id,
        normalWayOfWorking: true,
      },
    });
    const { GET } = await import("@/app/api/access-arrangements/export/route");
    const response = await GET(new Request("http://localhost/api/access-arrangements/export?state=delegated"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain("access-arrangements-all.csv");
    const text = await response.text();
    const [header, ...lines] = text.trim().split("\r\n");
    expect(header).toBe(
      "candidate_number,uci,surname,forenames,series,arrangement,extra_time_percent,paper_format,status,reference,decided_at,expires_at,referral_reason,board_comment,recorded_at",
    );
    expect(lines.every((l) => l.includes(",delegated,"))).toBe(true);
    expect(lines.find((l) => l.includes("COLOURED_OVERLAYS"))).toContain(
      `${w.alys.candidateNumber},${w.alys.uci},'=Evans,Alys,all,`,
    );
    const [event] = (await auditRows("access_arrangements.exported")).slice(-1);
    expect(event).toMatchObject({ actorId: w.sessions.eo.user.id, centreId: w.centres.A.id });
    expect(event.details).toMatchObject({ filters: { state: "delegated" }, rows: lines.length });
    for (const who of ["adminBare", "user", "board"] as Who[]) {
      await w.as(who, WINTER);
      expect((await GET(new Request("http://localhost/api/access-arrangements/export"))).status, who).toBe(403);
    }
    await w.as(null);
    expect((await GET(new Request("http://localhost/api/access-arrangements/export"))).status).toBe(401);
    await w.prisma.candidate.update({ where: { id: w.alys.id }, data: { lastName: "Evans" } });
  });
});

describe("modified papers", () => {
  it("orders the candidate's written papers, on time before the deadline and late after it, audited", async () => {
    const latin = w.catalogue.spec("9521").components.map((c) => c.id);
    // The board's deadline: 23:59 GMT on 31 January 2027.
    await w.prisma.series.update({
      where: { id: w.series.id },
      data: { modifiedPaperDeadline: new Date("2027-01-31T23:59:00Z") },
    });
    await w.as("eo", "2027-01-31T23:59:00Z");
    const page = okOf(await modifiedPapers("2027-06", w.alys.id));
    expect(page.candidate?.components.map((c) => c.code)).toEqual(["9521/01", "9521/02"]);
    expect(page.deadlinePassed).toBe(false);
    const form = { candidateId: w.alys.id, series: "2027-06", format: "ENLARGED_18", components: [latin[0]] };
    expect(await post(orderPapersAction, form)).toEqual({ state: { ok: true, late: false } });
    expect(await post(orderPapersAction, form)).toMatchObject({
      state: { fieldErrors: { components: ["aaPaperAlreadyOrdered"] } },
    });
    await w.as("userAa", "2027-02-01T00:00:00Z");
    expect(await post(orderPapersAction, { ...form, components: [latin[1]] })).toEqual({
      state: { ok: true, late: true },
    });
    // A paper the candidate is not entered for is refused.
    const maths = w.catalogue.spec("9531").components[0].id;
    expect(await post(orderPapersAction, { ...form, format: "BRAILLE", components: [maths] })).toMatchObject({
      state: { fieldErrors: { components: ["aaComponentUnknown"] } },
    });
    const listed = okOf(await modifiedPapers("2027-06"));
    expect(listed.deadlinePassed).toBe(true);
    expect(listed.orders.map((o) => [o.format, o.components.map((c) => c.code), o.late])).toEqual([
      ["ENLARGED_18", ["9521/01"], false],
      ["ENLARGED_18", ["9521/02"], true],
    ]);
    const ordered = await auditRows("modified_papers.ordered");
    expect(ordered.map((e) => (e.details as { late: boolean }).late)).toEqual([false, true]);
    expect((await auditRows("modified_papers.listed")).length).toBeGreaterThanOrEqual(2);
  });
});
