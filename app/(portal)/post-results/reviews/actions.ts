"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { now } from "@/lib/clock";
import { requestInfo, requireUser } from "@/lib/auth/session";
import { reviewsAccess, subjectOf } from "@/lib/data/post-results/access";
import { REVIEW_KINDS, requestReview } from "@/lib/data/post-results/reviews";
import { fieldErrorsOf, text, type ActionState } from "@/lib/validation/action-state";

const schema = z.object({
  entryId: z.string().trim().min(1, "reviewEntryRequired").max(40, "reviewEntryRequired"),
  kind: z.enum(REVIEW_KINDS, { error: "invalidChoice" }),
  componentId: z.string().trim().max(40, "invalidChoice"),
  notes: z.string().trim().max(1000, "reviewNotesTooLong"),
});

/** Requests a review of marking or a copy of a script. The DAL decides who and when. */
export async function requestReviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  // Refuse before validating, so a caller without the right learns nothing from field errors.
  if (reviewsAccess(subjectOf(session)) !== "request") return { formError: "forbidden" };
  const raw = Object.fromEntries(["entryId", "kind", "componentId", "notes"].map((k) => [k, text(formData, k)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: raw };
  const { entryId, kind, componentId, notes } = parsed.data;
  const result = await requestReview(
    session,
    { entryId, kind, componentId: componentId || null, notes },
    await requestInfo(),
    now(),
  );
  if (!result.ok) {
    if (result.error === "forbidden" || result.error === "notFound") return { formError: result.error, values: raw };
    return {
      fieldErrors: { [result.error === "reviewComponentMismatch" ? "componentId" : "entryId"]: [result.error] },
      values: raw,
    };
  }
  revalidatePath("/post-results/reviews");
  return { ok: true };
}
