// Entries & Registrations (docs/product-rules.md ("Entries")): candidates and entries in the
// data layer, the import (preview, all-or-nothing confirm), the export route and the A2C key's
// rows, on a real database. The caller and the clock are set with actAs.
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
import {
  authorizeAddCandidate,
  createCandidate,
  getCandidate,
  listCandidates,
  updateCandidate,
} from "@/lib/data/entries/candidates";
import { enterCandidate, listEntries, withdrawEntry } from "@/lib/data/entries/entries";
import { confirmImport, getImportSeries, previewImport } from "@/lib/data/entries/import";
import { entryRowsForKey, exportEntries } from "@/lib/data/entries/export";
import { candidateSchema, isValidUci } from "@/lib/validation/entries";
import { londonTime } from "@/lib/time";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { actAs } from "../utils/act-as";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

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

/** The candidate form's values, as typed. */
const input = (
  over: Partial<{
    candidateNumber: string;
    uci: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
  }> = {},
) => ({
  candidateNumber: "5001",
  // A UCI is unique within a centre: by default one per candidate number.
  uci: makeUci("68101", "24", Number(over.candidateNumber ?? "5001")),
  firstName: "Alys",
  lastName: "Hughes",
  dateOfBirth: "2010-05-03",
  ...over,
});

