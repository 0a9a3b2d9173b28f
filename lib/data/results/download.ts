import "server-only";
import { codeOrEmpty } from "@/lib/validation/codes";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { authorizeCentre, isReleased, refuse, requestInfo, type CentreCaller, type Result } from "@/lib/auth/authorize";
import { SERIES_SELECT, type SeriesInfo } from "./series";

// Where the results downloads (the results file, item level data) start: a centre account
// holding the results permission and a series by code. Before the caller's release time the
// answer is "not found" — the same as for a series that does not exist — and the attempt is
// recorded, since one before release is worth knowing about (docs/product-rules.md
// ("Results embargo")).

export type Download = {
  caller: CentreCaller;
  at: Date;
  series: SeriesInfo;
  centreNumber: string;
  /** Writes the download's audit row (outcome success). */
  record(details: Record<string, string>): Promise<void>;
};

/** `action` names the audit rows of the download ("results.file-downloaded", …). */
export async function openDownload(seriesCode: string, action: string): Promise<Result<Download>> {
  const auth = await authorizeCentre("results");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const code = codeOrEmpty(seriesCode);
  const series = code ? await db.series.findUnique({ where: { code }, select: SERIES_SELECT }) : null;
  if (!series) return refuse("notFound");
  const { ip } = await requestInfo();
  const row = { action, actorId: caller.userId, actorEmail: caller.email, centreId: caller.centreId, ip, at };
  if (!isReleased(caller, series, "results", at)) {
    await audit(db, { ...row, outcome: "denied", details: { series: series.code, reason: "embargo" } });
    return refuse("notFound");
  }
  const centre = await db.centre.findUniqueOrThrow({ where: { id: caller.centreId }, select: { number: true } });
  return {
    ok: true,
    caller,
    at,
    series,
    centreNumber: centre.number,
    record: (details) => audit(db, { ...row, outcome: "success", details: { series: series.code, ...details } }),
  };
}
