import { now } from "@/lib/clock";
import { handleA2C } from "@/lib/data/a2c/api";

// GET /api/a2c/v1/results?series=<code> — Authorization: Bearer <A2C key>. Embargoed until the
// series' restricted release (an empty list before then). See lib/a2c/openapi.ts.
export async function GET(request: Request) {
  return handleA2C(request, "results", now());
}
