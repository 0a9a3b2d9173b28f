// Allocating appointees' work (lib/data/board/appointees-allocations.ts) on a real database: the
// rules of who goes where (the appointee's type, centres and entries of the component's
// specification in that series), which leave everything as it was when they refuse; team
// leaders; removing; the candidate search; and the progress the board sees
// (lib/data/board/appointees-progress.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { createCentre } from "../factories/centres";
import { createQualificationCatalogue } from "../factories/catalogue";
import { createSeries } from "../factories/series";
import { makeUci } from "../factories/candidates";
import { createUser } from "../factories/users";
import { signedInActor } from "../utils/sessions";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { getAppointee } from "@/lib/data/board/appointees";
import {
  addAllocation,
  allocationForm,
  removeAllocation,
  removeFromAllocation,
  setTeamLeader,
} from "@/lib/data/board/appointees-allocations";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const T0 = new Date("2027-04-01T09:00:00Z");

let board: LiveSession;
let june: Series; // 2027-06
let november: Series; // 2026-11
/** Latin (9521) and Welsh (9541) entries in June; one withdrawn Latin entry. */
let withLatin: Centre;
/** Only Mathematics (9531) entries in June. */
let mathsOnly: Centre;
/** Latin entries in November only. */
let novemberOnly: Centre;
const ids: Record<string, string> = {}; // component code → id
const entries: Record<string, string> = {}; // label → entry id

let serial = 100;
async function enter(centre: Centre, series: Series, spec: string, lastName: string, withdrawn = false) {
  serial += 1;
  const candidate = await db.prisma.candidate.create({
    data: {
      centreId: centre.id,
      candidateNumber: String(serial).padStart(4, "0"),
      uci: makeUci(centre.number, "24", serial),
      firstName: "Test",
      lastName,
      dateOfBirth: new Date(Date.UTC(2011, 0, 1)),
    },
  });
  const specification = await db.prisma.specification.findUniqueOrThrow({ where: { code: spec } });
  const entry = await db.prisma.entry.create({
    data: {
      centreId: centre.id,
      candidateId: candidate.id,
      seriesId: series.id,
      specificationId: specification.id,
      status: withdrawn ? "WITHDRAWN" : "ENTERED",
    },
  });
  return entry.id;
}

const actor = (role: "BOARD_STAFF" | "EXAMS_OFFICER" | "APPOINTEE") =>
  signedInActor(
    db.prisma,
    {
      role,
      centre: role === "EXAMS_OFFICER" ? withLatin : null,
      appointeeType: role === "APPOINTEE" ? "EXAMINER" : null,
    },
    T0,
  );

const appointee = async (type: "EXAMINER" | "MODERATOR", name = `${type} ${++serial}`) =>
  (await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: type, name })).id;

beforeAll(async () => {
  db = await createTestDb();
  await createQualificationCatalogue(db.prisma);
  june = await createSeries(db.prisma);
  november = await createSeries(db.prisma, {
    code: "2026-11",
    nameEn: "November 2026",
    nameCy: "Tachwedd 2026",
    resultsDay: new Date(Date.UTC(2027, 0, 14)),
  });
  withLatin = await createCentre(db.prisma);
  mathsOnly = await createCentre(db.prisma);
  novemberOnly = await createCentre(db.prisma);
  for (const c of await db.prisma.component.findMany({ select: { id: true, code: true } })) ids[c.code] = c.id;
  entries.latinA = await enter(withLatin, june, "9521", "Pryce");
  entries.latinB = await enter(withLatin, june, "9521", "Rees");
  entries.latinWithdrawn = await enter(withLatin, june, "9521", "Gone", true);
  entries.welsh = await enter(withLatin, june, "9541", "Morgan");
  entries.maths = await enter(mathsOnly, june, "9531", "Lloyd");
  entries.novemberLatin = await enter(novemberOnly, november, "9521", "Pryce");
  board = await actor("BOARD_STAFF");
});
afterAll(async () => db?.close());

