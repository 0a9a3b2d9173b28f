import { itemLevelFile } from "@/lib/data/results/item-level";
import { itemLevelLines } from "@/lib/results/files";
import { csvResponse, refusalResponse } from "@/lib/http/responses";

// GET /api/results/item-level-data?series=2027-06&component=9521/01 — marks per question (CSV).
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const file = await itemLevelFile(params.get("series") ?? "", params.get("component") ?? "");
  if (!file.ok) return refusalResponse(file);
  return csvResponse(itemLevelLines(file.data), file.filename);
}
