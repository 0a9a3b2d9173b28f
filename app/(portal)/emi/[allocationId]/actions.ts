"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { saveEmiMark, submitEmiMarks } from "@/lib/data/marks/emi";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";
import { gridAnswer, markMessage } from "@/lib/marks/grid-answer";
import type { GridSave, GridSaveResult } from "@/components/marks/grid-types";

// Examiner mark input: one mark saved from the grid (bound to the allocation), and a batch of
// marks submitted. The data layer decides who may do what (lib/data/marks/emi.ts); these check
// the post's shape and translate its answer.

export async function saveEmiMarkAction(
  allocationId: string,
  entryId: string,
  save: GridSave,
): Promise<GridSaveResult> {
  await requireUser();
  const ids = [recordIdSchema.safeParse(allocationId), recordIdSchema.safeParse(entryId)];
  if (ids.some((r) => !r.success)) return { ok: false, message: await markMessage("notFound") };
  // The engine checks the save's shape (no extra fields) and the mark's rules.
  return gridAnswer(await saveEmiMark(allocationId, entryId, save));
}

const SUBMIT_FIELDS = ["allocationId", "entry", "scope", "confirm"] as const;

export async function submitEmiMarksAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, SUBMIT_FIELDS)) return { formError: "tampered" };
  const id = recordIdSchema.safeParse(text(formData, "allocationId"));
  if (!id.success) return { formError: "notFound" };
  const all = text(formData, "scope") === "all";
  const entryIds = formData.getAll("entry").filter((v): v is string => typeof v === "string");
  const result = await submitEmiMarks(
    id.data,
    all ? { all: true } : { all: false, entryIds },
    text(formData, "confirm") === "yes",
  );
  if (!result.ok) {
    const key = messageKeyOf(result);
    if (key === "emi.confirmSubmit") return { fieldErrors: { confirm: [key] } };
    if (key === "emi.chooseMarks") return { fieldErrors: { entries: [key] } };
    return { formError: key };
  }
  revalidatePath("/emi");
  revalidatePath(`/emi/${id.data}`);
  redirect(`/emi/${id.data}/submit?submitted=${result.submitted}`);
}