const as = (session: LiveSession | null) => actAs(db.prisma, session, T0);

/** Everything an allocation change could touch, to compare before and after a refusal. */
const snapshot = async () => ({
  allocations: await db.prisma.allocation.findMany({ orderBy: { id: "asc" } }),
  centres: await db.prisma.allocationCentre.findMany({ orderBy: [{ allocationId: "asc" }, { centreId: "asc" }] }),
  candidates: await db.prisma.allocationCandidate.findMany({ orderBy: [{ allocationId: "asc" }, { entryId: "asc" }] }),
  audit: await db.prisma.auditEvent.count({ where: { action: { startsWith: "allocation." } } }),
});

const allocate = (
  appointeeId: string,
  componentCode: string,
  what: { centres?: string[]; entries?: string[] },
  series: Series = june,
) =>
  addAllocation({
    appointeeId,
    seriesId: series.id,
    componentId: ids[componentCode],
    centreNumbers: what.centres ?? [],
    entryIds: what.entries ?? [],
  });

describe("allocating", () => {
  it("is for board staff only", async () => {
    const examiner = await appointee("EXAMINER");
    for (const caller of [await actor("EXAMS_OFFICER"), await actor("APPOINTEE")]) {
      await as(caller);
      const before = await snapshot();
      expect(await allocate(examiner, "9521/01", { centres: [withLatin.number] })).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect((await allocationForm(examiner)).ok).toBe(false);
      expect(await snapshot()).toEqual(before);
    }
  });

  it("allocates an examiner to a written component, by centre and by single candidates, and shows the progress", async () => {
    const examiner = await appointee("EXAMINER");
    await as(board);
    const made = await allocate(examiner, "9521/01", { centres: [withLatin.number] });
    expect(made.ok).toBe(true);
    // A second post adds to the same allocation.
    expect(await allocate(examiner, "9521/01", { entries: [entries.latinA] })).toMatchObject({ ok: true });
    expect(await db.prisma.allocation.count({ where: { appointeeId: examiner } })).toBe(1);
    const page = await getAppointee(examiner);
    if (!page.ok) throw new Error("refused");
    expect(page.allocations).toHaveLength(1);
    const [allocation] = page.allocations;
    expect(allocation.centres.map((c) => c.number)).toEqual([withLatin.number]);
    expect(allocation.candidates.map((c) => c.entryId)).toEqual([entries.latinA]);
    // Two live Latin entries at the centre (the withdrawn one is not work); the single candidate is one of them.
    expect(allocation.progress).toEqual({ centres: 1, candidates: 2, scripts: 2, entered: 0, submitted: 0, left: 2 });
    expect(await db.prisma.auditEvent.count({ where: { action: "allocation.added", targetUserId: examiner } })).toBe(2);
  });

  it("refuses, changing nothing: the wrong type, a centre without entries, another series' entry, an unknown centre, a withdrawn entry", async () => {
    const examiner = await appointee("EXAMINER");
    const moderator = await appointee("MODERATOR");
    const gone = (await createUser(db.prisma, {
      role: "APPOINTEE",
      centre: null,
      appointeeType: "EXAMINER",
      deactivatedAt: T0,
    }))!.id;
    await as(board);
    const before = await snapshot();
    const refusals: [() => Promise<unknown>, object][] = [
      // Examiners mark written papers; moderators moderate internally assessed components.
      [() => allocate(examiner, "9541/01", { centres: [withLatin.number] }), { reason: "allocationWrongType" }],
      [() => allocate(moderator, "9521/01", { centres: [withLatin.number] }), { reason: "allocationWrongType" }],
      // Moderators are allocated centres, never single candidates.
      [() => allocate(moderator, "9541/01", { entries: [entries.welsh] }), { reason: "allocationModeratorsByCentre" }],
      // A centre with no entries for the component's specification in that series.
      [
        () => allocate(examiner, "9521/01", { centres: [withLatin.number, mathsOnly.number] }),
        { reason: "allocationCentreWithoutEntries" },
      ],
      [
        () => allocate(examiner, "9521/01", { centres: [novemberOnly.number] }),
        { reason: "allocationCentreWithoutEntries" },
      ],
      [() => allocate(examiner, "9521/01", { centres: ["99999"] }), { reason: "allocationUnknownCentre" }],
      // Another series' entry, another specification's entry, a withdrawn entry.
      [
        () => allocate(examiner, "9521/01", { entries: [entries.latinA, entries.novemberLatin] }),
        { reason: "allocationEntryNotInComponent" },
      ],
      [() => allocate(examiner, "9521/01", { entries: [entries.maths] }), { reason: "allocationEntryNotInComponent" }],
      [
        () => allocate(examiner, "9521/01", { entries: [entries.latinWithdrawn] }),
        { reason: "allocationEntryNotInComponent" },
      ],
      [() => allocate(examiner, "9521/01", {}), { reason: "allocationNothing" }],
      [() => allocate(gone, "9521/01", { centres: [withLatin.number] }), { reason: "appointeeDeactivated" }],
    ];
    for (const [refused, expected] of refusals) expect(await refused()).toMatchObject({ ok: false, ...expected });
    expect(await snapshot()).toEqual(before);
    // The same November entry is fine in its own series.
    expect(await allocate(examiner, "9521/01", { entries: [entries.novemberLatin] }, november)).toMatchObject({
      ok: true,
    });
  });

  it("searches a component's entries, never listing every candidate", async () => {
    const examiner = await appointee("EXAMINER");
    await as(board);
    const form = async (q?: string, component = "9521/01", series = june.code) => {
      const r = await allocationForm(examiner, { series, component, q });
      if (!r.ok) throw new Error("refused");
      return r;
    };
    const empty = await form();
    expect(empty.search).toBeNull();
    expect(empty.centresWithEntries).toBe(1);
    // The written components of the specifications with June entries: not 9541/01 (internally
    // assessed), nor any component of a specification nobody is entered for.
    expect(empty.components.map((c) => c.code)).toEqual([
      "9521/01",
      "9521/02",
      "9531/01",
      "9531/02",
      "9531/03",
      "9541/02",
      "9541/03",
    ]);
    // "Pryce" is entered for Latin in June and in November: only June's is found, and only live entries.
    const pryce = await form("pryce");
    expect(pryce.search?.entries.map((e) => e.entryId)).toEqual([entries.latinA]);
    expect((await form("Gone")).search?.entries).toEqual([]);
    expect((await form("Lloyd")).search?.entries).toEqual([]); // Mathematics, not this component
    const moderatorForm = await allocationForm(await appointee("MODERATOR"), {
      series: june.code,
      component: "9541/01",
      q: "Morgan",
    });
    expect(moderatorForm).toMatchObject({ ok: true, canPickCandidates: false, search: null });
    // A search that matches many answers with a page of them and says there are more.
    const crowd = await createCentre(db.prisma);
    for (let i = 0; i < 30; i++) await enter(crowd, june, "9521", "Crowd");
    const many = await form("crowd");
    expect(many.search?.entries).toHaveLength(25);
    expect(many.search?.more).toBe(true);
  });
});

