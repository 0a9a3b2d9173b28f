import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { hasPermission } from "@/lib/auth/permissions";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { findSeriesByCode, resultsVisibility, type SeriesInfo } from "./visibility";

// The shared gate of the results download route handlers: 401 signed out, 403 without the
// results permission, 404 — the same answer as for a series that does not exist — before the
// caller's release time. Route handlers never redirect.

export const NOT_FOUND_BODY = JSON.stringify({ error: "notFound" });

export function jsonError(status: 401 | 403 | 404, body?: string): Response {
  const text =
    body ?? JSON.stringify({ error: status === 401 ? "unauthorized" : status === 403 ? "forbidden" : "notFound" });
  return new Response(text, {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" },
  });
}

export type DownloadGate =
  { ok: true; session: LiveSession; centreId: string; series: SeriesInfo } | { ok: false; response: Response };

export async function gateResultsDownload(
  session: LiveSession | null,
  seriesCode: string | null,
  now: Date,
  action: string,
  request: { ip: string },
): Promise<DownloadGate> {
  if (!session || session.pendingStep) return { ok: false, response: jsonError(401) };
  const subject = { role: session.user.role, grants: session.user.grants.map((g) => g.permission) };
  if (!hasPermission(subject, "results") || !session.user.centreId) return { ok: false, response: jsonError(403) };
  const series = await findSeriesByCode(seriesCode ?? "");
  if (!series) return { ok: false, response: jsonError(404, NOT_FOUND_BODY) };
  if (!resultsVisibility(session, series, now).visible) {
    // Recorded (an attempt before release is worth knowing about), answered as "no such series".
    await audit(getPrisma(), {
      action,
      outcome: "denied",
      actorId: session.user.id,
      actorEmail: session.user.email,
      centreId: session.user.centreId,
      ip: request.ip,
      details: { series: series.code, reason: "embargo" },
      at: now,
    });
    return { ok: false, response: jsonError(404, NOT_FOUND_BODY) };
  }
  return { ok: true, session, centreId: session.user.centreId, series };
}
