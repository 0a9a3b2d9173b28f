import { hasPermission, type Subject } from "@/lib/auth/permissions";

// Who records a candidate's consent to the centre seeing their marked scripts (docs/product-
// rules.md ("Post-results services")): the exams officer and Admins — the exams office, who
// collect the consent forms — holding the scripts or the entries permission. Users, even with
// either permission, only see whether it is recorded. Pure: the data layer
// (lib/data/post-results/consent.ts) refuses with it, the candidate's page hides the form with it.

export function canRecordScriptConsent(subject: Pick<Subject, "role" | "grants">): boolean {
  if (subject.role !== "EXAMS_OFFICER" && subject.role !== "ADMIN") return false;
  return hasPermission(subject, "scripts") || hasPermission(subject, "entries");
}

/** Who may see whether consent is recorded: a centre account holding scripts or entries. */
export function canSeeScriptConsent(subject: Pick<Subject, "role" | "grants">): boolean {
  return hasPermission(subject, "scripts") || hasPermission(subject, "entries");
}
