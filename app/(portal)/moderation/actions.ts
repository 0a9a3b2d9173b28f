"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { saveModeratedMark, saveReportDraft, submitReport } from "@/lib/data/marks/moderation-save";
import { REPORT_SECTIONS } from "@/lib/marks/moderation-report";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";
import { gridAnswer, markMessage } from "@/lib/marks/grid-answer";
import type { GridSave, GridSaveResult } from "@/components/marks/grid-types";

// Moderator mark input's actions: the grid's save of one moderated mark (bound to the
// allocation and sheet), and the report form (save a draft, or submit). The data layer holds
// every rule (lib/data/marks/moderation-save.ts); these read the post and translate its answer.

/** Saves one moderated mark (the grid's `save`, bound to the allocation and the sheet). */
export async function saveModeratedMarkAction(
  allocationId: string,
  sheetId: string,
  entryId: string,
  save: GridSave,
): Promise<GridSaveResult> {
  await requireUser();
  const ids = [allocationId, sheetId, entryId].map((v) => recordIdSchema.safeParse(v));
  if (ids.some((r) => !r.success)) return { ok: false, message: await markMessage("notFound") };
  return gridAnswer(await saveModeratedMark(allocationId, sheetId, entryId, save));
}

const SECTION_FIELDS = REPORT_SECTIONS.map((k) => `section_${k}`);
const REPORT_FIELDS = [
  "allocationId",
  "sheetId",
  "intent",
  "comments",
  "confirm",
  "expectedAdjustment",
  ...SECTION_FIELDS,
] as const;

export type ReportState = ActionState<{ saved: boolean }>;

/** The report form: "Save draft" keeps it; "Submit report" (confirmed) submits it. */
export async function reportAction(_prev: ReportState, formData: FormData): Promise<ReportState> {
  await requireUser();
  if (hasUnexpectedFields(formData, REPORT_FIELDS)) return { formError: "tampered" };
  const values = Object.fromEntries(["comments", ...SECTION_FIELDS].map((k) => [k, text(formData, k)]));
  const allocationId = recordIdSchema.safeParse(text(formData, "allocationId"));
  const sheetId = recordIdSchema.safeParse(text(formData, "sheetId"));
  if (!allocationId.success || !sheetId.success) return { formError: "notFound", values };
  const report = {
    sections: Object.fromEntries(REPORT_SECTIONS.map((k) => [k, text(formData, `section_${k}`)])),
    comments: text(formData, "comments"),
  };
  const intent = text(formData, "intent");
  if (intent === "draft") {
    const result = await saveReportDraft(allocationId.data, sheetId.data, report);
    if (!result.ok) return { formError: messageKeyOf(result), values };
    return { ok: true, saved: true, values };
  }
  if (intent !== "submit") return { formError: "tampered", values };
  const expected = text(formData, "expectedAdjustment");
  if (!/^-?\d{1,4}$/.test(expected)) return { formError: "tampered", values };
  const result = await submitReport(allocationId.data, sheetId.data, {
    report,
    expectedAdjustment: Number(expected),
    confirmed: text(formData, "confirm") === "yes",
  });
  if (!result.ok) {
    const key = messageKeyOf(result);
    if (key === "moderationNotConfirmed") return { fieldErrors: { confirm: [key] }, values };
    return { formError: key, values };
  }
  const path = `/moderation/${allocationId.data}/${sheetId.data}`;
  revalidatePath(path);
  revalidatePath(`/moderation/${allocationId.data}`);
  redirect(`${path}/report?done=submitted`);
}
