"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { now } from "@/lib/clock";
import { requestInfo, requireUser } from "@/lib/auth/session";
import { createCentre, inviteExamsOfficer, resendExamsOfficerInvite } from "@/lib/data/board/centres";
import { emailSchema } from "@/lib/validation/identity";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";

// Board staff: centres and their Exams Officers. The data layer refuses anyone else.

const CENTRE_FIELDS = ["number", "nameEn", "nameCy", "address"] as const;
const centreSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "centreNumberFormat"),
  nameEn: z.string().trim().min(1, "fieldRequired").max(200, "tooLongField"),
  nameCy: z.string().trim().min(1, "fieldRequired").max(200, "tooLongField"),
  address: z.string().trim().max(500, "tooLongField"),
});

export async function createCentreAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  if (hasUnexpectedFields(formData, CENTRE_FIELDS)) return { formError: "tampered" };
  const values = Object.fromEntries(CENTRE_FIELDS.map((k) => [k, text(formData, k)]));
  const parsed = centreSchema.safeParse(values);
  if (session.user.role !== "BOARD_STAFF") return { formError: "forbidden" };
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await createCentre(session, parsed.data, await requestInfo(), now());
  if (!result.ok)
    return result.error === "numberTaken"
      ? { fieldErrors: { number: ["numberTaken"] }, values }
      : { formError: result.error, values };
  revalidatePath("/board/centres");
  redirect(`/board/centres/${result.centreId}?done=created`);
}

const EO_FIELDS = ["centreId", "email", "title", "name", "jobRole", "replace"] as const;
const eoSchema = z.object({
  email: emailSchema,
  title: z.string().trim().max(20, "tooLongField"),
  name: z.string().trim().min(1, "fieldRequired").max(100, "tooLongField"),
  jobRole: z.string().trim().max(100, "tooLongField"),
});

export async function inviteExamsOfficerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  if (hasUnexpectedFields(formData, EO_FIELDS)) return { formError: "tampered" };
  if (session.user.role !== "BOARD_STAFF") return { formError: "forbidden" };
  const values = Object.fromEntries(["email", "title", "name", "jobRole"].map((k) => [k, text(formData, k)]));
  const parsed = eoSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const centreId = text(formData, "centreId");
  const replace = text(formData, "replace") === "yes";
  const result = await inviteExamsOfficer(session, centreId, parsed.data, replace, await requestInfo(), now());
  if (!result.ok)
    return result.error === "emailTaken"
      ? { fieldErrors: { email: ["emailTaken"] }, values }
      : { formError: result.error, values };
  revalidatePath(`/board/centres/${centreId}`);
  redirect(`/board/centres/${centreId}?done=${replace ? "replaced" : "invited"}`);
}

export async function resendExamsOfficerInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  if (hasUnexpectedFields(formData, ["centreId"])) return { formError: "tampered" };
  const result = await resendExamsOfficerInvite(session, text(formData, "centreId"), await requestInfo(), now());
  if (!result.ok) return { formError: result.error };
  return { ok: true };
}
