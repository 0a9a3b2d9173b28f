// Faults: with the database down, the health check says so (503) instead of failing; and a
// transaction killed half-way — here the audit write inside an invite fails — leaves nothing
// behind: no account, no invite, no grant.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { createCentre } from "../factories/centres";
import { createUser } from "../factories/users";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setPrismaForTests } from "@/lib/db/client";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

// The audit write of an invite fails, as if the connection died after the account was written.
const failing = vi.hoisted(() => ({ action: null as string | null }));
vi.mock("@/lib/data/audit", async (original) => {
  const real = (await original()) as typeof import("@/lib/data/audit");
  return {
    ...real,
    audit: async (...args: Parameters<typeof real.audit>) => {
      if (args[1].action === failing.action) throw new Error("connection terminated");
      return real.audit(...args);
    },
  };
});

let db: TestDb;
const T0 = new Date("2027-03-01T09:00:00Z");

beforeAll(async () => {
  process.env.OUTBOX_DIR = `/tmp/porth-faults-outbox-${process.pid}`;
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe("faults", () => {
  it("a transaction that fails half-way writes nothing", async () => {
    const { inviteUser } = await import("@/lib/data/accounts/invites");
    const centre = await createCentre(db.prisma);
    const eo = await createUser(db.prisma, { role: "EXAMS_OFFICER", centre, mfa: "totp" });
    const id = randomBytes(16).toString("hex");
    await db.prisma.session.create({
      data: {
        id,
        sessionToken: id,
        userId: eo.id,
        expires: new Date(T0.getTime() + 3600_000),
        lastSeenAt: T0,
        mfaAt: T0,
      },
    });
    await actAs(db.prisma, { id }, T0);
    const email = `half-${randomBytes(4).toString("hex")}@example.test`;
    failing.action = "user.invited";
    await expect(
      inviteUser({ email, title: "", name: "Half Written", jobRole: "", role: "ADMIN", permissions: ["a2c"] }),
    ).rejects.toThrow(/connection terminated/);
    failing.action = null;
    expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
    expect(await db.prisma.invite.count({ where: { user: { email } } })).toBe(0);
    expect(await db.prisma.permissionGrant.count({ where: { user: { email } } })).toBe(0);
    // And the same invite goes through once the fault is gone.
    expect(
      await inviteUser({ email, title: "", name: "Whole", jobRole: "", role: "ADMIN", permissions: ["a2c"] }),
    ).toMatchObject({ ok: true });
  });

  it("the health check answers 503 with the database down, and 200 when it is back", async () => {
    const { GET } = await import("@/app/api/health/route");
    const down = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://nobody:nothing@127.0.0.1:1/none" }),
    });
    setPrismaForTests(down);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", database: "down" });
    setPrismaForTests(db.prisma, db.pglite);
    expect((await GET()).status).toBe(200);
  });
});
