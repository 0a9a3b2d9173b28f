// Entries & Registrations (issue 6): candidates and entries in the data access layer, the
// import (preview, all-or-nothing confirm) and the export route, on a real database.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import {
  createCandidates,
  createCentre,
  createQualificationCatalogue,
  createSeries,
  createUser,
  makeUci,
  type Catalogue,
} from "../factories";
import { findLiveSession, type LiveSession } from "@/lib/data/identity/sessions";
import { createCandidate, getCandidate, listCandidates, updateCandidate } from "@/lib/data/entries/candidates";
import { confirmImport, enterCandidate, listEntries, previewImport, withdrawEntry } from "@/lib/data/entries/entries";
import { candidateSchema, isValidUci } from "@/lib/validation/entries";
import { londonTime } from "@/lib/time";
import type { Centre, Series } from "@/lib/generated/prisma/client";

const state = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (state.sid ? { sid: state.sid } : null),
  signIn: async () => {},
  signOut: async () => {},
  entraConfigured: () => false,
  handlers: {},
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers({ "user-agent": "test" }),
}));

const NOW = new Date("2027-01-10T10:00:00Z");
const DEADLINE = londonTime(2027, 2, 21, 23, 59, 59);

let db: TestDb;
let centreA: Centre;
let centreB: Centre;
let series: Series;
let catalogue: Catalogue;
const s: Record<"eo" | "admin" | "userEntries" | "user" | "eoB", LiveSession> = {} as never;

async function sessionFor(options: Parameters<typeof createUser>[1]): Promise<LiveSession> {
  const user = await createUser(db.prisma, { mfa: "totp", ...options });
  const id = randomBytes(16).toString("hex");
  await db.prisma.session.create({
    data: {
      id,
      sessionToken: id,
      userId: user.id,
      expires: new Date(NOW.getTime() + 3600_000),
      lastSeenAt: NOW,
      mfaAt: NOW,
    },
  });
  return (await findLiveSession(id, NOW))!;
}

const input = (
  over: Partial<{ candidateNumber: string; uci: string; firstName: string; lastName: string; dateOfBirth: Date }> = {},
) => ({
  candidateNumber: "5001",
  // A UCI is unique within a centre: by default one per candidate number.
  uci: makeUci("68101", "24", Number(over.candidateNumber ?? "5001")),
  firstName: "Alys",
  lastName: "Hughes",
  dateOfBirth: new Date(Date.UTC(2010, 4, 3)),
  ...over,
});

