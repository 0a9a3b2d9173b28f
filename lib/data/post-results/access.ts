import "server-only";
import { hasPermission, resultsReleaseFor, type Subject } from "@/lib/auth/permissions";
import type { LiveSession } from "@/lib/data/identity/sessions";

// Who may use the post-results services, and from when (PRODUCT.md §Permissions, §Time rules).
// Reviews of marking hang off results, so they follow the results embargo exactly. A marked
// script shows the marks, so it is under the same embargo — from the caller's role's release
// time (EO/Admin: restricted release; Users: 08:00 on results day) — but it needs the scripts
// permission, not the results one: a teacher granted "View scripts" alone still sees scripts,
// never before their results release time (docs/decisions/009-post-results.md).

export type PostResultsSubject = Pick<Subject, "role" | "grants"> & { centreId: string | null };
type ReleaseTimes = { restrictedReleaseAt: Date; releaseAt: Date };

export function subjectOf(session: LiveSession): PostResultsSubject {
  return {
    role: session.user.role,
    grants: session.user.grants.map((g) => g.permission),
    centreId: session.user.centreId,
  };
}

/** "request": EO/Admins with results; "view": Users with results (list only); null: no access. */
export function reviewsAccess(subject: PostResultsSubject): "request" | "view" | null {
  if (!subject.centreId || !hasPermission(subject, "results")) return null;
  if (subject.role === "EXAMS_OFFICER" || subject.role === "ADMIN") return "request";
  return subject.role === "USER" ? "view" : null;
}

/** When the caller may see the series' results for reviews (null: never). */
export function reviewsReleaseFor(subject: PostResultsSubject, series: ReleaseTimes): Date | null {
  if (!subject.centreId) return null;
  return resultsReleaseFor(subject, series);
}

export function canSeeScripts(subject: PostResultsSubject): boolean {
  return Boolean(subject.centreId) && hasPermission(subject, "scripts");
}

/** When the caller may see the series' scripts: their role's results release time. */
export function scriptsReleaseFor(subject: PostResultsSubject, series: ReleaseTimes): Date | null {
  if (!canSeeScripts(subject)) return null;
  if (subject.role === "EXAMS_OFFICER" || subject.role === "ADMIN") return series.restrictedReleaseAt;
  if (subject.role === "USER") return series.releaseAt;
  return null;
}

export function released(from: Date | null, now: Date): boolean {
  return from !== null && now.getTime() >= from.getTime();
}

export type SeriesOption = {
  id: string;
  code: string;
  nameEn: string;
  nameCy: string;
  releaseAt: Date | null;
  visible: boolean;
};
