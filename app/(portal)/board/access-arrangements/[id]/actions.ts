"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { decideReferral } from "@/lib/data/board/access-arrangements";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { DECISION_FIELDS, decisionSchema, formObject } from "@/lib/validation/access-arrangements";

// The board's decision on a referred application. The data layer refuses anyone but board staff,
// checks the application still waits, writes the decision and its audit row, and emails the centre.

const FIELD_OF: Record<string, string> = {
  aaDecisionRequired: "decision",
  aaCommentRequired: "comment",
  aaCommentTooLong: "comment",
};

export async function decideAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const raw = formObject(formData);
  if (!raw || Object.keys(raw).some((k) => !(DECISION_FIELDS as readonly string[]).includes(k)))
    return { formError: "tampered" };
  const values = {
    decision: String(raw.decision ?? "").slice(0, 20),
    comment: String(raw.comment ?? "").slice(0, 1000),
  };
  const parsed = decisionSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await decideReferral(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    const field = FIELD_OF[key];
    return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
  }
  revalidatePath("/board/access-arrangements");
  const done = result.notified ? (result.status === "APPROVED" ? "approved" : "refused") : "notNotified";
  redirect(`/board/access-arrangements/${parsed.data.arrangementId}?done=${done}`);
}
