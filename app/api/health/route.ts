import { pingDatabase } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database check for load balancers and CI. */
export async function GET() {
  const ok = await pingDatabase();
  return Response.json(
    { status: ok ? "ok" : "degraded", database: ok ? "ok" : "down" },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
