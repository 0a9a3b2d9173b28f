// A2C keys (docs/product-rules.md ("A2C")): who may manage them, the key shown once and stored
// hashed, and each centre's keys kept to itself. The A2C machine API is in a2c-api.test.ts; the
// world in tests/integration/a2c/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDb } from "../utils/test-db";
import { generateKey, listKeys, revokeKey } from "@/lib/data/a2c/keys";
import { hashKey } from "@/lib/a2c/key";
import type { Centre } from "@/lib/generated/prisma/client";
import { buildA2cWorld, NOW, type A2cWorld } from "./a2c/world";

// The request the route handler is serving: next/headers answers with its headers, as in Next.
const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => ({
  ...(await import("../utils/next-mocks")).headersMock,
  headers: async () => incoming.headers,
}));
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
let centreA: Centre;
let s: A2cWorld["s"];
let as: A2cWorld["as"];
let newKey: A2cWorld["newKey"];

beforeAll(async () => {
  ({ db, centreA, s, as, newKey } = await buildA2cWorld());
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("A2C keys", () => {
  it("EO and Admins with the a2c permission generate, list and revoke; Admins without it and Users cannot", async () => {
    for (const who of [s.adminBare, s.user, s.userAll]) {
      await as(who);
      expect(await generateKey("nope")).toEqual({ ok: false, error: "forbidden" });
      expect(await listKeys()).toEqual({ ok: false, error: "forbidden" });
    }
    const byEo = await newKey(s.eo);
    const byAdmin = await newKey(s.admin);
    await as(s.adminBare);
    expect(await revokeKey(byEo.id)).toEqual({ ok: false, error: "forbidden" });
    await as(s.user);
    expect(await revokeKey(byEo.id)).toEqual({ ok: false, error: "forbidden" });
    await as(s.admin);
    expect(await revokeKey(byEo.id)).toEqual({ ok: true });
    await as(s.eo);
    expect(await revokeKey(byAdmin.id)).toEqual({ ok: true });
    const listed = await listKeys();
    expect(listed.ok && listed.keys.find((k) => k.id === byEo.id)).toMatchObject({
      createdBy: "Eira Officer",
      revokedAt: NOW,
      lastUsedAt: null,
    });
    expect(await db.prisma.auditEvent.count({ where: { action: "a2c.key.revoked", centreId: centreA.id } })).toBe(2);
  });

  it("shows the key once and stores only its SHA-256, a prefix and who made it", async () => {
    await as(s.eo);
    const made = await generateKey("MIS server");
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.key).toMatch(/^porth_a2c_[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.a2CKey.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.keyHash).toBe(hashKey(made.key));
    expect(row.keyHash).not.toContain(made.key.slice(10));
    expect(made.key.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(20);
    expect(row.createdById).toBe(s.eo.userId);
    const listed = await listKeys();
    expect(JSON.stringify(listed)).not.toContain(made.key);
  });

  it("keeps each centre's keys to itself: another centre's key is not found", async () => {
    const mine = await newKey(s.eo);
    await as(s.eoB);
    expect(await revokeKey(mine.id)).toEqual({ ok: false, error: "notFound" });
    const b = await listKeys();
    expect(b.ok && b.keys.map((k) => k.id)).not.toContain(mine.id);
    expect((await db.prisma.a2CKey.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).toBeNull();
  });
});