beforeAll(async () => {
  db = await createTestDb();
  centreA = await createCentre(db.prisma);
  centreB = await createCentre(db.prisma);
  catalogue = await createQualificationCatalogue(db.prisma);
  series = await createSeries(db.prisma);
  await createCandidates(db.prisma, centreA, 5);
  await createCandidates(db.prisma, centreB, 2);
  s.eo = await sessionFor({ role: "EXAMS_OFFICER", centre: centreA });
  s.admin = await sessionFor({ role: "ADMIN", centre: centreA, grants: [] });
  s.userEntries = await sessionFor({ role: "USER", centre: centreA, grants: ["entries"] });
  s.user = await sessionFor({ role: "USER", centre: centreA });
  s.eoB = await sessionFor({ role: "EXAMS_OFFICER", centre: centreB });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("candidates", () => {
  it("EO and Admins make changes, Users with the entries permission only view, other Users have no access", async () => {
    expect(await listCandidates(s.eo, { locale: "en" })).toMatchObject({ ok: true, access: "make" });
    expect(await listCandidates(s.admin, { locale: "en" })).toMatchObject({ ok: true, access: "make" });
    expect(await listCandidates(s.userEntries, { locale: "en" })).toMatchObject({ ok: true, access: "view" });
    expect(await listCandidates(s.user, { locale: "en" })).toEqual({ ok: false, formError: "forbidden" });

    expect(await createCandidate(s.userEntries, input({ candidateNumber: "5101" }), NOW)).toEqual({
      ok: false,
      formError: "forbidden",
    });
    expect(await createCandidate(s.user, input({ candidateNumber: "5102" }), NOW)).toEqual({
      ok: false,
      formError: "forbidden",
    });
    const mine = (await listCandidates(s.eo, { locale: "en" })) as { candidates: { id: string }[] };
    expect(
      await updateCandidate(s.userEntries, mine.candidates[0].id, input({ candidateNumber: "5103" }), NOW),
    ).toEqual({ ok: false, formError: "forbidden" });
    expect(await db.prisma.candidate.count({ where: { candidateNumber: { in: ["5101", "5102", "5103"] } } })).toBe(0);

    const made = await createCandidate(s.admin, input({ candidateNumber: "5104" }), NOW);
    expect(made).toMatchObject({ ok: true });
    expect(
      await db.prisma.auditEvent.count({ where: { action: "candidate.created", centreId: centreA.id } }),
    ).toBeGreaterThan(0);
  });

  it("only lists the caller's centre, and another centre's candidate id is not found", async () => {
    const a = (await listCandidates(s.eo, { locale: "en" })) as { candidates: { id: string }[] };
    const b = (await listCandidates(s.eoB, { locale: "en" })) as { candidates: { id: string }[] };
    expect(b.candidates).toHaveLength(2);
    expect(a.candidates.some((c) => b.candidates.some((x) => x.id === c.id))).toBe(false);
    const foreign = a.candidates[0].id;
    expect(await getCandidate(s.eoB, foreign)).toEqual({ ok: false, formError: "notFound" });
    expect(await updateCandidate(s.eoB, foreign, input({ candidateNumber: "5201" }), NOW)).toEqual({
      ok: false,
      formError: "notFound",
    });
    expect((await db.prisma.candidate.findUnique({ where: { id: foreign } }))!.candidateNumber).not.toBe("5201");
  });

  it("refuses a candidate number (or UCI) already used at the centre, but allows it at another centre", async () => {
    expect(await createCandidate(s.eo, input({ candidateNumber: "0001" }), NOW)).toEqual({
      ok: false,
      fieldErrors: { candidateNumber: ["candidateNumberTaken"] },
    });
    const own = await createCandidate(s.eo, input({ candidateNumber: "5301" }), NOW);
    expect(own).toMatchObject({ ok: true });
    const id = (own as { id: string }).id;
    expect(await updateCandidate(s.eo, id, input({ candidateNumber: "0002" }), NOW)).toEqual({
      ok: false,
      fieldErrors: { candidateNumber: ["candidateNumberTaken"] },
    });
    // Keeping its own number is not a clash.
    expect(await updateCandidate(s.eo, id, input({ candidateNumber: "5301", firstName: "Alys Mai" }), NOW)).toEqual({
      ok: true,
      id,
    });
    expect(await createCandidate(s.eoB, input({ candidateNumber: "5301" }), NOW)).toMatchObject({ ok: true });
    // The UCI is unique within the centre too.
    expect(
      await createCandidate(s.eo, input({ candidateNumber: "5302", uci: makeUci("68101", "24", 5301) }), NOW),
    ).toEqual({ ok: false, fieldErrors: { uci: ["uciTaken"] } });
  });

  it("validates the candidate number, UCI (12 digits + check letter) and a real past date of birth", () => {
    const schema = candidateSchema(NOW);
    const ok = {
      candidateNumber: "0042",
      uci: makeUci("68101", "24", 42).toLowerCase(),
      firstName: "Ifan",
      lastName: "Jones",
      dateOfBirth: "2010-03-27",
    };
    const parsed = schema.safeParse(ok);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.uci).toBe(makeUci("68101", "24", 42));
    const err = (over: Record<string, string>) => {
      const r = schema.safeParse({ ...ok, ...over });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(err({ candidateNumber: "42" })).toEqual(["candidateNumberInvalid"]);
    expect(err({ candidateNumber: "00421" })).toEqual(["candidateNumberInvalid"]);
    const good = makeUci("68101", "24", 42);
    const wrongLetter = good.slice(0, 12) + (good[12] === "A" ? "B" : "A");
    expect(isValidUci(good)).toBe(true);
    expect(err({ uci: wrongLetter })).toEqual(["uciInvalid"]);
    expect(err({ uci: good.slice(0, 12) })).toEqual(["uciInvalid"]);
    expect(err({ dateOfBirth: "2010-02-30" })).toEqual(["dateOfBirthInvalid"]);
    expect(err({ dateOfBirth: "2027-01-10" })).toEqual(["dateOfBirthNotPast"]);
    expect(err({ dateOfBirth: "2027-01-09" })).toEqual([]);
    expect(err({ firstName: " ", lastName: "" })).toEqual(["forenamesRequired", "surnameRequired"]);
  });

  it("searches by name, candidate number and UCI, and sorts by surname in the reader's alphabet", async () => {
    for (const [n, last] of [
      ["6001", "Lewis"],
      ["6002", "Llwyd"],
      ["6003", "Lyons"],
    ] as const) {
      await createCandidate(
        s.eo,
        input({ candidateNumber: n, uci: makeUci("68101", "25", Number(n)), lastName: last, firstName: "Sortme" }),
        NOW,
      );
    }
    const names = async (locale: "en" | "cy") =>
      ((await listCandidates(s.eo, { q: "sortme", locale })) as { candidates: { lastName: string }[] }).candidates.map(
        (c) => c.lastName,
      );
    expect(await names("en")).toEqual(["Lewis", "Llwyd", "Lyons"]);
    // Welsh: "ll" is a letter after "l", so Llwyd comes after Lyons.
    expect(await names("cy")).toEqual(["Lewis", "Lyons", "Llwyd"]);

    const byNumber = (await listCandidates(s.eo, { q: "6002", locale: "en" })) as {
      candidates: { lastName: string }[];
    };
    expect(byNumber.candidates.map((c) => c.lastName)).toEqual(["Llwyd"]);
    const byUci = (await listCandidates(s.eo, { q: makeUci("68101", "25", 6003), locale: "en" })) as {
      candidates: { lastName: string }[];
    };
    expect(byUci.candidates.map((c) => c.lastName)).toEqual(["Lyons"]);
    // Centre B's candidates are never found by centre A's search.
    expect(
      ((await listCandidates(s.eoB, { q: "sortme", locale: "en" })) as { candidates: unknown[] }).candidates,
    ).toEqual([]);
  });
});

describe("entries", () => {
  const cand = async (number: string) =>
    (await db.prisma.candidate.findFirstOrThrow({ where: { centreId: centreA.id, candidateNumber: number } })).id;

  it("flags an entry made after the deadline as late, and one made at the deadline itself as on time", async () => {
    const spec = catalogue.specs[0];
    const onTime = await enterCandidate(
      s.eo,
      { seriesId: series.id, candidateId: await cand("0001"), specificationId: spec.id },
      DEADLINE,
    );
    expect(onTime).toEqual({ ok: true, late: false });
    const late = await enterCandidate(
      s.eo,
      { seriesId: series.id, candidateId: await cand("0002"), specificationId: spec.id },
      new Date(DEADLINE.getTime() + 1000),
    );
    expect(late).toEqual({ ok: true, late: true });
    const list = (await listEntries(s.userEntries, series.code, { spec: spec.code })) as {
      entries: { candidate: { candidateNumber: string }; late: boolean }[];
    };
    expect(list.entries.map((e) => [e.candidate.candidateNumber, e.late])).toEqual([
      ["0001", false],
      ["0002", true],
    ]);
  });

  it("refuses a second entry, lets only EO/Admins enter or withdraw, and scopes ids to the centre", async () => {
    const spec = catalogue.specs[1];
    const candidateId = await cand("0003");
    expect(
      await enterCandidate(s.userEntries, { seriesId: series.id, candidateId, specificationId: spec.id }, NOW),
    ).toEqual({ ok: false, formError: "forbidden" });
    expect(await enterCandidate(s.eoB, { seriesId: series.id, candidateId, specificationId: spec.id }, NOW)).toEqual({
      ok: false,
      formError: "notFound",
    });
    expect(await enterCandidate(s.admin, { seriesId: series.id, candidateId, specificationId: spec.id }, NOW)).toEqual({
      ok: true,
      late: false,
    });
    expect(await enterCandidate(s.eo, { seriesId: series.id, candidateId, specificationId: spec.id }, NOW)).toEqual({
      ok: false,
      fieldErrors: { specificationId: ["alreadyEntered"] },
    });

    const entry = await db.prisma.entry.findFirstOrThrow({ where: { candidateId, specificationId: spec.id } });
    expect(await withdrawEntry(s.userEntries, entry.id, NOW)).toEqual({ ok: false, formError: "forbidden" });
    expect(await withdrawEntry(s.eoB, entry.id, NOW)).toEqual({ ok: false, formError: "notFound" });
    expect(await withdrawEntry(s.eo, entry.id, NOW)).toEqual({ ok: true });
    const withdrawn = (await listEntries(s.eo, series.code, { status: "WITHDRAWN" })) as { entries: { id: string }[] };
    expect(withdrawn.entries.map((e) => e.id)).toEqual([entry.id]);
    const entered = (await listEntries(s.eo, series.code, { status: "ENTERED" })) as { entries: { id: string }[] };
    expect(entered.entries.map((e) => e.id)).not.toContain(entry.id);
    // Centre B sees none of centre A's entries.
    expect(((await listEntries(s.eoB, series.code)) as { entries: unknown[] }).entries).toEqual([]);
    expect(await listEntries(s.user, series.code)).toEqual({ ok: false, formError: "forbidden" });
  });
});

describe("import from CSV", () => {
  const specCode = () => catalogue.specs[2].code;
  const otherSpec = () => catalogue.specs[3].code;

  it("previews every row with its errors and saves nothing", async () => {
    // 0004 is already entered for specs[2].
    await enterCandidate(
      s.eo,
      {
        seriesId: series.id,
        candidateId: (
          await db.prisma.candidate.findFirstOrThrow({ where: { centreId: centreA.id, candidateNumber: "0004" } })
        ).id,
        specificationId: catalogue.specs[2].id,
      },
      NOW,
    );
    const before = await db.prisma.entry.count();
    const csv = [
      `candidate_number,specification_code`,
      `0005,${specCode()}`,
      `9999,${specCode()}`,
      `0005,0000`,
      `0005,${specCode()}`,
      `0004,${specCode()}`,
      `abc`,
    ].join("\r\n");
    const result = await previewImport(s.eo, series.code, csv);
    expect(result.ok).toBe(true);
    const preview = (
      result as { preview: { rows: { line: number; errors: string[] }[]; valid: number; invalid: number } }
    ).preview;
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ["unknownCandidate"]],
      [4, ["unknownSpecification"]],
      [5, ["duplicateRow"]],
      [6, ["alreadyEntered"]],
      [7, ["badRow"]],
    ]);
    expect([preview.valid, preview.invalid]).toEqual([1, 5]);
    expect(await db.prisma.entry.count()).toBe(before);
  });

  it("treats a candidate of another centre as unknown", async () => {
    const result = await previewImport(s.eoB, series.code, `0001,${specCode()}`);
    expect((result as { preview: { rows: { errors: string[] }[] } }).preview.rows[0].errors).toEqual([]);
    const fromA = await previewImport(s.eoB, series.code, `0003,${specCode()}`);
    // Centre B has only candidates 0001–0002.
    expect((fromA as { preview: { rows: { errors: string[] }[] } }).preview.rows[0].errors).toEqual([
      "unknownCandidate",
    ]);
  });

  it("confirms all rows or none, checking the file again on confirm", async () => {
    const before = await db.prisma.entry.count();
    const bad = `0001,${otherSpec()}\n0002,${otherSpec()}\n9999,${otherSpec()}\n`;
    const refused = await confirmImport(s.eo, series.code, bad, NOW);
    expect(refused).toMatchObject({ ok: false, formError: "importHasErrors" });
    expect(await db.prisma.entry.count()).toBe(before);

    const good = `0001,${otherSpec()}\n0002,${otherSpec()}\n`;
    expect((await previewImport(s.eo, series.code, good)).ok).toBe(true);
    // Between preview and confirm someone enters 0002: the confirm must notice and save nothing.
    await enterCandidate(
      s.admin,
      {
        seriesId: series.id,
        candidateId: (
          await db.prisma.candidate.findFirstOrThrow({ where: { centreId: centreA.id, candidateNumber: "0002" } })
        ).id,
        specificationId: catalogue.spec(otherSpec()).id,
      },
      NOW,
    );
    const stale = await confirmImport(s.eo, series.code, good, NOW);
    expect(stale).toMatchObject({ ok: false, formError: "importHasErrors" });
    expect(await db.prisma.entry.count()).toBe(before + 1);

    const fine = `0001,${otherSpec()}\n0003,${otherSpec()}\n`;
    expect(await confirmImport(s.eo, series.code, fine, new Date(DEADLINE.getTime() + 1000))).toEqual({
      ok: true,
      created: 2,
      late: true,
    });
    expect(
      await db.prisma.entry.count({
        where: { centreId: centreA.id, seriesId: series.id, specification: { code: otherSpec() }, late: true },
      }),
    ).toBe(2);
    expect(await db.prisma.auditEvent.count({ where: { action: "entry.imported", centreId: centreA.id } })).toBe(1);
  });

  it("refuses view-only Users and empty files", async () => {
    expect(await previewImport(s.userEntries, series.code, `0001,${specCode()}`)).toEqual({
      ok: false,
      formError: "forbidden",
    });
    expect(await confirmImport(s.userEntries, series.code, `0001,${specCode()}`, NOW)).toEqual({
      ok: false,
      formError: "forbidden",
    });
    expect(await previewImport(s.eo, series.code, "candidate_number,specification_code\n")).toEqual({
      ok: false,
      formError: "importEmpty",
    });
    // A file with broken quoting is refused as a whole, not guessed at.
    expect(await previewImport(s.eo, series.code, `0001,"${specCode()}\n0003,${specCode()}`)).toEqual({
      ok: false,
      formError: "importMalformed",
    });
  });
});

