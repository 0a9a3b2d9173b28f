"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { requireUser } from "@/lib/auth/session";
import { createCandidate, updateCandidate } from "@/lib/data/entries/candidates";
import { accessOf } from "@/lib/data/entries/access";
import { CANDIDATE_FIELDS, candidateSchema } from "@/lib/validation/entries";
import { text, type ActionState } from "@/lib/validation/action-state";

function parse(formData: FormData, at: Date) {
  const raw = Object.fromEntries(CANDIDATE_FIELDS.map((k) => [k, text(formData, k)]));
  const parsed = candidateSchema(at).safeParse(raw);
  if (parsed.success) return { data: parsed.data, raw };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  return { fieldErrors, raw };
}

export async function createCandidateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  if (accessOf(session).access !== "make") return { formError: "forbidden" };
  const at = now();
  const input = parse(formData, at);
  if (!input.data) return { fieldErrors: input.fieldErrors, values: input.raw };
  const result = await createCandidate(session, input.data, at);
  if (!result.ok)
    return "fieldErrors" in result
      ? { fieldErrors: result.fieldErrors, values: input.raw }
      : { formError: result.formError };
  revalidatePath("/entries/candidates");
  redirect(`/entries/candidates?saved=${encodeURIComponent(input.data.candidateNumber)}`);
}

export async function updateCandidateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  if (accessOf(session).access !== "make") return { formError: "forbidden" };
  const id = text(formData, "id");
  const at = now();
  const input = parse(formData, at);
  if (!input.data) return { fieldErrors: input.fieldErrors, values: input.raw };
  const result = await updateCandidate(session, id, input.data, at);
  if (!result.ok)
    return "fieldErrors" in result
      ? { fieldErrors: result.fieldErrors, values: input.raw }
      : { formError: result.formError };
  revalidatePath("/entries/candidates");
  return { ok: true };
}
