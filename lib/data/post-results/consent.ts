import "server-only";
import { authorizeCentre, inCentre, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { canRecordScriptConsent, canSeeScriptConsent } from "@/lib/post-results/consent";

// A candidate's consent to the centre seeing their marked scripts (docs/product-rules.md
// ("Post-results services")): View scripts lists only candidates whose consent is recorded
// (lib/data/post-results/scripts.ts). The exams office records or withdraws it on the
// candidate's page (lib/post-results/consent.ts says who); every change is audited with the
// old and new value. Another centre's candidate is "not found".

/** Whether the candidate's consent is recorded, and whether the caller may change it. */
export async function scriptConsentOf(candidateId: string): Promise<Result<{ consent: boolean; canRecord: boolean }>> {
  const auth = await authorizeCentre();
  if (!auth.ok) return auth;
  const { caller } = auth;
  const subject = { role: caller.role, grants: caller.grants };
  if (!canSeeScriptConsent(subject)) return refuse("forbidden");
  if (typeof candidateId !== "string" || !candidateId || candidateId.length > 64) return refuse("notFound");
  const candidate = await getPrisma().candidate.findFirst({
    where: inCentre(caller, { id: candidateId }),
    select: { scriptConsent: true },
  });
  if (!candidate) return refuse("notFound");
  return { ok: true, consent: candidate.scriptConsent, canRecord: canRecordScriptConsent(subject) };
}

/** Records (true) or withdraws (false) the consent, audited. Setting what is already recorded changes nothing. */
export async function setScriptConsent(candidateId: string, consent: boolean): Promise<Result<{ changed: boolean }>> {
  const auth = await authorizeCentre();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!canRecordScriptConsent({ role: caller.role, grants: caller.grants })) return refuse("forbidden");
  if (typeof candidateId !== "string" || !candidateId || candidateId.length > 64) return refuse("notFound");
  if (typeof consent !== "boolean") return refuse("invalid");
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result<{ changed: boolean }>> => {
    const [row] = await tx.$queryRaw<{ id: string; scriptConsent: boolean; candidateNumber: string }[]>`
      SELECT "id", "scriptConsent", "candidateNumber" FROM "Candidate"
      WHERE "id" = ${candidateId} AND "centreId" = ${caller.centreId} FOR UPDATE`;
    if (!row) return refuse("notFound");
    if (row.scriptConsent === consent) return { ok: true, changed: false };
    await tx.candidate.update({ where: { id: row.id }, data: { scriptConsent: consent } });
    await audit(tx, {
      action: consent ? "candidate.script_consent_recorded" : "candidate.script_consent_withdrawn",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip,
      details: { candidateId: row.id, candidateNumber: row.candidateNumber, from: row.scriptConsent, to: consent },
      at,
    });
    return { ok: true, changed: true };
  });
}
