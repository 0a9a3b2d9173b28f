// Candidates (docs/product-rules.md ("Entries")): who may view and change them, centre scoping,
// clashing numbers and UCIs, validation and search, in the data layer on a real database. The
// caller and the clock are set with actAs; the world is in tests/integration/entries/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDb } from "../utils/test-db";
import { makeUci } from "../factories";
import {
  authorizeAddCandidate,
  createCandidate,
  getCandidate,
  listCandidates,
  updateCandidate,
} from "@/lib/data/entries/candidates";
import { candidateSchema, isValidUci } from "@/lib/validation/entries";
import type { Centre } from "@/lib/generated/prisma/client";
import { buildEntriesWorld, NOW, type EntriesWorld } from "./entries/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
let centreA: Centre;
let s: EntriesWorld["s"];
let as: EntriesWorld["as"];

beforeAll(async () => {
  ({ db, centreA, s, as } = await buildEntriesWorld());
}, 120_000);

afterAll(async () => {
  await db?.close();
});

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

  it("pages the sorted list: every match once, in order, with the count of all", async () => {
    await as(s.eo);
    for (let n = 6101; n <= 6107; n++) {
      await createCandidate(
        input({
          candidateNumber: String(n),
          uci: makeUci("68101", "25", n),
          lastName: ["Llwyd", "Lewis", "Lyons", "Ab Owen", "Zane", "Ellis", "Morgan"][n - 6101],
          firstName: "Pageme",
        }),
      );
    }
    type Page = { candidates: { lastName: string }[]; total: number; page: number; pageSize: number };
    const page = async (n: number) =>
      (await listCandidates({ q: "pageme", locale: "cy", page: n, pageSize: 3 })) as Page;
    const pages = [await page(1), await page(2), await page(3), await page(4)];
    expect(pages.map((p) => [p.total, p.page, p.pageSize])).toEqual([
      [7, 1, 3],
      [7, 2, 3],
      [7, 3, 3],
      [7, 4, 3],
    ]);
    expect(pages.map((p) => p.candidates.map((c) => c.lastName))).toEqual([
      ["Ab Owen", "Ellis", "Lewis"],
      ["Lyons", "Llwyd", "Morgan"],
      ["Zane"],
      [],
    ]);
    // The default page size, and a page number that is not one, reads the first page.
    const first = (await listCandidates({ q: "pageme", locale: "cy", page: "x" })) as Page;
    expect([first.page, first.pageSize, first.candidates.length]).toEqual([1, 50, 7]);
  });
});
