import "server-only";
import { pingDatabase } from "@/lib/db/client";
import { refuse, type Result } from "@/lib/auth/authorize";

/** Whether the database answers within two seconds (for load balancers and CI). */
// public: the health check of load balancers and CI; it says only whether the database answers
export async function databaseHealth(): Promise<Result> {
  return (await pingDatabase()) ? { ok: true } : refuse("unavailable");
}