/** The caller (and the server's clock) of the next data-layer calls. */
const as = (session: LiveSession | null, at: Date = NOW) => actAs(db.prisma, session, at);

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
    await as(s.eo);
    expect(await listCandidates({ locale: "en" })).toMatchObject({ ok: true, canMake: true });
    expect(await authorizeAddCandidate()).toEqual({ ok: true });
    await as(s.admin);
    expect(await listCandidates({ locale: "en" })).toMatchObject({ ok: true, canMake: true });
    await as(s.userEntries);
    expect(await listCandidates({ locale: "en" })).toMatchObject({ ok: true, canMake: false });
    expect(await authorizeAddCandidate()).toEqual({ ok: false, error: "forbidden" });
    await as(s.user);
    expect(await listCandidates({ locale: "en" })).toEqual({ ok: false, error: "forbidden" });
    await as(null);
    expect(await listCandidates({ locale: "en" })).toEqual({ ok: false, error: "unauthenticated" });

    await as(s.userEntries);
    expect(await createCandidate(input({ candidateNumber: "5101" }))).toEqual({
      ok: false,
      error: "forbidden",
    });
    await as(s.user);
    expect(await createCandidate(input({ candidateNumber: "5102" }))).toEqual({
      ok: false,
      error: "forbidden",
    });
    await as(s.eo);
    const mine = (await listCandidates({ locale: "en" })) as { candidates: { id: string }[] };
    await as(s.userEntries);
    expect(await updateCandidate(mine.candidates[0].id, input({ candidateNumber: "5103" }))).toEqual({
      ok: false,
      error: "forbidden",
    });
    // View-only Users are refused before their values are looked at.
    expect(await createCandidate({})).toEqual({ ok: false, error: "forbidden" });
    expect(await db.prisma.candidate.count({ where: { candidateNumber: { in: ["5101", "5102", "5103"] } } })).toBe(0);

    await as(s.admin);
    const made = await createCandidate(input({ candidateNumber: "5104" }));
    expect(made).toMatchObject({ ok: true, candidateNumber: "5104" });
    expect(
      await db.prisma.auditEvent.count({ where: { action: "candidate.created", centreId: centreA.id } }),
    ).toBeGreaterThan(0);
  });

  it("only lists the caller's centre, and another centre's candidate id is not found", async () => {
    await as(s.eo);
    const a = (await listCandidates({ locale: "en" })) as { candidates: { id: string }[] };
    await as(s.eoB);
    const b = (await listCandidates({ locale: "en" })) as { candidates: { id: string }[] };
    expect(b.candidates).toHaveLength(2);
    expect(a.candidates.some((c) => b.candidates.some((x) => x.id === c.id))).toBe(false);
    const foreign = a.candidates[0].id;
    expect(await getCandidate(foreign)).toEqual({ ok: false, error: "notFound" });
    expect(await updateCandidate(foreign, input({ candidateNumber: "5201" }))).toEqual({
      ok: false,
      error: "notFound",
    });
    expect((await db.prisma.candidate.findUnique({ where: { id: foreign } }))!.candidateNumber).not.toBe("5201");
    await as(s.eo);
    expect(await getCandidate(foreign)).toMatchObject({ ok: true, canMake: true, candidate: { id: foreign } });
  });

  it("refuses a candidate number (or UCI) already used at the centre, but allows it at another centre", async () => {
    await as(s.eo);
    expect(await createCandidate(input({ candidateNumber: "0001" }))).toEqual({
      ok: false,
      error: "conflict",
      reason: "candidateNumberTaken",
      fieldErrors: { candidateNumber: ["candidateNumberTaken"] },
    });
    const own = await createCandidate(input({ candidateNumber: "5301" }));
    expect(own).toMatchObject({ ok: true });
    const id = (own as { id: string }).id;
    expect(await updateCandidate(id, input({ candidateNumber: "0002" }))).toEqual({
      ok: false,
      error: "conflict",
      reason: "candidateNumberTaken",
      fieldErrors: { candidateNumber: ["candidateNumberTaken"] },
    });
    // Keeping its own number is not a clash.
    expect(await updateCandidate(id, input({ candidateNumber: "5301", firstName: "Alys Mai" }))).toEqual({
      ok: true,
      id,
      candidateNumber: "5301",
    });
    await as(s.eoB);
    expect(await createCandidate(input({ candidateNumber: "5301" }))).toMatchObject({ ok: true });
    // The UCI is unique within the centre too.
    await as(s.eo);
    expect(await createCandidate(input({ candidateNumber: "5302", uci: makeUci("68101", "24", 5301) }))).toEqual({
      ok: false,
      error: "conflict",
      reason: "uciTaken",
      fieldErrors: { uci: ["uciTaken"] },
    });
  });

  it("validates the candidate number, UCI (12 digits + check letter) and a real past date of birth", async () => {
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

    // The data layer checks the same rules against its own clock, and says which fields are wrong.
    await as(s.eo);
    expect(await createCandidate({ ...ok, candidateNumber: "42", dateOfBirth: "2027-01-10" })).toEqual({
      ok: false,
      error: "invalid",
      reason: "candidateNumberInvalid",
      fieldErrors: { candidateNumber: ["candidateNumberInvalid"], dateOfBirth: ["dateOfBirthNotPast"] },
    });
    await as(s.eo, new Date("2027-01-11T10:00:00Z"));
    expect((await createCandidate({ ...ok, candidateNumber: "5401", dateOfBirth: "2027-01-10" })).ok).toBe(true);
  });

  it("searches by name, candidate number and UCI, and sorts by surname in the reader's alphabet", async () => {
    await as(s.eo);
    for (const [n, last] of [
      ["6001", "Lewis"],
      ["6002", "Llwyd"],
      ["6003", "Lyons"],
    ] as const) {
      await createCandidate(
        input({ candidateNumber: n, uci: makeUci("68101", "25", Number(n)), lastName: last, firstName: "Sortme" }),
      );
    }
    const names = async (locale: "en" | "cy") =>
      ((await listCandidates({ q: "sortme", locale })) as { candidates: { lastName: string }[] }).candidates.map(
        (c) => c.lastName,
      );
    expect(await names("en")).toEqual(["Lewis", "Llwyd", "Lyons"]);
    // Welsh: "ll" is a letter after "l", so Llwyd comes after Lyons.
    expect(await names("cy")).toEqual(["Lewis", "Lyons", "Llwyd"]);

    const byNumber = (await listCandidates({ q: "6002", locale: "en" })) as {
      candidates: { lastName: string }[];
    };
    expect(byNumber.candidates.map((c) => c.lastName)).toEqual(["Llwyd"]);
    const byUci = (await listCandidates({ q: makeUci("68101", "25", 6003), locale: "en" })) as {
      candidates: { lastName: string }[];
    };
    expect(byUci.candidates.map((c) => c.lastName)).toEqual(["Lyons"]);
    // Centre B's candidates are never found by centre A's search.
    await as(s.eoB);
    expect(((await listCandidates({ q: "sortme", locale: "en" })) as { candidates: unknown[] }).candidates).toEqual([]);
  });
});

