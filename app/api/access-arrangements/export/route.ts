import { exportArrangements } from "@/lib/data/access-arrangements/list";
import { csvLines, csvResponse, refusalResponse } from "@/lib/http/responses";

// GET /api/access-arrangements/export?series=&state=&type=&q=: the caller's centre's access
// arrangements, filtered as the list is, as CSV. The data layer checks the permission and audits.
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const value = (name: string) => params.get(name) ?? "";
  const result = await exportArrangements({
    series: value("series"),
    state: value("state"),
    type: value("type"),
    q: value("q"),
  });
  if (!result.ok) return refusalResponse(result);
  return csvResponse(csvLines(result.columns, result.rows), result.filename);
}
