// The benchmark's own database: a PostgreSQL database porth_bench_… or a PGlite directory.
import { randomBytes } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type DatabaseOptions = { db: "postgres" | "pglite"; server: string; reuseDb: string | null };

export type Database = { env: Record<string, string>; label: string; drop(): Promise<void> };

export async function prepareDatabase(options: DatabaseOptions): Promise<{ db: Database; fresh: boolean }> {
  if (options.db === "pglite") {
    const name = options.reuseDb ?? `porth-bench-data-${randomBytes(4).toString("hex")}`;
    const root = path.isAbsolute(name) ? name : path.join(os.tmpdir(), name);
    const fresh = !existsSync(path.join(root, "pglite"));
    await fs.mkdir(root, { recursive: true });
    return {
      fresh,
      db: {
        env: { PGLITE_DIR: path.join(root, "pglite"), FILES_DIR: path.join(root, "files") },
        label: root,
        drop: () => fs.rm(root, { recursive: true, force: true }),
      },
    };
  }
  const name = options.reuseDb ?? `porth_bench_${randomBytes(4).toString("hex")}`;
  if (!/^porth_bench_[a-z0-9_]+$/.test(name)) throw new Error(`--reuse-db ${name}: not a benchmark's database`);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: options.server });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;
  if (!exists) await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(options.server);
  url.pathname = `/${name}`;
  const files = path.join(os.tmpdir(), `${name}-files`);
  return {
    fresh: !exists,
    db: {
      env: { DATABASE_URL: url.href, FILES_DIR: files },
      label: `${url.host}${url.pathname}`,
      drop: async () => {
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await fs.rm(files, { recursive: true, force: true });
      },
    },
  };
}