describe("entries", () => {
  const cand = async (number: string) =>
    (await db.prisma.candidate.findFirstOrThrow({ where: { centreId: centreA.id, candidateNumber: number } })).id;

  it("flags an entry made after the deadline as late, and one made at the deadline itself as on time", async () => {
    const spec = catalogue.specs[0];
    await as(s.eo, DEADLINE);
    const onTime = await enterCandidate({
      seriesId: series.id,
      candidateId: await cand("0001"),
      specificationId: spec.id,
    });
    expect(onTime).toEqual({ ok: true, late: false });
    await as(s.eo, new Date(DEADLINE.getTime() + 1000));
    const late = await enterCandidate({
      seriesId: series.id,
      candidateId: await cand("0002"),
      specificationId: spec.id,
    });
    expect(late).toEqual({ ok: true, late: true });
    await as(s.userEntries, DEADLINE);
    const list = (await listEntries(series.code, { spec: spec.code })) as {
      entries: { candidate: { candidateNumber: string }; late: boolean }[];
      deadlinePassed: boolean;
      canMake: boolean;
    };
    expect(list.entries.map((e) => [e.candidate.candidateNumber, e.late])).toEqual([
      ["0001", false],
      ["0002", true],
    ]);
    expect([list.canMake, list.deadlinePassed]).toEqual([false, false]);
    await as(s.eo, new Date(DEADLINE.getTime() + 1000));
    expect(await listEntries(series.code)).toMatchObject({ ok: true, canMake: true, deadlinePassed: true });
  });

  it("refuses a second entry, lets only EO/Admins enter or withdraw, and scopes ids to the centre", async () => {
    const spec = catalogue.specs[1];
    const candidateId = await cand("0003");
    await as(s.userEntries);
    expect(await enterCandidate({ seriesId: series.id, candidateId, specificationId: spec.id })).toEqual({
      ok: false,
      error: "forbidden",
    });
    await as(s.eoB);
    expect(await enterCandidate({ seriesId: series.id, candidateId, specificationId: spec.id })).toEqual({
      ok: false,
      error: "notFound",
    });
    await as(s.admin);
    expect(await enterCandidate({ seriesId: series.id, candidateId, specificationId: spec.id })).toEqual({
      ok: true,
      late: false,
    });
    await as(s.eo);
    expect(await enterCandidate({ seriesId: series.id, candidateId, specificationId: spec.id })).toEqual({
      ok: false,
      error: "conflict",
      reason: "alreadyEntered",
      fieldErrors: { specificationId: ["alreadyEntered"] },
    });
    expect(await enterCandidate({ seriesId: series.id, candidateId: "", specificationId: "" })).toEqual({
      ok: false,
      error: "invalid",
      reason: "candidateRequired",
      fieldErrors: { candidateId: ["candidateRequired"], specificationId: ["specificationRequired"] },
    });

    const entry = await db.prisma.entry.findFirstOrThrow({ where: { candidateId, specificationId: spec.id } });
    await as(s.userEntries);
    expect(await withdrawEntry(entry.id)).toEqual({ ok: false, error: "forbidden" });
    await as(s.eoB);
    expect(await withdrawEntry(entry.id)).toEqual({ ok: false, error: "notFound" });
    await as(s.eo);
    expect(await withdrawEntry(entry.id)).toEqual({ ok: true });
    const withdrawn = (await listEntries(series.code, { status: "WITHDRAWN" })) as { entries: { id: string }[] };
    expect(withdrawn.entries.map((e) => e.id)).toEqual([entry.id]);
    const entered = (await listEntries(series.code, { status: "ENTERED" })) as { entries: { id: string }[] };
    expect(entered.entries.map((e) => e.id)).not.toContain(entry.id);
    // No series code: the latest series; an unknown one: not found.
    expect(await listEntries("")).toMatchObject({ ok: true, series: { code: series.code } });
    expect(await listEntries("1999-01")).toEqual({ ok: false, error: "notFound" });
    // Centre B sees none of centre A's entries.
    await as(s.eoB);
    expect(((await listEntries(series.code)) as { entries: unknown[] }).entries).toEqual([]);
    await as(s.user);
    expect(await listEntries(series.code)).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("import from CSV", () => {
  const specCode = () => catalogue.specs[2].code;
  const otherSpec = () => catalogue.specs[3].code;

  it("previews every row with its errors and saves nothing", async () => {
    // 0004 is already entered for specs[2].
    await as(s.eo);
    await enterCandidate({
      seriesId: series.id,
      candidateId: (
        await db.prisma.candidate.findFirstOrThrow({ where: { centreId: centreA.id, candidateNumber: "0004" } })
      ).id,
      specificationId: catalogue.specs[2].id,
    });
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
    const result = await previewImport(series.code, csv);
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
    await as(s.eoB);
    const result = await previewImport(series.code, `0001,${specCode()}`);
    expect((result as { preview: { rows: { errors: string[] }[] } }).preview.rows[0].errors).toEqual([]);
    const fromA = await previewImport(series.code, `0003,${specCode()}`);
    // Centre B has only candidates 0001–0002.
    expect((fromA as { preview: { rows: { errors: string[] }[] } }).preview.rows[0].errors).toEqual([
      "unknownCandidate",
    ]);
  });

  it("confirms all rows or none, checking the file again on confirm", async () => {
    const before = await db.prisma.entry.count();
    const bad = `0001,${otherSpec()}\n0002,${otherSpec()}\n9999,${otherSpec()}\n`;
    await as(s.eo);
    const refused = await confirmImport(series.code, bad);
    expect(refused).toMatchObject({ ok: false, error: "invalid", reason: "importHasErrors", preview: { invalid: 1 } });
    expect(await db.prisma.entry.count()).toBe(before);

    const good = `0001,${otherSpec()}\n0002,${otherSpec()}\n`;
    expect((await previewImport(series.code, good)).ok).toBe(true);
    // Between preview and confirm someone enters 0002: the confirm must notice and save nothing.
    await as(s.admin);
    await enterCandidate({
      seriesId: series.id,
      candidateId: (
        await db.prisma.candidate.findFirstOrThrow({ where: { centreId: centreA.id, candidateNumber: "0002" } })
      ).id,
      specificationId: catalogue.spec(otherSpec()).id,
    });
    await as(s.eo);
    const stale = await confirmImport(series.code, good);
    expect(stale).toMatchObject({ ok: false, error: "invalid", reason: "importHasErrors" });
    expect(await db.prisma.entry.count()).toBe(before + 1);

    const fine = `0001,${otherSpec()}\n0003,${otherSpec()}\n`;
    await as(s.eo, new Date(DEADLINE.getTime() + 1000));
    expect(await confirmImport(series.code, fine)).toEqual({
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
    await as(s.userEntries);
    expect(await previewImport(series.code, `0001,${specCode()}`)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await confirmImport(series.code, `0001,${specCode()}`)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await getImportSeries(series.code)).toEqual({ ok: false, error: "forbidden" });
    await as(s.eo);
    expect(await getImportSeries(series.code)).toMatchObject({ ok: true, series: { code: series.code } });
    expect(await getImportSeries("1999-01")).toEqual({ ok: false, error: "notFound" });
    expect(await previewImport(series.code, "candidate_number,specification_code\n")).toEqual({
      ok: false,
      error: "invalid",
      reason: "importEmpty",
    });
    expect(await previewImport(series.code, "")).toEqual({ ok: false, error: "invalid", reason: "importFileRequired" });
    // A file with broken quoting is refused as a whole, not guessed at.
    expect(await previewImport(series.code, `0001,"${specCode()}\n0003,${specCode()}`)).toEqual({
      ok: false,
      error: "invalid",
      reason: "importMalformed",
    });
  });
});

describe("export route", () => {
  const get = async (session: LiveSession | null, code = series.code) => {
    await as(session);
    const { GET } = await import("@/app/api/entries/export/route");
    return GET(new Request(`http://localhost/api/entries/export?series=${code}`));
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

  it("gives an A2C key its own centre's rows, and nothing for a revoked, unknown or mismatched key", async () => {
    const key = await db.prisma.a2CKey.create({
      data: {
        centreId: centreA.id,
        name: "MIS",
        keyHash: "a".repeat(64),
        prefix: "porth_a2c_aaaa",
        createdById: s.eo.user.id,
      },
    });
    const rows = await entryRowsForKey({ keyId: key.id, centreId: centreA.id }, series.id);
    if (!rows.ok) throw new Error(rows.error);
    let count = 0;
    for await (const row of rows.rows) {
      expect(row.candidate_number).toMatch(/^\d{4}$/);
      count++;
    }
    expect(count).toBe(await db.prisma.entry.count({ where: { centreId: centreA.id, seriesId: series.id } }));
    expect(await entryRowsForKey({ keyId: key.id, centreId: centreB.id }, series.id)).toEqual({
      ok: false,
      error: "unauthenticated",
    });
    expect(await entryRowsForKey({ keyId: "nope", centreId: centreA.id }, series.id)).toEqual({
      ok: false,
      error: "unauthenticated",
    });
    await db.prisma.a2CKey.update({ where: { id: key.id }, data: { revokedAt: NOW } });
    expect(await entryRowsForKey({ keyId: key.id, centreId: centreA.id }, series.id)).toEqual({
      ok: false,
      error: "unauthenticated",
    });
    // A person's export is refused to anyone without entries access, whatever they pass.
    await as(s.user);
    expect(await exportEntries(series.code)).toEqual({ ok: false, error: "forbidden" });
  });
});
