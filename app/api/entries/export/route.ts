import { exportEntries } from "@/lib/data/entries/export";
import { csvLines, csvResponse, refusalResponse } from "@/lib/http/responses";

// GET /api/entries/export?series=<code>: the caller's centre's entries in a series as CSV.
export async function GET(request: Request) {
  const series = new URL(request.url).searchParams.get("series") ?? "";
  const result = await exportEntries(series);
  if (!result.ok) return refusalResponse(result);
  return csvResponse(csvLines(result.columns, result.rows), result.filename);
}
