"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { releaseReports, unlockSheet } from "@/lib/data/board/moderation";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";

// Board staff's moderation: release a component's moderator reports, unlock a submitted sheet.
// The data layer holds the rules (lib/data/board/moderation.ts); these read the post and
// translate its answer.

export async function releaseReportsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["seriesId", "componentId"])) return { formError: "tampered" };
  const seriesId = recordIdSchema.safeParse(text(formData, "seriesId"));
  const componentId = recordIdSchema.safeParse(text(formData, "componentId"));
  if (!seriesId.success || !componentId.success) return { formError: "notFound" };
  const result = await releaseReports({ seriesId: seriesId.data, componentId: componentId.data });
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/board/moderation");
  redirect(`/board/moderation?series=${encodeURIComponent(result.seriesCode)}&done=released`);
}

const UNLOCK_FIELDS: Record<string, string> = {
  moderationUnlockReasonMissing: "reason",
  moderationUnlockReasonTooLong: "reason",
  moderationUnlockReasonInvalid: "reason",
};

export async function unlockSheetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["sheetId", "reason"])) return { formError: "tampered" };
  const values = { reason: text(formData, "reason") };
  const sheetId = recordIdSchema.safeParse(text(formData, "sheetId"));
  if (!sheetId.success) return { formError: "notFound", values };
  const result = await unlockSheet({ sheetId: sheetId.data, reason: values.reason });
  if (!result.ok) {
    const key = messageKeyOf(result);
    const field = UNLOCK_FIELDS[key];
    return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
  }
  revalidatePath("/board/moderation");
  redirect(`/board/moderation?series=${encodeURIComponent(result.seriesCode)}&done=unlocked`);
}
