// The audit trail cannot be rewritten: the database itself refuses UPDATE, DELETE and TRUNCATE
// on "AuditEvent" (prisma/migrations/20261130120000_audit_append_only), on PostgreSQL and on
// the embedded database alike. Inserting and reading still work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe("the audit trail", () => {
  it("takes new rows and keeps them exactly as written", async () => {
    const row = await db.prisma.auditEvent.create({
      data: { action: "user.invited", outcome: "success", actorEmail: "eo@example.test", details: { role: "USER" } },
    });
    await expect(db.prisma.auditEvent.update({ where: { id: row.id }, data: { outcome: "failure" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.auditEvent.updateMany({ data: { actorEmail: "someone@else.test" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    const kept = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(kept).toMatchObject({ outcome: "success", actorEmail: "eo@example.test", details: { role: "USER" } });
  });
});
