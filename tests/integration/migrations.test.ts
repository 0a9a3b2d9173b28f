import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma, isPostgresUrl, pingDatabase } from "@/lib/db/client";
import { applyMigrations, listMigrationNames, type MigrationTarget } from "@/lib/db/migrations";
import { createTestDb, type TestDb } from "@/tests/utils/test-db";

type Row = Record<string, unknown>;

/** An empty database (no tables at all) on whichever server the tests run against. */
async function emptyDatabase(): Promise<{
  target: MigrationTarget;
  query(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!isPostgresUrl(serverUrl)) {
    const db = new PGlite();
    return {
      target: db,
      query: async (sql) => (await db.query<Row>(sql)).rows,
      close: () => db.close(),
    };
  }
  const name = `porth_t_${randomBytes(6).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    target: { url: url.toString() },
    query: async (sql) => (await client.query<Row>(sql)).rows,
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe("migrations", () => {
  it("apply to an empty database, are recorded like `prisma migrate deploy`, and re-applying is a no-op", async () => {
    const names = await listMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    const db = await emptyDatabase();
    try {
      const first = await applyMigrations(db.target);
      expect(first.applied).toEqual(names);

      const rows = await db.query(
        `SELECT migration_name, finished_at, rolled_back_at, applied_steps_count, checksum
           FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      for (const row of rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      }

      const second = await applyMigrations(db.target);
      expect(second.applied).toEqual([]);
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM _prisma_migrations`);
      expect(count).toBe(names.length);
    } finally {
      await db.close();
    }
  });
});

describe("createTestDb", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("is migrated and points getPrisma() at itself", async () => {
    expect(getPrisma()).toBe(db.prisma);
    expect(await pingDatabase()).toBe(true);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      `SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(await listMigrationNames());
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("creates and reads a Centre", async () => {
    const created = await db.prisma.centre.create({
      data: { number: "68101", nameEn: "Ysgol Test", nameCy: "Ysgol Prawf", address: "1 High Street\nCardiff" },
    });
    expect(created.id).toBeTruthy();
    expect(created.createdAt).toBeInstanceOf(Date);

    const read = await getPrisma().centre.findUnique({ where: { number: "68101" } });
    expect(read).toMatchObject({ id: created.id, nameEn: "Ysgol Test", nameCy: "Ysgol Prawf" });
    expect(read?.address).toBe("1 High Street\nCardiff");

    await expect(
      db.prisma.centre.create({ data: { number: "68101", nameEn: "Dup", nameCy: "Dup" } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});
