"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { requestReview } from "@/lib/data/post-results/reviews";
import { REVIEW_KINDS } from "@/lib/post-results/reviews";
import { fieldErrorsOf, text, type ActionState } from "@/lib/validation/action-state";

const FIELDS = ["entryId", "kind", "componentId", "notes"] as const;

const schema = z.object({
  entryId: z.string().trim().min(1, "reviewEntryRequired").max(40, "reviewEntryRequired"),
  kind: z.enum(REVIEW_KINDS, { error: "invalidChoice" }),
  componentId: z.string().trim().max(40, "invalidChoice"),
  notes: z.string().trim().max(1000, "reviewNotesTooLong"),
});

/** The field a refusal's reason is about; the others are the form's as a whole. */
const FIELD_OF: Record<string, string> = {
  reviewNoResult: "entryId",
  reviewDuplicate: "entryId",
  reviewComponentMismatch: "componentId",
};

/** Requests a review of marking or a copy of a script. The data layer decides who and when. */
export async function requestReviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser(); // signed out, or a step still to do: to the sign-in page or that step
  const raw = Object.fromEntries(FIELDS.map((k) => [k, text(formData, k)]));
  const parsed = schema.safeParse(raw);
  // A form that did not parse is still sent (as null), so the caller's right is checked first:
  // a caller without it is refused and learns nothing from the form's errors.
  const result = await requestReview(
    parsed.success ? { ...parsed.data, componentId: parsed.data.componentId || null } : null,
  );
  if (!result.ok) {
    if (result.error === "unauthenticated" || result.error === "forbidden") return { formError: result.error };
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: raw };
    const key = messageKeyOf(result);
    const field = FIELD_OF[key];
    return field ? { fieldErrors: { [field]: [key] }, values: raw } : { formError: key, values: raw };
  }
  revalidatePath("/post-results/reviews");
  return { ok: true };
}