describe("team leaders", () => {
  it("are moderators of the same component in the same series, never the moderator themselves, and never in a circle", async () => {
    const [member, leader, other, elsewhere] = await Promise.all([
      appointee("MODERATOR", "Member"),
      appointee("MODERATOR", "Leader"),
      appointee("MODERATOR", "Other"),
      appointee("MODERATOR", "Elsewhere"),
    ]);
    const examiner = await appointee("EXAMINER");
    await as(board);
    for (const m of [member, leader, other]) await allocate(m, "9541/01", { centres: [withLatin.number] });
    await allocate(elsewhere, "9541/01", { centres: [withLatin.number] }); // same component…
    const memberAllocation = await db.prisma.allocation.findFirstOrThrow({ where: { appointeeId: member } });
    const leaderAllocation = await db.prisma.allocation.findFirstOrThrow({ where: { appointeeId: leader } });
    const elsewhereAllocation = await db.prisma.allocation.findFirstOrThrow({ where: { appointeeId: elsewhere } });
    // …but moved to another series' component for this test: a leader from another series is refused.
    await db.prisma.allocation.update({ where: { id: elsewhereAllocation.id }, data: { seriesId: november.id } });
    await allocate(examiner, "9521/01", { centres: [withLatin.number] });
    const examinerAllocation = await db.prisma.allocation.findFirstOrThrow({ where: { appointeeId: examiner } });

    const before = await snapshot();
    expect(await setTeamLeader(memberAllocation.id, member)).toMatchObject({ reason: "teamLeaderSelf" });
    expect(await setTeamLeader(memberAllocation.id, elsewhere)).toMatchObject({ reason: "teamLeaderNotOnComponent" });
    expect(await setTeamLeader(memberAllocation.id, examiner)).toMatchObject({ reason: "teamLeaderNotOnComponent" });
    expect(await setTeamLeader(examinerAllocation.id, member)).toMatchObject({ reason: "teamLeaderModeratorsOnly" });
    expect(await snapshot()).toEqual(before);

    expect(await setTeamLeader(memberAllocation.id, leader)).toEqual({ ok: true, appointeeId: member });
    expect(await setTeamLeader(leaderAllocation.id, other)).toMatchObject({ ok: true });
    // Other is over Leader, who is over Member: Member may not lead Other.
    const otherAllocation = await db.prisma.allocation.findFirstOrThrow({ where: { appointeeId: other } });
    expect(await setTeamLeader(otherAllocation.id, member)).toMatchObject({ reason: "teamLeaderCircle" });

    const page = await getAppointee(leader);
    if (!page.ok) throw new Error("refused");
    expect(page.allocations[0].leads.map((m) => m.id)).toEqual([member]);
    expect(page.allocations[0].teamLeader?.id).toBe(other);

    // A deactivated moderator cannot be made a team leader.
    await db.prisma.user.update({ where: { id: other }, data: { deactivatedAt: T0 } });
    expect(await setTeamLeader(memberAllocation.id, other)).toMatchObject({ reason: "teamLeaderNotOnComponent" });

    // When the leader's allocation goes, the moderators they led have no team leader.
    expect(await removeAllocation(leaderAllocation.id)).toEqual({ ok: true, appointeeId: leader });
    expect(
      (await db.prisma.allocation.findUniqueOrThrow({ where: { id: memberAllocation.id } })).teamLeaderId,
    ).toBeNull();
    expect(
      await db.prisma.auditEvent.count({ where: { action: "allocation.team-leader-set", targetUserId: member } }),
    ).toBe(1);
  });
});

describe("removing", () => {
  it("takes off one centre or candidate, and the allocation goes with the last", async () => {
    const examiner = await appointee("EXAMINER");
    await as(board);
    await allocate(examiner, "9521/02", { centres: [withLatin.number], entries: [entries.latinB] });
    const allocation = await db.prisma.allocation.findFirstOrThrow({ where: { appointeeId: examiner } });
    expect(await removeFromAllocation(allocation.id, { centreId: mathsOnly.id })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await removeFromAllocation(allocation.id, { centreId: withLatin.id })).toMatchObject({ ok: true });
    const page = await getAppointee(examiner);
    if (!page.ok) throw new Error("refused");
    expect(page.allocations[0].progress).toMatchObject({ centres: 0, candidates: 1, left: 1 });
    expect(await removeFromAllocation(allocation.id, { entryId: entries.latinB })).toMatchObject({ ok: true });
    expect(await db.prisma.allocation.count({ where: { id: allocation.id } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { action: "allocation.reduced", targetUserId: examiner } })).toBe(
      2,
    );
  });
});
