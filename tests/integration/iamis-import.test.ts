// Importing IAMIS marks from a CSV file (docs/marks.md, "Importing marks"), on a real database:
// the preview saves nothing and says what is wrong line by line; the confirm saves every line or
// none, moves each mark's version on as a grid save would (a grid based on the old version then
// meets a conflict), and writes one audit row with the old and new values.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { confirmMarksImport, previewMarksImport } from "@/lib/data/marks/iamis-import";
import { saveSheetMark } from "@/lib/data/marks/iamis-save";
import { importMarksAction } from "@/app/(portal)/iamis/[sheetId]/import/actions";
import { buildIamisWorld, fill, mark, saveOf, type IamisWorld } from "./iamis/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);
vi.mock("next-intl/server", async () => (await import("../utils/next-mocks")).intlServerMock);

let w: IamisWorld;
let sheet: string;
let entries: string[];

beforeAll(async () => {
  w = await buildIamisWorld();
  entries = await w.enter(w.centreA, 4); // candidates 0001–0004
  await w.enter(w.centreB, 2); // centre B's 0001–0002: never centre A's
  sheet = await w.sheetOf(w.centreA);
  await w.as("eo");
  await fill(sheet, [entries[0]], [mark(12)]);
}, 120_000);
afterAll(async () => w?.db.close());

const marks = async () =>
  (
    await w.db.prisma.mark.findMany({
      where: { entryId: { in: entries } },
      include: { entry: { include: { candidate: true } } },
    })
  )
    .map((m) => [m.entry.candidate.candidateNumber, m.code ?? m.total, m.version] as const)
    .sort();
const importAudits = () => w.db.prisma.auditEvent.count({ where: { action: "iamis.imported" } });

describe("the preview", () => {
  it("shows every line with the mark now and its problems, and saves nothing", async () => {
    await w.as("eo");
    const r = await previewMarksImport(sheet, "candidate_number,mark\n1,20\n2,A\n3,61\n9,5\n2,W\n");
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.preview.valid).toBe(2);
    expect(r.preview.invalid).toBe(3);
    expect(r.preview.rows.map((x) => [x.candidateNumber, x.current, x.errors])).toEqual([
      ["0001", mark(12), []],
      ["0002", null, []],
      ["0003", null, ["marks.overMax"]],
      ["0009", null, ["unknownCandidate"]],
      ["0002", null, ["duplicateRow"]],
    ]);
    expect(r.preview.rows[0].name).toMatch(/, /);
    expect(await marks()).toEqual([["0001", 12, 1]]);
  });

  it("refuses a file that is empty, malformed or too large as a whole", async () => {
    await w.as("eo");
    expect(await previewMarksImport(sheet, "")).toEqual({ ok: false, error: "invalid", reason: "importFileRequired" });
    expect(await previewMarksImport(sheet, "candidate_number,mark\n")).toEqual({
      ok: false,
      error: "invalid",
      reason: "importEmpty",
    });
    expect(await previewMarksImport(sheet, '1,"20\n')).toEqual({
      ok: false,
      error: "invalid",
      reason: "importMalformed",
    });
    expect(await previewMarksImport(sheet, "1,1\n".repeat(200_000))).toEqual({
      ok: false,
      error: "invalid",
      reason: "importTooLarge",
    });
  });
});

describe("the confirm", () => {
  it("saves nothing when any line is wrong, and says which", async () => {
    await w.as("eo");
    const before = await importAudits();
    const r = await confirmMarksImport(sheet, "1,20\n2,A\n3,4.5\n");
    expect(r).toMatchObject({ ok: false, error: "invalid", reason: "importHasErrors", preview: { invalid: 1 } });
    expect(await marks()).toEqual([["0001", 12, 1]]);
    expect(await importAudits()).toBe(before);
  });

  it("saves every line, moving versions on, with one audit row of old and new values", async () => {
    await w.as("userIamis");
    const r = await confirmMarksImport(sheet, "candidate_number,mark\r\n0001,20\r\n2,a\r\n3,0\r\n4,W\r\n");
    expect(r).toEqual({ ok: true, saved: 4, changed: 4 });
    expect(await marks()).toEqual([
      ["0001", 20, 2],
      ["0002", "A", 1],
      ["0003", 0, 1],
      ["0004", "W", 1],
    ]);
    const event = await w.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "iamis.imported" },
      orderBy: { at: "desc" },
    });
    expect(event).toMatchObject({ actorId: w.s.userIamis.user.id, centreId: w.centreA.id });
    const changes = (event.details as { changes: { candidateNumber: string; old: unknown; new: unknown }[] }).changes;
    expect(changes.map((c) => [c.candidateNumber, c.old, c.new])).toEqual([
      ["0001", mark(12), mark(20)],
      ["0002", null, mark(null, "A")],
      ["0003", null, mark(0)],
      ["0004", null, mark(null, "W")],
    ]);
    // A grid still showing version 1 of candidate 0001 now meets a conflict, with the imported mark.
    await w.as("eo");
    expect(await saveSheetMark(sheet, entries[0], saveOf(mark(13), 1))).toMatchObject({
      ok: false,
      error: "conflict",
      current: { value: mark(20), version: 2 },
    });
  });

  it("the same file again changes nothing and says so", async () => {
    await w.as("eo");
    expect(await confirmMarksImport(sheet, "1,20\n2,A\n3,0\n4,W\n")).toEqual({ ok: true, saved: 4, changed: 0 });
    expect((await marks()).map((m) => m[2])).toEqual([2, 1, 1, 1]);
  });
});

describe("the import form", () => {
  const post = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.append(k, v);
    return importMarksAction({ stage: "upload", sheetId: sheet }, data);
  };

  it("previews, then confirms, the same text", async () => {
    await w.as("eo");
    const preview = await post({ intent: "preview", sheetId: sheet, csv: "1,33\n" });
    expect(preview).toMatchObject({ stage: "preview", preview: { valid: 1, invalid: 0 } });
    expect(await post({ intent: "confirm", sheetId: sheet, csv: preview.csv! })).toMatchObject({
      stage: "done",
      saved: 1,
      changed: 1,
    });
  });

  it("refuses a field the form never sends, and another centre's sheet, changing nothing", async () => {
    await w.as("eo");
    const before = await marks();
    expect(await post({ intent: "confirm", sheetId: sheet, csv: "1,1\n", extra: "x" })).toEqual({
      formError: "tampered",
    });
    await w.as("eoB");
    expect(await post({ intent: "confirm", sheetId: sheet, csv: "1,1\n" })).toEqual({ formError: "notFound" });
    expect(await marks()).toEqual(before);
  });
});
