import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import type { LiveSession, RequestInfo } from "@/lib/data/identity/sessions";
import { readFile, type StoredFile } from "@/lib/files/store";
import { canSeeScripts, released, scriptsReleaseFor, subjectOf, type SeriesOption } from "./access";

// View scripts (PRODUCT.md §Permissions "View scripts", §All Services "with candidate consent"):
// the scripts permission, the caller's centre, candidates whose consent is recorded, and series
// whose results the caller's role may already see (access.ts). A candidate without consent is
// not listed and their scripts cannot be downloaded, even by id.

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

/** The centre's series with scripts, each with the caller's release time. [] without the permission. */
export async function scriptSeries(session: LiveSession, now: Date): Promise<SeriesOption[]> {
  const subject = subjectOf(session);
  if (!canSeeScripts(subject)) return [];
  const series = await getPrisma().series.findMany({
    where: { entries: { some: { centreId: subject.centreId!, scripts: { some: {} } } } },
    orderBy: { resultsDay: "desc" },
  });
  return series.map((s) => {
    const from = scriptsReleaseFor(subject, s);
    return {
      id: s.id,
      code: s.code,
      nameEn: s.nameEn,
      nameCy: s.nameCy,
      releaseAt: from,
      visible: released(from, now),
    };
  });
}

/**
 * Candidates of the centre whose consent is recorded, with their scripts in the series (only
 * once the series is released to the caller). null without the permission; [] before release.
 */
export async function listScriptCandidates(
  session: LiveSession,
  seriesId: string,
  now: Date,
): Promise<ScriptCandidate[] | null> {
  const subject = subjectOf(session);
  if (!canSeeScripts(subject)) return null;
  const series = (await scriptSeries(session, now)).find((s) => s.id === seriesId);
  if (!series?.visible) return [];
  const candidates = await getPrisma().candidate.findMany({
    where: { centreId: subject.centreId!, scriptConsent: true, scripts: { some: { entry: { seriesId } } } },
    orderBy: { candidateNumber: "asc" },
    select: {
      id: true,
      candidateNumber: true,
      uci: true,
      firstName: true,
      lastName: true,
      scripts: {
        where: { centreId: subject.centreId!, entry: { seriesId } },
        select: {
          id: true,
          component: { select: { code: true, titleEn: true, titleCy: true, maxMark: true } },
          entry: { select: { specification: { select: { code: true, titleEn: true, titleCy: true } } } },
          componentResult: { select: { mark: true } },
        },
      },
    },
  });
  return candidates.map((c) => ({
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
  }));
}

export type ScriptDownload = { ok: true; file: StoredFile; fileKey: string } | { ok: false; status: 403 | 404 };

/**
 * Opens a script for download: 403 without the scripts permission or when the candidate's
 * consent is not recorded; 404 for another centre's script, an unknown id, a series still under
 * embargo for the caller (as if there were no results) or a missing file. Every download, and
 * every refusal inside the caller's centre, is audited.
 */
export async function downloadScript(
  session: LiveSession,
  scriptId: string,
  request: RequestInfo,
  now: Date,
): Promise<ScriptDownload> {
  const subject = subjectOf(session);
  if (!canSeeScripts(subject)) return { ok: false, status: 403 };
  const db = getPrisma();
  const script = await db.script.findFirst({
    where: { id: scriptId, centreId: subject.centreId!, candidate: { centreId: subject.centreId! } },
    include: { candidate: true, component: true, entry: { include: { series: true } } },
  });
  if (!script) return { ok: false, status: 404 };
  const who = {
    actorId: session.user.id,
    actorEmail: session.user.email,
    centreId: subject.centreId,
    ip: request.ip,
    at: now,
  };
  const embargoed = !released(scriptsReleaseFor(subject, script.entry.series), now);
  const reason = embargoed ? "embargo" : !script.candidate.scriptConsent ? "noConsent" : null;
  if (reason) {
    await audit(db, {
      ...who,
      action: "scripts.download",
      outcome: "denied",
      details: { scriptId: script.id, reason },
    });
    return { ok: false, status: reason === "embargo" ? 404 : 403 };
  }
  const file = await readFile(script.fileKey);
  if (!file) {
    await audit(db, {
      ...who,
      action: "scripts.download",
      outcome: "failure",
      details: { scriptId: script.id, reason: "missingFile" },
    });
    return { ok: false, status: 404 };
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
