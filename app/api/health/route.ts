import { databaseHealth } from "@/lib/data/health";
import { jsonResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** Liveness and database check for load balancers and CI. */
export async function GET() {
  const health = await databaseHealth();
  return health.ok
    ? jsonResponse({ status: "ok", database: "ok" })
    : jsonResponse({ status: "degraded", database: "down" }, 503);
}
