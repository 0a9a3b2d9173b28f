// Runs once when the server starts, before it serves:
// - a missing or malformed environment variable stops it with one clear line (lib/env.ts);
// - every request is stamped with the address of the socket it came on (PEER_HEADER), after
//   removing any value the client sent, so the rate limits and the audit trail never have to
//   believe a header the client wrote (lib/http/client-address.ts);
// - the background worker starts (docs/decisions/017-background-jobs.md): once per server
//   process, never while the app is being built.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("./lib/env");
  try {
    loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const { stampPeerAddress } = await import("./lib/http/peer-stamp");
  stampPeerAddress();
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startWorker } = await import("./lib/data/jobs");
    startWorker().catch((error: Error) => console.error(`[jobs] the worker did not start: ${error.message}`));
  }
}
