// Board staff's documents (docs/product-rules.md ("Board uploads")) against a real database and a
// throwaway file store: a PDF judged by its content and size, stored, listed, replaced and
// removed with audit rows; pre-release material shown to centres with entries for it only from
// its date; conference agendas never shown to centres; only board staff upload. The world is in
// tests/integration/board-resources/world.ts.
import { readFile as readDisk } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  listDocuments,
  removeDocument,
  replaceDocumentFile,
  uploadDocument,
  type DocumentInput,
} from "@/lib/data/board/resources";
import { listResources, openResource } from "@/lib/data/resources/resources";
import { MAX_UPLOAD_BYTES } from "@/lib/board/pdf";
import { londonTime } from "@/lib/time";
import { buildBoardWorld, okOf, pdfFile, storedFiles, type BoardWorld } from "./board-resources/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => ({
  ...(await import("../utils/next-mocks")).headersMock,
  headers: async () => new Headers({ "user-agent": "board-test", "x-porth-peer": "203.0.113.20" }),
}));
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let w: BoardWorld;

beforeAll(async () => {
  w = await buildBoardWorld();
}, 120_000);

afterAll(async () => {
  await w?.db.close();
});

const resourceRoute = async (id: string) =>
  (await import("@/app/api/files/resources/[id]/route")).GET(
    new Request(`http://localhost/api/files/resources/${id}`),
    {
      params: Promise.resolve({ id }),
    },
  );

const input = (over: Partial<DocumentInput> = {}): DocumentInput => ({
  kind: "PAST_PAPER",
  specification: "9521",
  series: "",
  component: "",
  year: 2027,
  language: "en",
  secure: true,
  titleEn: "Latin: question papers, June 2027",
  titleCy: "Lladin: papurau cwestiynau, Mehefin 2027",
  availableFrom: null,
  ...over,
});

/** What an upload could change: the documents, the audit log, the files. */
async function snapshot() {
  return {
    resources: await w.prisma.resource.count(),
    audits: await w.prisma.auditEvent.count(),
    files: storedFiles(w.files),
  };
}

