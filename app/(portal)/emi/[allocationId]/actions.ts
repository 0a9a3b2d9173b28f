"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { saveEmiMark, submitEmiMarks } from "@/lib/data/marks/emi";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";
import type { GridSave, GridSaveResult } from "@/components/marks/grid-types";

// Examiner mark input: one mark saved from the grid (bound to the allocation), and a batch of
// marks submitted. The data layer decides who may do what (lib/data/marks/emi.ts); these check
// the post's shape and translate its answer.

/** A refusal's message in the reader's language: the mark rules' own (marks.…) or the errors namespace's. */
async function messageOf(key: string): Promise<string> {
  const t = await getTranslations();
  const full = key.startsWith("marks.") ? key : `errors.${key}`;
  return t.has(full as never) ? t(full as never) : t("errors.generic");
}

export async function saveEmiMarkAction(
  allocationId: string,
  entryId: string,
  save: GridSave,
): Promise<GridSaveResult> {
  await requireUser();
  const ids = [recordIdSchema.safeParse(allocationId), recordIdSchema.safeParse(entryId)];
  if (ids.some((r) => !r.success)) return { ok: false, message: await messageOf("notFound") };
  // The engine checks the save's shape (no extra fields) and the mark's rules.
  const result = await saveEmiMark(allocationId, entryId, save);
  if (result.ok) return { ok: true, version: result.version, savedAt: result.savedAt.toISOString() };
  if (result.error === "conflict" && "current" in result) {
    const c = result.current;
    return {
      ok: false,
      conflict: c ? { value: c.value, version: c.version, savedAt: c.savedAt.toISOString() } : null,
    };
  }
  return { ok: false, message: await messageOf(messageKeyOf(result)) };
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
