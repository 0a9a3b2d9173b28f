// Loading Prisma's WASM schema engine (@prisma/schema-engine-wasm) in Node, and running it
// over a driver adapter. The migration operations that drive it are in lib/db/migrations.ts
// (docs/decisions/002-offline-migrations.md).

import { promises as fs } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

const globalForEngine = globalThis as typeof globalThis & {
  __porthSchemaEngine?: Promise<EngineModule>;
  PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void };
};

let lastPanic: string | undefined;

/**
 * `schema_engine.js` imports the .wasm file as an ES module, which Node does not support, so
 * the module is wired up by hand the way wasm-bindgen's generated glue expects. Loaded once
 * per process (compiling the 5 MB module is the slow part).
 */
function loadEngine(): Promise<EngineModule> {
  globalForEngine.__porthSchemaEngine ??= (async () => {
    const bg: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const wasm = await WebAssembly.compile(await fs.readFile(wasmPath));
    const instance = await WebAssembly.instantiate(wasm, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    globalForEngine.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return globalForEngine.__porthSchemaEngine;
}

/** Runs `run` on a schema engine for `schemaFiles` over `adapterFactory`, and frees the engine. */
export async function withEngine<T>(
  schemaFiles: SchemaContainer[],
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngine();
  const engineLog: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: schemaFiles.map((f) => [f.path, f.content] as [string, string]) },
    (line: string) => {
      engineLog.push(line);
      if (process.env.PORTH_DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", line);
    },
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  ).catch((e: unknown) => {
    throw engineError(e);
  });
  try {
    return await run(engine).catch((e: unknown) => {
      throw engineError(e);
    });
  } finally {
    engine.free();
  }
}

/** The engine rejects with plain objects or strings; turn them into readable Errors. */
function engineError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (lastPanic) return new Error(`Schema engine panicked: ${lastPanic}`);
  if (typeof e === "string") return new Error(e);
  const obj = e as { message?: string; error_code?: string; meta?: unknown } | null;
  if (obj && typeof obj.message === "string") {
    return new Error(obj.error_code ? `${obj.error_code}: ${obj.message}` : obj.message);
  }
  return new Error(`Schema engine error: ${JSON.stringify(e)}`);
}
