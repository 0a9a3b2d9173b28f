"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { saveSheetMark } from "@/lib/data/marks/iamis-save";
import { submitSheet } from "@/lib/data/marks/iamis-submit";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { gridAnswer } from "@/lib/marks/grid-answer";
import type { GridSave, GridSaveResult } from "@/components/marks/grid-types";

// IAMIS, one sheet: the grid's save (bound to the sheet id; the data layer checks the caller,
// the sheet, the entry and the mark) and the submission. Refusals come back translated.

/** Saves one mark from the grid: (sheet id bound) entry id and the grid's save. */
export async function saveSheetMarkAction(sheetId: string, entryId: string, save: GridSave): Promise<GridSaveResult> {
  return gridAnswer(await saveSheetMark(String(sheetId), String(entryId), save));
}

export type SubmitState = ActionState<{ missing: number }>;

/** Submits the sheet once the person confirms the candidates have been told their marks. */
export async function submitSheetAction(_prev: SubmitState, formData: FormData): Promise<SubmitState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["sheetId", "told"])) return { formError: "tampered" };
  const sheetId = text(formData, "sheetId");
  const result = await submitSheet(sheetId, text(formData, "told") === "yes");
  if (!result.ok) {
    const key = messageKeyOf(result);
    if (key === "iamisNotConfirmed") return { fieldErrors: { told: [key] } };
    return { formError: key, missing: "missing" in result ? result.missing : undefined };
  }
  revalidatePath("/iamis");
  revalidatePath(`/iamis/${sheetId}`);
  redirect(`/iamis/${sheetId}/sample?done=submitted`);
}