describe("uploading a document", () => {
  it("stores a PDF, audits it, and shows a secure one only to centres with entries for its specification", async () => {
    await w.as("board");
    const file = await pdfFile("Latin June 2027");
    const { id } = okOf(await uploadDocument(input(), file));
    const row = await w.prisma.resource.findUniqueOrThrow({ where: { id } });
    expect([row.kind, row.secure, row.uploadedById, row.year]).toEqual(["PAST_PAPER", true, w.userIds.board, 2027]);
    const onDisk = await readDisk(path.join(w.files, row.fileKey));
    expect(onDisk.equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
    const event = await w.prisma.auditEvent.findFirstOrThrow({ where: { action: "resource.uploaded" } });
    expect(event.actorId).toBe(w.userIds.board);
    expect(event.ip).toBe("203.0.113.20");
    expect(event.details).toMatchObject({ resourceId: id, kind: "PAST_PAPER", specification: "9521", secure: true });

    const listed = okOf(await listDocuments({ kind: "PAST_PAPER" }));
    expect(listed.documents.map((d) => [d.id, d.uploadedBy])).toContainEqual([id, expect.any(String)]);

    await w.as("eoA");
    const a = okOf(await listResources("past-papers", { specification: "9521" }));
    expect(a.items.map((r) => r.id)).toContain(id);
    const response = await resourceRoute(id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(onDisk)).toBe(true);
    await w.as("eoB");
    const b = okOf(await listResources("past-papers", { specification: "9521" }));
    expect([b.items.map((r) => r.id), b.hiddenSecure]).toEqual([[], 1]);
    expect((await resourceRoute(id)).status).toBe(404);
  });

  it("refuses a file that is not a PDF whatever its name, a cut-off PDF, an empty one and one over 25 MB, changing nothing", async () => {
    await w.as("board");
    const before = await snapshot();
    const text = new File(["Dear centre, this is a letter."], "paper.pdf", { type: "application/pdf" });
    const real = new Uint8Array(await (await pdfFile("cut")).arrayBuffer());
    const cut = new File([real.slice(0, 200)], "paper.pdf", { type: "application/pdf" });
    const huge = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "big.pdf", { type: "application/pdf" });
    expect(await uploadDocument(input(), text)).toEqual({ ok: false, error: "invalid", reason: "uploadNotPdf" });
    expect(await uploadDocument(input(), cut)).toEqual({ ok: false, error: "invalid", reason: "uploadNotPdf" });
    expect(await uploadDocument(input(), new File([], "x.pdf"))).toEqual({
      ok: false,
      error: "invalid",
      reason: "uploadFileRequired",
    });
    expect(await uploadDocument(input(), huge)).toEqual({ ok: false, error: "invalid", reason: "uploadTooLarge" });
    const existing = await w.prisma.resource.findFirstOrThrow();
    expect(await replaceDocumentFile(existing.id, text)).toEqual({
      ok: false,
      error: "invalid",
      reason: "uploadNotPdf",
    });
    expect(await replaceDocumentFile(existing.id, huge)).toEqual({
      ok: false,
      error: "invalid",
      reason: "uploadTooLarge",
    });
    expect(await snapshot()).toEqual(before);
    expect(await readDisk(path.join(w.files, existing.fileKey))).toBeTruthy();
  });

  it("refuses what the kind needs and does not have, changing nothing", async () => {
    await w.as("board");
    const before = await snapshot();
    const file = await pdfFile("x");
    const refusal = async (over: Partial<DocumentInput>) => uploadDocument(input(over), file);
    expect(await refusal({ specification: "" })).toMatchObject({ reason: "uploadSpecificationRequired" });
    expect(await refusal({ specification: "0000" })).toMatchObject({ reason: "uploadSpecificationUnknown" });
    expect(await refusal({ kind: "PRE_RELEASE", series: "", availableFrom: new Date() })).toMatchObject({
      reason: "uploadSeriesRequired",
    });
    expect(await refusal({ kind: "PRE_RELEASE", series: "2027-06" })).toMatchObject({
      reason: "uploadAvailableFromRequired",
    });
    expect(await refusal({ kind: "AGENDA", series: "2027-06", component: "" })).toMatchObject({
      reason: "uploadComponentRequired",
    });
    expect(await uploadDocument(null, file)).toEqual({ ok: false, error: "invalid" });
    expect(await snapshot()).toEqual(before);
  });

  it("is for board staff only: centre accounts and appointees are refused, signed out is unauthenticated", async () => {
    const file = await pdfFile("not yours");
    await w.as("board");
    const target = okOf(await uploadDocument(input({ kind: "CIRCULAR", specification: "" }), file));
    const before = await snapshot();
    for (const who of ["eoA", "adminA", "userA", "appointee"] as const) {
      await w.as(who);
      expect(await uploadDocument(input(), file), who).toEqual({ ok: false, error: "forbidden" });
      expect(await replaceDocumentFile(target.id, file), who).toEqual({ ok: false, error: "forbidden" });
      expect(await removeDocument(target.id, true), who).toEqual({ ok: false, error: "forbidden" });
      expect(await listDocuments(), who).toEqual({ ok: false, error: "forbidden" });
    }
    await w.as(null);
    expect(await uploadDocument(input(), file)).toEqual({ ok: false, error: "unauthenticated" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("replacing and removing a document", () => {
  it("replaces the file (the old one goes), then removes the document and its file, each audited", async () => {
    await w.as("board");
    const { id } = okOf(await uploadDocument(input({ kind: "MARK_SCHEME", secure: false }), await pdfFile("v1")));
    const first = await w.prisma.resource.findUniqueOrThrow({ where: { id } });
    const v2 = await pdfFile("v2");
    okOf(await replaceDocumentFile(id, v2));
    const second = await w.prisma.resource.findUniqueOrThrow({ where: { id } });
    expect(second.fileKey).not.toBe(first.fileKey);
    expect(storedFiles(w.files)).not.toContain(first.fileKey);
    await w.as("userA");
    const downloaded = Buffer.from(await (await resourceRoute(id)).arrayBuffer());
    expect(downloaded.equals(Buffer.from(await v2.arrayBuffer()))).toBe(true);

    await w.as("board");
    expect(await removeDocument(id, false)).toEqual({ ok: false, error: "invalid", reason: "uploadConfirmRemove" });
    okOf(await removeDocument(id, true));
    expect(await w.prisma.resource.findUnique({ where: { id } })).toBeNull();
    expect(storedFiles(w.files)).not.toContain(second.fileKey);
    expect(await removeDocument(id, true)).toEqual({ ok: false, error: "notFound" });
    const actions = (
      await w.prisma.auditEvent.findMany({
        where: { action: { in: ["resource.replaced", "resource.removed"] } },
        orderBy: { at: "asc" },
      })
    ).filter((e) => (e.details as { resourceId?: string }).resourceId === id);
    expect(actions.map((e) => e.action)).toEqual(["resource.replaced", "resource.removed"]);
    expect(actions[0].details).toMatchObject({ oldFileKey: first.fileKey, fileKey: second.fileKey });
  });
});

describe("pre-release material", () => {
  // Centre A has Maths (9531) entries in June 2027; centre B has none.
  const FROM = londonTime(2027, 5, 3, 9, 0); // 09:00 BST on Monday 3 May 2027 = 08:00Z

  it("reaches centres with entries for its specification in its series, only from the date the board sets", async () => {
    await w.as("board");
    const { id } = okOf(
      await uploadDocument(
        input({ kind: "PRE_RELEASE", specification: "9531", series: "2027-06", availableFrom: FROM, secure: false }),
        await pdfFile("Maths case study"),
      ),
    );
    const row = await w.prisma.resource.findUniqueOrThrow({ where: { id } });
    expect([row.secure, row.availableFrom?.toISOString(), row.seriesId]).toEqual([
      true,
      "2027-05-03T08:00:00.000Z",
      w.series.id,
    ]);

    await w.as("eoA", "2027-05-03T07:59:59Z");
    const early = okOf(await listResources("pre-release"));
    expect([early.items, early.hiddenSecure]).toEqual([[], 0]);
    expect(await openResource(id)).toEqual({ ok: false, error: "notFound" });

    await w.as("userA", "2027-05-03T08:00:00Z");
    expect(okOf(await listResources("pre-release")).items.map((r) => r.id)).toEqual([id]);
    expect((await resourceRoute(id)).status).toBe(200);
    // Not in the other areas.
    expect(okOf(await listResources("past-papers")).items.map((r) => r.id)).not.toContain(id);

    await w.as("eoB", "2027-05-04T10:00:00Z");
    const other = okOf(await listResources("pre-release"));
    expect([other.items, other.hiddenSecure]).toEqual([[], 1]);
    expect((await resourceRoute(id)).status).toBe(404);

    await w.as("board", "2027-04-01T10:00:00Z");
    expect(okOf(await listResources("pre-release")).items.map((r) => r.id)).toEqual([id]);
  });

  it("is not for a centre whose entries for the specification are in another series", async () => {
    const november = await w.prisma.series.create({
      data: {
        code: "2026-11",
        nameEn: "November 2026",
        nameCy: "Tachwedd 2026",
        resultsDay: new Date(Date.UTC(2027, 0, 14)),
        restrictedReleaseAt: londonTime(2027, 1, 13),
        releaseAt: londonTime(2027, 1, 14, 8),
        entryDeadline: londonTime(2026, 10, 4),
      },
    });
    await w.as("board");
    const { id } = okOf(
      await uploadDocument(
        input({ kind: "PRE_RELEASE", specification: "9531", series: november.code, availableFrom: FROM }),
        await pdfFile("November case study"),
      ),
    );
    await w.as("eoA", "2027-06-01T10:00:00Z");
    expect(okOf(await listResources("pre-release")).items.map((r) => r.id)).not.toContain(id);
    expect(await openResource(id)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("conference agendas", () => {
  it("are stored per component and series, listed for the board, and never shown to a centre", async () => {
    await w.as("board");
    const { id } = okOf(
      await uploadDocument(
        input({ kind: "AGENDA", specification: "", series: "2027-06", component: "9521/01", secure: false }),
        await pdfFile("EMI agenda 9521/01"),
      ),
    );
    const listed = okOf(await listDocuments({ kind: "AGENDA" }));
    const agenda = listed.documents.find((d) => d.id === id);
    expect([agenda?.component?.code, agenda?.series?.code, agenda?.specification?.code]).toEqual([
      "9521/01",
      "2027-06",
      "9521",
    ]);
    expect((await resourceRoute(id)).status).toBe(200);

    for (const who of ["eoA", "userA"] as const) {
      await w.as(who);
      for (const area of ["past-papers", "support-material", "pre-release", "circulars"] as const)
        expect(
          okOf(await listResources(area)).items.map((r) => r.id),
          `${who} ${area}`,
        ).not.toContain(id);
      expect((await resourceRoute(id)).status, who).toBe(404);
    }
  });
});
