"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { setModifiedPaperDeadline } from "@/lib/data/board/modified-paper-deadlines";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { DEADLINE_FIELDS, deadlineSchema, formObject } from "@/lib/validation/access-arrangements";

// A series' modified-paper deadline, typed as a UK date and time (both blank: none). Board staff
// only (the data layer checks), audited with the old and new value.
export async function setDeadlineAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const raw = formObject(formData);
  if (!raw || Object.keys(raw).some((k) => !(DEADLINE_FIELDS as readonly string[]).includes(k)))
    return { formError: "tampered" };
  const values = {
    deadlineDate: String(raw.deadlineDate ?? "").slice(0, 20),
    deadlineTime: String(raw.deadlineTime ?? "").slice(0, 20),
  };
  const parsed = deadlineSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await setModifiedPaperDeadline(parsed.data);
  if (!result.ok) return { formError: messageKeyOf(result), values };
  revalidatePath("/board/access-arrangements/deadlines");
  redirect(`/board/access-arrangements/deadlines?done=${result.changed ? "deadlineSaved" : "deadlineUnchanged"}`);
}
