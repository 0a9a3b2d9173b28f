// Past papers, mark schemes, support material and circulars (docs/product-rules.md ("Resources
// and question papers")), against a real database and a throwaway file store: the data layer and
// the resource download route handler, called directly. Only Auth.js's cookie and Next's request
// headers are stand-ins; the world is in tests/integration/resources/world.ts.
import { writeFileSync } from "node:fs";
import { readFile as readDisk } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient, Resource } from "@/lib/generated/prisma/client";
import { listCirculars, listResources, openResource } from "@/lib/data/resources/resources";
import type { TestDb } from "../utils/test-db";
import type { Catalogue } from "../factories/catalogue";
import { buildResourcesWorld, throwawayFileStore, type ResourcesWorld } from "./resources/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => ({
  ...(await import("../utils/next-mocks")).headersMock,
  headers: async () => new Headers({ "user-agent": "resources-test", "x-porth-peer": "203.0.113.9" }),
}));
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

const FILES = throwawayFileStore();

let db: TestDb;
let prisma: PrismaClient;
let catalogue: Catalogue;
let resources: Resource[];
let as: ResourcesWorld["as"];

beforeAll(async () => {
  ({ db, prisma, catalogue, resources, as } = await buildResourcesWorld());
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.close();
});

const resourceRoute = async (id: string) =>
  (await import("@/app/api/files/resources/[id]/route")).GET(
    new Request(`http://localhost/api/files/resources/${id}`),
    { params: Promise.resolve({ id }) },
  );

const spec = (code: string) => catalogue.spec(code);
const secureOf = (code: string) =>
  resources.find((r) => r.secure && r.specificationId === spec(code).id && r.kind === "PAST_PAPER")!;

// ───────────────────────── past papers and support material ─────────────────────────

