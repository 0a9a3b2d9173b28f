"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { createCentre, inviteExamsOfficer, resendExamsOfficerInvite } from "@/lib/data/board/centres";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";
import { centreSchema, inviteeSchema } from "@/lib/validation/people";

// Board staff: centres and their Exams Officers. The data layer refuses anyone else; these
// validate the post and translate its answer.

const CENTRE_FIELDS = ["number", "nameEn", "nameCy", "address"] as const;

export async function createCentreAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, CENTRE_FIELDS)) return { formError: "tampered" };
  const values = Object.fromEntries(CENTRE_FIELDS.map((k) => [k, text(formData, k)]));
  const parsed = centreSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await createCentre(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    return key === "numberTaken" ? { fieldErrors: { number: [key] }, values } : { formError: key, values };
  }
  revalidatePath("/board/centres");
  redirect(`/board/centres/${result.centreId}?done=created`);
}

const EO_FIELDS = ["centreId", "email", "title", "name", "jobRole", "replace"] as const;

export async function inviteExamsOfficerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, EO_FIELDS)) return { formError: "tampered" };
  const values = Object.fromEntries(["email", "title", "name", "jobRole"].map((k) => [k, text(formData, k)]));
  const parsed = inviteeSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const id = recordIdSchema.safeParse(text(formData, "centreId"));
  if (!id.success) return { formError: "notFound", values };
  const centreId = id.data;
  const replace = text(formData, "replace") === "yes";
  const result = await inviteExamsOfficer(centreId, parsed.data, replace);
  if (!result.ok) {
    const key = messageKeyOf(result);
    return key === "emailTaken" ? { fieldErrors: { email: [key] }, values } : { formError: key, values };
  }
  revalidatePath(`/board/centres/${centreId}`);
  redirect(`/board/centres/${centreId}?done=${replace ? "replaced" : "invited"}`);
}

export async function resendExamsOfficerInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["centreId"])) return { formError: "tampered" };
  const centreId = recordIdSchema.safeParse(text(formData, "centreId"));
  if (!centreId.success) return { formError: "notFound" };
  const result = await resendExamsOfficerInvite(centreId.data);
  if (!result.ok) return { formError: messageKeyOf(result) };
  return { ok: true };
}
