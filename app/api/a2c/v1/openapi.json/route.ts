import { A2C_OPENAPI } from "@/lib/a2c/openapi";

// Public: the description of the A2C API holds no centre data.
export async function GET() {
  return Response.json(A2C_OPENAPI, { headers: { "Cache-Control": "public, max-age=3600" } });
}
