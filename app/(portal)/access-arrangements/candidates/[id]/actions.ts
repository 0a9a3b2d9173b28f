"use server";

import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { recordDelegated } from "@/lib/data/access-arrangements/apply";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { DELEGATED_FIELDS, delegatedSchema, formObject } from "@/lib/validation/access-arrangements";

// Recording an arrangement delegated to the centre. The data layer checks the permission, the
// candidate (another centre's is "not found") and what is already recorded, and audits.

/** The form field a refusal's reason is about; the others are the form's as a whole. */
const FIELD_OF: Record<string, string> = {
  aaSeriesUnknown: "series",
  aaTypeRequired: "type",
  aaAlreadyRecorded: "type",
  aaNormalWayRequired: "normalWayOfWorking",
};

export async function recordDelegatedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const raw = formObject(formData);
  if (!raw || Object.keys(raw).some((k) => !(DELEGATED_FIELDS as readonly string[]).includes(k)))
    return { formError: "tampered" };
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  const parsed = delegatedSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await recordDelegated(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    const field = FIELD_OF[key];
    return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
  }
  revalidatePath(`/access-arrangements/candidates/${parsed.data.candidateId}`);
  revalidatePath("/access-arrangements");
  return { ok: true };
}
