import { messageKeyOf } from "@/lib/auth/authorize";
import { RESULTS_IMPORT_MAX_BYTES } from "@/lib/board/results-import";
import { startResultsImport } from "@/lib/data/board/publishing";
import { refusalResponse } from "@/lib/http/responses";

// POST /api/board/results-imports: board staff upload a series' results file (the publishing
// page's native multipart form, so it works without JavaScript). A route handler rather than a
// server action because the file may be up to 200 MB: the size is checked from Content-Length
// before the body is read. The data layer checks the caller, the series and the file's content.
// A signed-out or non-board caller gets the usual error body; board staff are sent back to the
// page (303), with the new import or the reason the file was refused.

const FORM_ENVELOPE = 64 * 1024;

function backTo(series: string, query: Record<string, string>): Response {
  const params = new URLSearchParams({ ...(series ? { series } : {}), ...query });
  return new Response(null, {
    status: 303,
    headers: { Location: `/board/publishing?${params}`, "Cache-Control": "private, no-store" },
  });
}

export async function POST(request: Request) {
  const series = new URL(request.url).searchParams.get("series")?.slice(0, 40) ?? "";
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > RESULTS_IMPORT_MAX_BYTES + FORM_ENVELOPE) {
    // Who is asking is still checked first: only board staff learn about sizes.
    const probe = await startResultsImport();
    if (!probe.ok && probe.error !== "notFound") return refusalResponse(probe);
    return backTo(series, { error: "resultsFileTooLarge" });
  }
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  const code = typeof form?.get("series") === "string" ? String(form.get("series")) : series;
  const file = form?.get("file");
  const upload =
    file instanceof File && file.size > 0
      ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
      : undefined;
  const result = await startResultsImport(code, upload);
  if (!result.ok) {
    if (result.error === "unauthenticated" || result.error === "forbidden") return refusalResponse(result);
    return backTo(code, { error: messageKeyOf(result) });
  }
  return backTo(result.seriesCode, { job: result.importJobId });
}
