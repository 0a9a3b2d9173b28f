// Entries (docs/product-rules.md ("Entries")): entering and withdrawing candidates, late
// entries, the export route and the A2C key's rows, in the data layer on a real database. The
// caller and the clock are set with actAs; the world is in tests/integration/entries/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDb } from "../utils/test-db";
import { createCandidates, type Catalogue } from "../factories";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { enterCandidate, listEntries, withdrawEntry } from "@/lib/data/entries/entries";
import { entryRowsForKey, exportEntries } from "@/lib/data/entries/export";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { buildEntriesWorld, DEADLINE, NOW, type EntriesWorld } from "./entries/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
let centreA: Centre;
let centreB: Centre;
let series: Series;
let catalogue: Catalogue;
let s: EntriesWorld["s"];
let as: EntriesWorld["as"];

beforeAll(async () => {
  ({ db, centreA, centreB, series, catalogue, s, as } = await buildEntriesWorld());
}, 120_000);

afterAll(async () => {
  await db?.close();
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

describe("the entries list, a page at a time", () => {
  it("pages every entry once in candidate-number then specification order, with the count, and searches", async () => {
    await as(s.eo, NOW);
    await createCandidates(db.prisma, centreA, 12, { startNumber: 8001 });
    const mine = await db.prisma.candidate.findMany({
      where: { centreId: centreA.id },
      orderBy: { candidateNumber: "asc" },
    });
    // Enough entries for two pages and more: every candidate of centre A for every specification.
    for (const c of mine)
      for (const spec of catalogue.specs)
        await db.prisma.entry.upsert({
          where: {
            candidateId_seriesId_specificationId: { candidateId: c.id, seriesId: series.id, specificationId: spec.id },
          },
          create: { centreId: centreA.id, candidateId: c.id, seriesId: series.id, specificationId: spec.id },
          update: {},
        });
    const all = await db.prisma.entry.findMany({
      where: { centreId: centreA.id, seriesId: series.id },
      select: {
        id: true,
        status: true,
        candidate: { select: { candidateNumber: true, lastName: true } },
        specification: { select: { code: true } },
      },
    });
    const order = (rows: typeof all) =>
      [...rows]
        .sort(
          (a, b) =>
            a.candidate.candidateNumber.localeCompare(b.candidate.candidateNumber) ||
            a.specification.code.localeCompare(b.specification.code),
        )
        .map((e) => e.id);
    type Page = { entries: { id: string; createdAt: Date }[]; total: number; page: number; pageSize: number };
    const read = async (filters: Parameters<typeof listEntries>[1]) => {
      const pages: Page[] = [];
      for (let page = 1; ; page++) {
        const p = (await listEntries(series.code, { ...filters, page })) as Page;
        pages.push(p);
        if (p.entries.length < p.pageSize) break;
      }
      return pages;
    };
    const pages = await read({});
    expect(all.length).toBeGreaterThan(pages[0].pageSize);
    expect(pages.every((p) => p.total === all.length)).toBe(true);
    expect(pages.flatMap((p) => p.entries.map((e) => e.id))).toEqual(order(all));
    expect(pages[0].entries[0].createdAt).toBeInstanceOf(Date);

    const spec = catalogue.specs[1].code;
    const target = mine[2];
    const cases: [Parameters<typeof listEntries>[1], (e: (typeof all)[number]) => boolean][] = [
      [{ spec }, (e) => e.specification.code === spec],
      [{ status: "WITHDRAWN" }, (e) => e.status === "WITHDRAWN"],
      [
        { q: target.lastName.toUpperCase() },
        (e) => e.candidate.lastName.toLowerCase().includes(target.lastName.toLowerCase()),
      ],
      [
        { q: target.candidateNumber, spec },
        (e) => e.candidate.candidateNumber === target.candidateNumber && e.specification.code === spec,
      ],
    ];
    for (const [filters, keep] of cases) {
      const found = await read(filters);
      expect(
        found.flatMap((p) => p.entries.map((e) => e.id)),
        JSON.stringify(filters),
      ).toEqual(order(all.filter(keep)));
      expect(found[0].total, JSON.stringify(filters)).toBe(all.filter(keep).length);
    }
    // Centre B sees none of them.
    await as(s.eoB, NOW);
    expect(((await listEntries(series.code)) as Page).entries.map((e) => e.id)).not.toContain(all[0].id);
  });
});
