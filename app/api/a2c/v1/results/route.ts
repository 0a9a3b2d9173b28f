import { a2cResponse } from "../respond";

// GET /api/a2c/v1/results?series=<code> — Authorization: Bearer <A2C key>. Under embargo until
// the series' restricted release (an empty list before then). See lib/a2c/openapi.ts.
export async function GET(request: Request) {
  return a2cResponse(request, "results");
}
