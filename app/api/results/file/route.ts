import { resultsFile } from "@/lib/data/results/file";
import { resultsFileLines } from "@/lib/results/files";
import { csvResponse, refusalResponse } from "@/lib/http/responses";

// GET /api/results/file?series=2027-06 — the centre's results file (CSV, streamed).
export async function GET(request: Request): Promise<Response> {
  const file = await resultsFile(new URL(request.url).searchParams.get("series") ?? "");
  if (!file.ok) return refusalResponse(file);
  return csvResponse(resultsFileLines(file.rows), file.filename);
}
