"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { saveSheetMark } from "@/lib/data/marks/iamis-save";
import { submitSheet } from "@/lib/data/marks/iamis-submit";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import type { GridSave, GridSaveResult } from "@/components/marks/grid-types";

// IAMIS, one sheet: the grid's save (bound to the sheet id; the data layer checks the caller,
// the sheet, the entry and the mark) and the submission. Refusals come back translated.

/** Translates a refusal's message key: the mark rules' ("marks.overMax") or the errors namespace's. */
async function translated(key: string): Promise<string> {
  const t = await getTranslations();
  const full = key.startsWith("marks.") ? key : `errors.${key}`;
  return t.has(full as never) ? t(full as never) : t("errors.generic");
}

/** Saves one mark from the grid: (sheet id bound) entry id and the grid's save. */
export async function saveSheetMarkAction(sheetId: string, entryId: string, save: GridSave): Promise<GridSaveResult> {
  const result = await saveSheetMark(String(sheetId), String(entryId), save);
  if (result.ok) return { ok: true, version: result.version, savedAt: result.savedAt.toISOString() };
  if ("current" in result) {
    const c = result.current;
    return {
      ok: false,
      conflict: c ? { value: c.value, version: c.version, savedAt: c.savedAt.toISOString(), savedBy: c.savedBy } : null,
    };
  }
  return { ok: false, message: await translated(messageKeyOf(result)) };
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
