"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { createCandidate, updateCandidate, type SaveResult } from "@/lib/data/entries/candidates";
import { CANDIDATE_FIELDS } from "@/lib/validation/entries";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";

// The candidate form. The data layer checks who may change candidates first, then the values
// against lib/validation/entries.ts `candidateSchema` (whose "today" is the server's clock).

const valuesOf = (formData: FormData) =>
  Object.fromEntries(CANDIDATE_FIELDS.map((k) => [k, text(formData, k)])) as Record<string, string>;

function refused(result: Exclude<SaveResult, { ok: true }>, values: Record<string, string>): ActionState {
  return "fieldErrors" in result ? { fieldErrors: result.fieldErrors, values } : { formError: messageKeyOf(result) };
}

export async function createCandidateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, CANDIDATE_FIELDS)) return { formError: "tampered" };
  const values = valuesOf(formData);
  const result = await createCandidate(values);
  if (!result.ok) return refused(result, values);
  revalidatePath("/entries/candidates");
  redirect(`/entries/candidates?saved=${encodeURIComponent(result.candidateNumber)}`);
}

export async function updateCandidateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["id", ...CANDIDATE_FIELDS])) return { formError: "tampered" };
  const values = valuesOf(formData);
  const result = await updateCandidate(text(formData, "id"), values);
  if (!result.ok) return refused(result, values);
  revalidatePath("/entries/candidates");
  return { ok: true };
}
