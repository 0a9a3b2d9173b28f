import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import {
  authorizeCentre,
  inCentre,
  isReleased,
  refuse,
  requestInfo,
  type CentreCaller,
  type Result,
} from "@/lib/auth/authorize";
import { readFile, type StoredFile } from "@/lib/files/store";
import { seriesOptions, type SeriesOption } from "@/lib/post-results/series";

// View scripts (docs/product-rules.md ("Permissions"), ("Post-results services")): the scripts
// permission, the caller's centre, candidates whose consent is recorded, and series whose results
// the caller's role may already see (releaseFor(caller, series, "scripts"): exams officers and
// admins from the restricted release, users from 08:00 on results day). A candidate without
// consent is not listed and their scripts cannot be downloaded, even by id
// (docs/decisions/009-post-results.md).

export type ScriptCandidate = {
  id: string;
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  scripts: {
    id: string;
    component: { code: string; titleEn: string; titleCy: string };
    specification: { code: string; titleEn: string; titleCy: string };
    mark: number;
    maxMark: number;
  }[];
};

/** The series the centre has scripts in, newest results day first, with their release to the caller. */
async function seriesOf(caller: CentreCaller, at: Date): Promise<SeriesOption[]> {
  const rows = await getPrisma().series.findMany({
    where: { entries: { some: inCentre(caller, { scripts: { some: {} } }) } },
    orderBy: { resultsDay: "desc" },
  });
  return seriesOptions(caller, rows, "scripts", at);
}

/** The centre's series with scripts, each with the caller's release time, and the time of asking. */
export async function scriptSeries(): Promise<Result<{ series: SeriesOption[]; at: Date }>> {
  const auth = await authorizeCentre("scripts");
  if (!auth.ok) return auth;
  return { ok: true, series: await seriesOf(auth.caller, auth.at), at: auth.at };
}

/**
 * Candidates of the centre whose consent is recorded, with their scripts in the series (only
 * once the series is released to the caller: none before).
 */
export async function listScriptCandidates(seriesId: string): Promise<Result<{ candidates: ScriptCandidate[] }>> {
  const auth = await authorizeCentre("scripts");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const series = (await seriesOf(caller, at)).find((s) => s.id === seriesId);
  if (!series?.visible) return { ok: true, candidates: [] };
  const candidates = await getPrisma().candidate.findMany({
    where: inCentre(caller, { scriptConsent: true, scripts: { some: { entry: { seriesId } } } }),
    orderBy: { candidateNumber: "asc" },
    select: {
      id: true,
      candidateNumber: true,
      uci: true,
      firstName: true,
      lastName: true,
      scripts: {
        where: inCentre(caller, { entry: { seriesId } }),
        select: {
          id: true,
          component: { select: { code: true, titleEn: true, titleCy: true, maxMark: true } },
          entry: { select: { specification: { select: { code: true, titleEn: true, titleCy: true } } } },
          componentResult: { select: { mark: true } },
        },
      },
    },
  });
  return {
    ok: true,
    candidates: candidates.map((c) => ({
      id: c.id,
      candidateNumber: c.candidateNumber,
      uci: c.uci,
      firstName: c.firstName,
      lastName: c.lastName,
      scripts: c.scripts
        .map((s) => ({
          id: s.id,
          component: { code: s.component.code, titleEn: s.component.titleEn, titleCy: s.component.titleCy },
          specification: s.entry.specification,
          mark: s.componentResult.mark,
          maxMark: s.component.maxMark,
        }))
        .sort((a, b) => a.component.code.localeCompare(b.component.code)),
    })),
  };
}

/**
 * Opens a script for download: "forbidden" without the scripts permission or when the
 * candidate's consent is not recorded; "notFound" for another centre's script, an unknown id, a
 * series still under embargo for the caller (as if there were no results) or a missing file.
 * Every download, and every refusal inside the caller's centre, is audited.
 */
export async function downloadScript(scriptId: string): Promise<Result<{ file: StoredFile; fileKey: string }>> {
  const auth = await authorizeCentre("scripts");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const script = await db.script.findFirst({
    where: inCentre(caller, { id: scriptId, candidate: inCentre(caller) }),
    include: { candidate: true, component: true, entry: { include: { series: true } } },
  });
  if (!script) return refuse("notFound");
  const who = {
    actorId: caller.userId,
    actorEmail: caller.email,
    centreId: caller.centreId,
    ip: (await requestInfo()).ip,
    at,
  };
  const embargoed = !isReleased(caller, script.entry.series, "scripts", at);
  const reason = embargoed ? "embargo" : !script.candidate.scriptConsent ? "noConsent" : null;
  if (reason) {
    await audit(db, {
      ...who,
      action: "scripts.download",
      outcome: "denied",
      details: { scriptId: script.id, reason },
    });
    return refuse(reason === "embargo" ? "notFound" : "forbidden");
  }
  const file = await readFile(script.fileKey);
  if (!file) {
    await audit(db, {
      ...who,
      action: "scripts.download",
      outcome: "failure",
      details: { scriptId: script.id, reason: "missingFile" },
    });
    return refuse("notFound");
  }
  await audit(db, {
    ...who,
    action: "scripts.download",
    outcome: "success",
    details: {
      scriptId: script.id,
      candidateNumber: script.candidate.candidateNumber,
      component: script.component.code,
    },
  });
  return { ok: true, file, fileKey: script.fileKey };
}
