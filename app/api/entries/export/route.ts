import { getSession } from "@/lib/auth/session";
import { exportEntries, ENTRY_COLUMNS } from "@/lib/data/entries/entries";
import { csvLine } from "@/lib/csv";

// GET /api/entries/export?series=<code>: the caller's centre's entries in a series as CSV.
export async function GET(request: Request) {
  const session = await getSession();
  if (!session || session.pendingStep) return new Response(null, { status: 401 });
  const series = new URL(request.url).searchParams.get("series") ?? "";
  const result = await exportEntries(session, series);
  if (!result.ok) return new Response(null, { status: result.formError === "forbidden" ? 403 : 404 });
  const rows = result.rows;
  const encoder = new TextEncoder();
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(ENTRY_COLUMNS)));
        return;
      }
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(ENTRY_COLUMNS.map((c) => next.value[c]))));
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="entries-${result.series.code}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
