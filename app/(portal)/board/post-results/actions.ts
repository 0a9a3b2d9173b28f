"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { messageKeyOf, type Refusal } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { completeReview, startReview } from "@/lib/data/board/review-outcomes";
import { uploadReviewScript } from "@/lib/data/board/review-scripts";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";

// The board's side of post-results: move a request on, record its outcome, upload the scripts a
// copy-of-script request asks for. The data layer refuses anyone but board staff, checks the
// move, the grade and the file, and audits; these parse the form and translate the answer.

/** The form field a refusal's reason is about; the others are the form's as a whole. */
const FIELD_OF: Record<string, string> = {
  reviewOutcomeRequired: "outcome",
  reviewGradeInvalid: "newGrade",
  reviewGradeSame: "newGrade",
  uploadFileRequired: "file",
  uploadTooLarge: "file",
  uploadNotPdf: "file",
};

function refused(result: Refusal): ActionState {
  if (result.error === "unauthenticated" || result.error === "forbidden" || result.error === "notFound")
    return { formError: result.error };
  const key = messageKeyOf(result);
  const field = FIELD_OF[key];
  return field ? { fieldErrors: { [field]: [key] } } : { formError: key };
}

const idOf = (formData: FormData, name: string) => {
  const id = recordIdSchema.safeParse(text(formData, name));
  return id.success ? id.data : "";
};

const detailPage = (id: string, done: string) => `/board/post-results/${encodeURIComponent(id)}?done=${done}`;

/** Moves a request to "in progress". */
export async function startReviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["requestId"])) return { formError: "tampered" };
  const id = idOf(formData, "requestId");
  const result = await startReview(id);
  if (!result.ok) return refused(result);
  revalidatePath("/board/post-results");
  redirect(detailPage(id, "started"));
}

const outcomeSchema = z.object({
  outcome: z.enum(["", "grade_unchanged", "grade_changed"], { error: "reviewOutcomeRequired" }),
  newGrade: z.string().trim().max(4, "reviewGradeInvalid"),
});

/** Completes a request: the outcome of a review of marking, or a copy of a script once its scripts are there. */
export async function completeReviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["requestId", "outcome", "newGrade"])) return { formError: "tampered" };
  const id = idOf(formData, "requestId");
  const values = { outcome: text(formData, "outcome"), newGrade: text(formData, "newGrade") };
  const parsed = outcomeSchema.safeParse(values);
  const result = await completeReview(
    id,
    parsed.success ? { outcome: parsed.data.outcome || null, newGrade: parsed.data.newGrade } : null,
  );
  if (!result.ok) {
    if (!parsed.success && result.error === "invalid") return { fieldErrors: fieldErrorsOf(parsed.error), values };
    return { ...refused(result), values };
  }
  revalidatePath("/board/post-results");
  redirect(
    detailPage(id, result.gradeChanged ? (result.notified ? "gradeChanged" : "gradeChangedNotEmailed") : "completed"),
  );
}

/** Uploads the script of one component result of a copy-of-script request. */
export async function uploadReviewScriptAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["requestId", "componentResultId", "file"])) return { formError: "tampered" };
  const id = idOf(formData, "requestId");
  const result = await uploadReviewScript(id, idOf(formData, "componentResultId"), formData.get("file"));
  if (!result.ok) return refused(result);
  revalidatePath(`/board/post-results/${id}`);
  redirect(detailPage(id, "scriptUploaded"));
}
