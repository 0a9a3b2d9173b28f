// Prisma CLI configuration (Prisma 7: the datasource URL lives here, not in schema.prisma).
//
// The CLI tries to download a native schema engine on every command and fails offline. Pointing
// it at /bin/false makes `prisma generate`, `validate` and `format` work without it. Migrations do
// not go through the CLI here: `npm run db:migrate` / `db:migrate:create` use the WASM schema
// engine (lib/db/migrations.ts) and keep Prisma's `_prisma_migrations` format, so
// `prisma migrate deploy` still works wherever the native engine is available (unset
// PRISMA_SCHEMA_ENGINE_BINARY there, or set it to the real engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

// Only a PostgreSQL URL is meaningful to the CLI. Without one (the embedded PGlite default) a
// placeholder keeps the config valid; nothing connects to it for generate/validate/format.
const url = process.env.DATABASE_URL;
const isPostgresUrl = !!url && /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: isPostgresUrl ? url : "postgresql://localhost:5432/porth",
  },
});
