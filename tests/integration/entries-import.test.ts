// The entries import from CSV (docs/product-rules.md ("Entries")): the preview with each row's
// errors, the all-or-nothing confirm that checks the file again, and who may import, on a real
// database. The caller and the clock are set with actAs; the world is in
// tests/integration/entries/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDb } from "../utils/test-db";
import type { Catalogue } from "../factories";
import { enterCandidate } from "@/lib/data/entries/entries";
import { confirmImport, getImportSeries, previewImport } from "@/lib/data/entries/import";
import type { Centre, Series } from "@/lib/generated/prisma/client";
import { buildEntriesWorld, DEADLINE, type EntriesWorld } from "./entries/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
let centreA: Centre;
let series: Series;
let catalogue: Catalogue;
let s: EntriesWorld["s"];
let as: EntriesWorld["as"];

beforeAll(async () => {
  ({ db, centreA, series, catalogue, s, as } = await buildEntriesWorld());
}, 120_000);

afterAll(async () => {
  await db?.close();
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