describe("export route", () => {
  const get = async (session: LiveSession | null, code = series.code) => {
    state.sid = session?.id ?? null;
    vi.stubEnv("PORTH_FAKE_NOW", NOW.toISOString());
    const { GET } = await import("@/app/api/entries/export/route");
    const response = await GET(new Request(`http://localhost/api/entries/export?series=${code}`));
    vi.unstubAllEnvs();
    state.sid = null;
    return response;
  };

  it("streams the caller's centre's entries as CSV, to view-only Users too", async () => {
    const response = await get(s.userEntries);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="entries-2027-06.csv"/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "candidate_number,uci,surname,forenames,date_of_birth,specification_code,specification_title,status,late,entered_at",
    );
    const expected = await db.prisma.entry.count({ where: { centreId: centreA.id, seriesId: series.id } });
    expect(lines.length - 1).toBe(expected);
    const ours = new Set((await db.prisma.candidate.findMany({ where: { centreId: centreA.id } })).map((c) => c.uci));
    for (const line of lines.slice(1)) expect(ours.has(line.split(",")[1])).toBe(true);
    expect(lines.some((l) => l.includes(",WITHDRAWN,"))).toBe(true);
    expect(lines.some((l) => /,Y,[^,]+$/.test(l))).toBe(true);
  });

  it("answers 401 signed out, 403 without the permission and 404 for an unknown series", async () => {
    expect((await get(null)).status).toBe(401);
    expect((await get(s.user)).status).toBe(403);
    expect((await get(s.eo, "1999-01")).status).toBe(404);
    const b = await get(s.eoB);
    expect((await b.text()).trim().split("\r\n")).toHaveLength(1);
  });
});
