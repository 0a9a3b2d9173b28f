// Background jobs (docs/decisions/017-background-jobs.md): a pg-boss 10 queue in the app's own
// database. On PostgreSQL pg-boss opens its own small pool; on the embedded database (PGlite,
// one connection in this process) it runs its SQL through the app's PGlite instance
// (`pgliteJobDb`). The worker runs inside the server process (instrumentation.ts starts it
// once); tests and scripts may call the job functions directly instead.
//
// A job carries only an id: the row it names (an ImportJob) holds the state the pages show, so
// a job that never runs leaves a visible "waiting" status rather than a lost change.
//
// No `import "server-only"`: the instrumentation hook, scripts and tests import this module.

import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import { getPgliteReady, isPostgresUrl, resolveDatabaseConfig } from "./client";

export type JobHandler = (data: Record<string, unknown>) => Promise<unknown>;

/** The queues and how their jobs run. */
export const QUEUES = {
  /** Validates or loads one results import (lib/data/board/results-import-run.ts). */
  resultsImport: {
    name: "results-import",
    // A board's series takes minutes; a job still running after this is failed and retried once
    // (the load is one transaction, so a retry starts clean).
    options: { expireInSeconds: 4 * 3600, retryLimit: 1, retryDelay: 30 },
  },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

/**
 * pg-boss's `db` over a PGlite instance: statements with parameters go through `query`, the
 * parameterless ones (pg-boss's schema scripts hold several statements) through `exec`, whose
 * last result is answered, as `pg` answers a multi-statement query.
 */
export function pgliteJobDb(pg: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pg.query(text, values);
      const results = await pg.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export type JobsConnection = { connectionString: string } | { db: PgBoss.Db };

/** Where pg-boss should connect for the configured database. */
export async function defaultJobsConnection(): Promise<JobsConnection> {
  const config = resolveDatabaseConfig();
  if (config.kind === "postgres") return { connectionString: config.url };
  const pg = await getPgliteReady();
  if (!pg) throw new Error("PGlite instance unavailable");
  return { db: pgliteJobDb(pg) };
}

type JobsState = { boss?: Promise<PgBoss> };
// On globalThis, like the Prisma client: Next's dev server re-evaluates modules, and the worker
// must start only once per process.
const globalForJobs = globalThis as typeof globalThis & { __porthJobs?: JobsState };
const state: JobsState = (globalForJobs.__porthJobs ??= {});

export type StartJobsOptions = {
  /** Where to connect (default: the configured database). */
  connection?: JobsConnection;
  /** Seconds between polls for new jobs (default 2). */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
};

/**
 * Starts pg-boss once in this process (later calls get the same instance), creates the queues
 * and has `handlers` work them, one job at a time per queue.
 */
export function startJobs(
  handlers: Partial<Record<QueueName, JobHandler>>,
  options: StartJobsOptions = {},
): Promise<PgBoss> {
  state.boss ??= (async () => {
    const connection = options.connection ?? (await defaultJobsConnection());
    if ("connectionString" in connection && !isPostgresUrl(connection.connectionString))
      throw new Error("startJobs: connectionString must be postgres:// or postgresql://");
    const boss = new PgBoss({
      ...connection,
      ...("connectionString" in connection ? { max: 3 } : {}),
      application_name: "porth-jobs",
      schedule: false,
    });
    boss.on("error", options.onError ?? ((error) => console.error(`[jobs] ${error.message}`)));
    await boss.start();
    const polling = options.pollingIntervalSeconds ?? 2;
    for (const queue of Object.values(QUEUES)) {
      await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
      const handler = handlers[queue.name];
      if (handler)
        await boss.work<Record<string, unknown>>(queue.name, { pollingIntervalSeconds: polling }, async ([job]) =>
          handler(job.data),
        );
    }
    return boss;
  })();
  state.boss.catch(() => {
    state.boss = undefined;
  });
  return state.boss;
}

/** The running pg-boss of this process, or null when no worker was started here. */
async function startedBoss(): Promise<PgBoss | null> {
  if (!state.boss) return null;
  return state.boss.catch(() => null);
}

/**
 * Queues a job, once per `key` while one is waiting. Null when this process runs no job queue
 * (a script, a test that calls the job function itself): the caller's row still says what is to
 * be done.
 */
export async function queueJob(queue: QueueName, data: Record<string, unknown>, key: string): Promise<string | null> {
  const boss = await startedBoss();
  if (!boss) return null;
  return boss.send(queue, data, { singletonKey: key });
}

/** Stops the queue of this process (tests, shutdown). */
export async function stopJobs(): Promise<void> {
  const boss = await startedBoss();
  state.boss = undefined;
  if (boss) await boss.stop({ graceful: true, wait: true, close: true } as PgBoss.StopOptions);
}
