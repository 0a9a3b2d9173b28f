import { now } from "@/lib/clock";
import { getSession, requestInfo } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { gateResultsDownload } from "@/lib/data/results/download";
import { resultsFileStream } from "@/lib/data/results/file";

// GET /api/results/file?series=2027-06 — the centre's results file (CSV, streamed).
export async function GET(request: Request): Promise<Response> {
  const at = now();
  const info = await requestInfo();
  const gate = await gateResultsDownload(
    await getSession(),
    new URL(request.url).searchParams.get("series"),
    at,
    "results.file-downloaded",
    info,
  );
  if (!gate.ok) return gate.response;
  const { session, centreId, series } = gate;
  await audit(getPrisma(), {
    action: "results.file-downloaded",
    outcome: "success",
    actorId: session.user.id,
    actorEmail: session.user.email,
    centreId,
    ip: info.ip,
    details: { series: series.code },
    at,
  });
  const centreNumber = session.user.centre?.number ?? "centre";
  return new Response(resultsFileStream({ centreId, seriesId: series.id }), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="results-${centreNumber}-${series.code}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
