import "server-only";
import type { StoredFile } from "./store";
import { attachmentDisposition, contentTypeFor, downloadNameFor } from "./keys";

// How every download leaves the server: streamed, as an attachment, never cached by a browser
// or a shared cache (STACK: route handlers answer 401/403/404 themselves, never redirect).

const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export function fileResponse(opened: { file: StoredFile; fileKey: string }): Response {
  return new Response(opened.file.stream, {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": contentTypeFor(opened.fileKey),
      "Content-Length": String(opened.file.size),
      "Content-Disposition": attachmentDisposition(downloadNameFor(opened.fileKey)),
    },
  });
}

const TEXT: Record<401 | 403 | 404, string> = { 401: "unauthorised", 403: "forbidden", 404: "not found" };

export function errorResponse(status: 401 | 403 | 404): Response {
  return Response.json({ error: TEXT[status] }, { status, headers: NO_STORE });
}

export function deniedResponse(reason: "forbidden" | "notFound"): Response {
  return errorResponse(reason === "forbidden" ? 403 : 404);
}
