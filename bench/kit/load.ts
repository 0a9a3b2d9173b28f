// Load with autocannon (loopback only), and the password-hash ceiling of this machine now.
import { createRequire } from "node:module";
import os from "node:os";
import { run } from "./shell";
import { PASSWORD } from "./sign-in";

export type AutocannonResult = {
  start: string | Date;
  finish: string | Date;
  errors: number;
  timeouts: number;
  latency: Record<string, number>;
  statusCodeStats: Record<string, { count: number }>;
};
export type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
export type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeout?: number;
  requests?: { setupRequest?: (req: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;
export const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type Load = { rps: number; p50: number; p99: number; errors: number; ok: number };

export type Target = {
  url: string;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  /** The status a good answer has. */
  status?: number;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
};

export async function load(target: Target, connections: number, duration: number): Promise<Load> {
  const result = await autocannon({
    url: target.url,
    connections,
    duration,
    // Only what is given: an undefined method is not autocannon's default GET.
    ...(target.method ? { method: target.method } : {}),
    ...(target.headers ? { headers: target.headers } : {}),
    ...(target.body ? { body: target.body } : {}),
    timeout: 30,
    ...(target.setupRequest ? { requests: [{ setupRequest: target.setupRequest }] } : {}),
  });
  const counts = Object.entries(result.statusCodeStats ?? {});
  const ok = counts.filter(([code]) => Number(code) === (target.status ?? 200)).reduce((n, [, s]) => n + s.count, 0);
  const answered = counts.reduce((n, [, s]) => n + s.count, 0);
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000 || duration;
  return {
    rps: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (answered - ok),
    ok,
  };
}

/** A short warm-up (the server's code paths and the database's cache), then the measured run. */
export async function measure(
  options: { smoke: boolean; connections: number; duration: number },
  target: Target,
): Promise<Load> {
  if (!options.smoke) await load(target, Math.min(10, options.connections), 2);
  return load(target, options.connections, options.duration);
}

/** How many password checks a second this machine does now (the work of one sign-in each). */
export function argon2Ceiling(dir: string, seconds: number): number {
  const code = `
    const { hash, verify } = require("@node-rs/argon2");
    (async () => {
      const hashed = await hash(${JSON.stringify(PASSWORD)});
      const until = Date.now() + ${seconds * 1000};
      let done = 0;
      const worker = async () => { while (Date.now() < until) { await verify(hashed, ${JSON.stringify(PASSWORD)}); done++; } };
      const t0 = Date.now();
      await Promise.all(Array.from({ length: ${Math.max(4, os.availableParallelism() * 2)} }, worker));
      console.log(done / ((Date.now() - t0) / 1000));
    })();`;
  return Number(run(process.execPath, ["-e", code], { cwd: dir, quiet: true }).trim());
}

/** Downloads `url` `times` times one after another, end to end; the first only warms up. */
export async function timeDownloads(url: string, cookie: string, times: number) {
  const measured: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    bytes = body.byteLength;
    if (i > 0) measured.push(performance.now() - t0);
  }
  measured.sort((a, b) => a - b);
  return { times: measured, median: measured[Math.floor(measured.length / 2)], bytes };
}
