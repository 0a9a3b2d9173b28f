import { a2cResponse } from "../respond";

// GET /api/a2c/v1/entries?series=<code> — Authorization: Bearer <A2C key>. See lib/a2c/openapi.ts.
export async function GET(request: Request) {
  return a2cResponse(request, "entries");
}
