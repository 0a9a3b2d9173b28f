// Production servers (`next start`) on free loopback ports, and a round-robin proxy in front.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import type { Env } from "./shell";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Server = { origin: string; process: ChildProcess; output: () => string };

export async function startServer(dir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(dir, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: dir,
      env: { ...env, AUTH_URL: origin, PORT: String(port) } as Env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const health = await fetch(`${origin}/api/health`).catch(() => null);
    if (health?.status === 200) return { origin, process: child, output: () => output };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`next start did not answer on ${origin} (exit ${child.exitCode})\n${output}`);
}

export async function stop(child: ChildProcess | null | undefined) {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A round-robin proxy (node:http, loopback) in its own process, in front of `backends`. */
export async function startProxy(backends: string[]): Promise<{ origin: string; process: ChildProcess }> {
  const port = await freePort();
  const code = `
    const http = require("node:http");
    const backends = ${JSON.stringify(backends.map((b) => ({ host: new URL(b).hostname, port: Number(new URL(b).port) })))};
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    let next = 0;
    http.createServer((req, res) => {
      const to = backends[next++ % backends.length];
      const out = http.request({ ...to, agent, method: req.method, path: req.url, headers: req.headers }, (back) => {
        res.writeHead(back.statusCode, back.headers);
        back.pipe(res);
      });
      out.on("error", () => { res.statusCode = 502; res.end(); });
      req.pipe(out);
    }).listen(${port}, "127.0.0.1", () => console.log("ready"));`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (c) => reject(new Error(`the proxy exited (${c})`)));
  });
  return { origin: `http://127.0.0.1:${port}`, process: child };
}
