// Runs once when the server starts: a missing or malformed environment variable stops it
// with one clear line (lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("./lib/env");
  try {
    loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
