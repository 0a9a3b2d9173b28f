// A2C keys follow their maker (docs/decisions/019-a2c-keys-follow-their-maker.md): a key stops
// working when the person who made it loses the a2c permission, is made a User, is deleted or —
// for an exams officer — is replaced; each revocation is audited and the centre's exams officer
// is told which keys stopped. A change that leaves the maker able to make keys leaves them alone.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { createCentre } from "../factories/centres";
import { createUser, type CreateUserOptions } from "../factories/users";
import { openSession } from "../utils/sessions";
import { readOutbox } from "@/lib/email/outbox";
import { authenticateKey, generateKey } from "@/lib/data/a2c/keys";
import { deleteUser, setPermissions, setRole } from "@/lib/data/accounts/manage";
import { inviteExamsOfficer } from "@/lib/data/board/centres";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const T0 = new Date("2027-03-01T09:00:00Z");

beforeAll(async () => {
  process.env.OUTBOX_DIR = `/tmp/porth-a2c-maker-outbox-${process.pid}`;
  db = await createTestDb();
});
afterAll(async () => db?.close());

/** A user with a live session (its id), as the data layer's caller sees it. */
async function person(options: CreateUserOptions) {
  const user = await createUser(db.prisma, { mfa: "totp", ...options });
  return { ...user, session: { id: await openSession(db.prisma, user.id, T0) } };
}

async function centreWithKeys() {
  const centre = await createCentre(db.prisma);
  const eo = await person({ role: "EXAMS_OFFICER", centre });
  const admin = await person({ role: "ADMIN", centre, grants: ["a2c", "scripts"] });
  await actAs(db.prisma, admin.session, T0);
  const made = await generateKey(`Admin's key ${randomBytes(2).toString("hex")}`);
  if (!made.ok) throw new Error("no key");
  await actAs(db.prisma, eo.session, T0);
  const eoKey = await generateKey("Exams office key");
  if (!eoKey.ok) throw new Error("no key");
  return { centre, eo, admin, adminKey: made.key, eoKey: eoKey.key };
}

const works = async (key: string) => (await authenticateKey(key)).ok;

async function revocations(makerId: string) {
  return db.prisma.auditEvent.findMany({ where: { action: "a2c.key.revoked", targetUserId: makerId } });
}

describe("A2C keys follow their maker", () => {
  it("taking the a2c permission away revokes the keys they made, audited, and the exams officer is told", async () => {
    const { eo, admin, adminKey, eoKey } = await centreWithKeys();
    await actAs(db.prisma, eo.session, T0);
    expect(await setPermissions(admin.id, ["scripts"])).toEqual({ ok: true });
    expect(await works(adminKey)).toBe(false);
    expect(await works(eoKey)).toBe(true);
    const [row] = await revocations(admin.id);
    expect(row).toMatchObject({ outcome: "success", actorId: eo.id, details: { reason: "makerLostPermission" } });
    const [notice] = await readOutbox(eo.email);
    expect(notice.subject).toContain("A2C keys of your centre have been revoked");
    expect(notice.text).toContain("Admin's key");
    expect(notice.text).toContain("their A2C permission was taken away");
  });

  it("a change that leaves the permission in place leaves the keys working", async () => {
    const { eo, admin, adminKey } = await centreWithKeys();
    await actAs(db.prisma, eo.session, T0);
    expect(await setPermissions(admin.id, ["a2c"])).toEqual({ ok: true }); // scripts taken, a2c kept
    expect(await works(adminKey)).toBe(true);
    expect(await revocations(admin.id)).toHaveLength(0);
  });

  it("making the maker a User revokes their keys", async () => {
    const { eo, admin, adminKey } = await centreWithKeys();
    await actAs(db.prisma, eo.session, T0);
    expect(await setRole(admin.id, "USER")).toEqual({ ok: true });
    expect(await works(adminKey)).toBe(false);
    expect(await revocations(admin.id)).toHaveLength(1);
  });

  it("deleting the maker revokes their keys", async () => {
    const { eo, admin, adminKey, eoKey } = await centreWithKeys();
    await actAs(db.prisma, eo.session, T0);
    expect(await deleteUser(admin.id)).toMatchObject({ ok: true });
    expect(await works(adminKey)).toBe(false);
    expect(await works(eoKey)).toBe(true);
    expect((await revocations(admin.id))[0].details).toMatchObject({ reason: "makerDeleted" });
  });

  it("replacing the exams officer revokes the keys the old one made", async () => {
    const { centre, eo, adminKey, eoKey } = await centreWithKeys();
    const board = await person({ role: "BOARD_STAFF", centre: null });
    await actAs(db.prisma, board.session, T0);
    const email = `new-eo-${randomBytes(3).toString("hex")}@example.test`;
    expect(
      await inviteExamsOfficer(centre.id, { email, title: "", name: "Nia Newydd", jobRole: "" }, true),
    ).toMatchObject({ ok: true });
    expect(await works(eoKey)).toBe(false);
    expect(await works(adminKey)).toBe(true);
    expect((await revocations(eo.id))[0].details).toMatchObject({ reason: "makerReplaced" });
    expect((await readOutbox(email)).some((m) => m.subject.includes("A2C keys of your centre have been revoked"))).toBe(
      true,
    );
  });
});
