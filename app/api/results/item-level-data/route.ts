import { now } from "@/lib/clock";
import { getSession, requestInfo } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { gateResultsDownload, jsonError, NOT_FOUND_BODY } from "@/lib/data/results/download";
import { itemLevelLines, linesStream } from "@/lib/data/results/file";
import { itemLevelData } from "@/lib/data/results/results";

// GET /api/results/item-level-data?series=2027-06&component=9521/01 — marks per question (CSV).
export async function GET(request: Request): Promise<Response> {
  const at = now();
  const info = await requestInfo();
  const params = new URL(request.url).searchParams;
  const gate = await gateResultsDownload(
    await getSession(),
    params.get("series"),
    at,
    "results.item-level-data-downloaded",
    info,
  );
  if (!gate.ok) return gate.response;
  const { session, centreId, series } = gate;
  const data = await itemLevelData(session, series.id, params.get("component") ?? "", at);
  if (!data || data.rows.length === 0) return jsonError(404, NOT_FOUND_BODY);
  await audit(getPrisma(), {
    action: "results.item-level-data-downloaded",
    outcome: "success",
    actorId: session.user.id,
    actorEmail: session.user.email,
    centreId,
    ip: info.ip,
    details: { series: series.code, component: data.component.code },
    at,
  });
  const centreNumber = session.user.centre?.number ?? "centre";
  const safeCode = data.component.code.replace(/[^A-Za-z0-9-]/g, "-");
  return new Response(
    linesStream(async function* () {
      yield* itemLevelLines(data);
    }),
    {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="item-level-data-${centreNumber}-${series.code}-${safeCode}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    },
  );
}
