"use server";

import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { setScriptConsent } from "@/lib/data/post-results/consent";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";

// Records or withdraws a candidate's consent to the centre seeing their marked scripts. The
// data layer decides who may (lib/post-results/consent.ts) and audits the change.

export async function setScriptConsentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["candidateId", "consent"])) return { formError: "tampered" };
  const id = recordIdSchema.safeParse(text(formData, "candidateId"));
  const consent = text(formData, "consent");
  if (consent !== "yes" && consent !== "no") return { formError: "invalidChoice" };
  const result = await setScriptConsent(id.success ? id.data : "", consent === "yes");
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath(`/entries/candidates/${id.success ? id.data : ""}`);
  revalidatePath("/post-results/scripts");
  return { ok: true };
}