describe("past papers, mark schemes and support material", () => {
  it("shows secure items only for specifications the centre has entries for", async () => {
    await as("eoA");
    const a = await listResources("past-papers", { specification: "9521" });
    expect(a.ok && a.items.some((r) => r.secure)).toBe(true);
    expect(a.ok && a.hiddenSecure).toBe(0);

    await as("eoB");
    const b = await listResources("past-papers", { specification: "9521" });
    if (!b.ok) throw new Error("denied");
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items.every((r) => !r.secure)).toBe(true);
    expect(b.hiddenSecure).toBe(2); // 2026 question paper and mark scheme
    const bOwn = await listResources("past-papers", { specification: "9621" });
    expect(bOwn.ok && bOwn.items.filter((r) => r.secure).length).toBe(2);
  });

  it("does not count a withdrawn entry", async () => {
    await as("eoA");
    const history = await listResources("past-papers", { specification: "9611" });
    expect(history.ok && history.items.every((r) => !r.secure)).toBe(true);
    expect(history.ok && history.hiddenSecure).toBeGreaterThan(0);
  });

  it("gives every centre account the resources (a User with no grants too) and board staff everything", async () => {
    await as("userA");
    const u = await listResources("past-papers", { specification: "9531" });
    expect(u.ok && u.items.some((r) => r.secure)).toBe(true);
    await as("board");
    const all = await listResources("past-papers", {});
    expect(all.ok && all.items.length).toBe(
      resources.filter((r) => r.kind === "PAST_PAPER" || r.kind === "MARK_SCHEME").length,
    );
    await as("appointee");
    expect(await listResources("past-papers", {})).toEqual({ ok: false, error: "forbidden" });
    await as(null);
    expect(await listResources("past-papers", {})).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("filters by qualification, specification, kind, year and language, ignoring unknown values", async () => {
    await as("eoA");
    const f = await listResources("past-papers", {
      specification: "9531",
      kind: "PAST_PAPER",
      year: "2025",
      language: "cy",
    });
    if (!f.ok) throw new Error("denied");
    expect(f.items.map((r) => [r.specification?.code, r.kind, r.year, r.language])).toEqual([
      ["9531", "PAST_PAPER", 2025, "cy"],
    ]);
    const alevel = await listResources("past-papers", { qualification: "A level" });
    expect(
      alevel.ok &&
        alevel.items.length > 0 &&
        alevel.items.every((r) => r.specification?.qualification.code === "A level"),
    ).toBe(true);
    const schemes = await listResources("past-papers", { kind: "MARK_SCHEME" });
    expect(schemes.ok && schemes.items.every((r) => r.kind === "MARK_SCHEME")).toBe(true);
    // A kind from another area, or nonsense, does not widen or break the list.
    const support = await listResources("past-papers", { kind: "SUPPORT", year: "20x5", language: "fr" });
    expect(support.ok && support.items.every((r) => r.kind === "PAST_PAPER" || r.kind === "MARK_SCHEME")).toBe(true);
    const material = await listResources("support-material", {});
    expect(material.ok && material.items.length).toBe(4);
    expect(material.ok && material.options.years).toEqual([2026]);
  });
});

describe("GET /api/files/resources/[id]", () => {
  it("answers 401 signed out, 403 without the permission, 404 for an unknown id", async () => {
    await as(null);
    expect((await resourceRoute(secureOf("9521").id)).status).toBe(401);
    await as("appointee");
    expect((await resourceRoute(secureOf("9521").id)).status).toBe(403);
    await as("eoA");
    expect((await resourceRoute("no-such-resource")).status).toBe(404);
  });

  it("streams the file with its bytes, type, name and no caching", async () => {
    await as("userA");
    const resource = secureOf("9521");
    const response = await resourceRoute(resource.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="9521-2026-question-papers-en\.pdf"/,
    );
    const body = Buffer.from(await response.arrayBuffer());
    const onDisk = await readDisk(path.join(FILES, resource.fileKey));
    expect(body.equals(onDisk)).toBe(true);
    expect(response.headers.get("content-length")).toBe(String(onDisk.length));
  });

  it("does not let another centre fetch a secure item (not found), but serves it open items", async () => {
    await as("eoB");
    const secure = await resourceRoute(secureOf("9521").id);
    expect(secure.status).toBe(404);
    expect(await secure.text()).not.toContain("%PDF");
    const open = resources.find((r) => !r.secure && r.specificationId === spec("9521").id)!;
    expect((await resourceRoute(open.id)).status).toBe(200);
    await as("board");
    expect((await resourceRoute(secureOf("9521").id)).status).toBe(200);
  });

  it("refuses a file key that leaves the store (path traversal) without reading it", async () => {
    // A real file just outside the store's root, which "../<name>" would reach.
    const outside = `${path.basename(FILES)}-outside-secret.txt`;
    writeFileSync(path.join(path.dirname(FILES), outside), "outside the store");
    const bad = await prisma.resource.create({
      data: { kind: "CIRCULAR", titleEn: "Bad", titleCy: "Drwg", year: 2026, fileKey: `../${outside}` },
    });
    const absolute = await prisma.resource.create({
      data: { kind: "CIRCULAR", titleEn: "Bad 2", titleCy: "Drwg 2", year: 2026, fileKey: "/etc/passwd" },
    });
    await as("eoA");
    for (const id of [bad.id, absolute.id]) {
      const response = await resourceRoute(id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/outside the store|root:/);
    }
    await as("eoA");
    expect((await openResource(bad.id)).ok).toBe(false);
    await prisma.resource.deleteMany({ where: { id: { in: [bad.id, absolute.id] } } });
  });
});

describe("circulars", () => {
  it("lists circulars newest first and downloads them through the resource route", async () => {
    await as("userA");
    const result = await listCirculars();
    if (!result.ok) throw new Error("denied");
    expect(result.items.map((c) => c.year)).toEqual([2027, 2026]);
    expect(result.items.every((c) => c.kind === "CIRCULAR")).toBe(true);
    expect((await resourceRoute(result.items[0].id)).status).toBe(200);
  });
});
