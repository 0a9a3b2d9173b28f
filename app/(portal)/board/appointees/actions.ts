"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { APPOINTEE_TYPES, parseCentreNumbers } from "@/lib/board/appointees";
import {
  createAppointee,
  deactivateAppointee,
  reactivateAppointee,
  resendAppointeeInvite,
} from "@/lib/data/board/appointees";
import {
  addAllocation,
  removeAllocation,
  removeFromAllocation,
  setTeamLeader,
} from "@/lib/data/board/appointees-allocations";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";
import { isMultiLine, isSingleLine } from "@/lib/validation/text";

// Board staff: appointee accounts and their allocations (lib/data/board/appointees*.ts, which
// refuse anyone else). These validate the post, make one data call and translate its answer.

const appointeeSchema = z.object({
  email: z.string().trim().min(1, "inviteeEmailRequired").max(254, "emailInvalid").pipe(z.email("emailInvalid")),
  name: z.string().trim().min(1, "inviteeNameRequired").max(100, "fullNameTooLong").refine(isSingleLine, "invalid"),
  type: z.enum(APPOINTEE_TYPES, "appointeeTypeRequired"),
});
const APPOINTEE_FIELDS = ["email", "name", "type"] as const;

export async function createAppointeeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, APPOINTEE_FIELDS)) return { formError: "tampered" };
  const values = Object.fromEntries(APPOINTEE_FIELDS.map((k) => [k, text(formData, k)]));
  const parsed = appointeeSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await createAppointee(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    if (key === "emailTaken" || key === "appointeeDomain") return { fieldErrors: { email: [key] }, values };
    if (key === "appointeeTypeRequired") return { fieldErrors: { type: [key] }, values };
    return { formError: key, values };
  }
  revalidatePath("/board/appointees");
  redirect(`/board/appointees/${result.userId}?done=created`);
}

/** The record id a form names in `field`, or null (a malformed id names nothing). */
function idIn(formData: FormData, field: string): string | null {
  const parsed = recordIdSchema.safeParse(text(formData, field));
  return parsed.success ? parsed.data : null;
}

export async function resendAppointeeInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["userId"])) return { formError: "tampered" };
  const userId = idIn(formData, "userId");
  if (!userId) return { formError: "notFound" };
  const result = await resendAppointeeInvite(userId);
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath(`/board/appointees/${userId}`);
  return { ok: true };
}

async function setActive(formData: FormData, active: boolean): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["userId"])) return { formError: "tampered" };
  const userId = idIn(formData, "userId");
  if (!userId) return { formError: "notFound" };
  const result = await (active ? reactivateAppointee(userId) : deactivateAppointee(userId));
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/board/appointees");
  redirect(`/board/appointees/${userId}?done=${active ? "reactivated" : "deactivated"}`);
}

export async function deactivateAppointeeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setActive(formData, false);
}

export async function reactivateAppointeeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setActive(formData, true);
}

const ALLOCATION_FIELDS = ["appointeeId", "seriesId", "componentId", "centres", "entryId"] as const;
const allocationSchema = z.object({
  appointeeId: recordIdSchema,
  seriesId: recordIdSchema,
  componentId: recordIdSchema,
  centres: z
    .string()
    .max(2000, "allocationTooMany")
    .refine(isMultiLine, "allocationCentreNumbers")
    .transform(parseCentreNumbers)
    .refine((c) => !c.malformed, "allocationCentreNumbers")
    .transform((c) => c.numbers),
  entryIds: z.array(recordIdSchema),
});

export async function addAllocationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ALLOCATION_FIELDS)) return { formError: "tampered" };
  const values = { centres: text(formData, "centres") };
  const parsed = allocationSchema.safeParse({
    appointeeId: text(formData, "appointeeId"),
    seriesId: text(formData, "seriesId"),
    componentId: text(formData, "componentId"),
    centres: values.centres,
    entryIds: formData.getAll("entryId").map((v) => (typeof v === "string" ? v : "")),
  });
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    if (errors.centres) return { fieldErrors: { centres: errors.centres }, values };
    // A malformed id names no record: the candidates chosen, or the appointee, series or component.
    return { formError: errors.entryIds ? "allocationEntryNotInComponent" : "notFound", values };
  }
  const { appointeeId, seriesId, componentId, centres, entryIds } = parsed.data;
  const result = await addAllocation({ appointeeId, seriesId, componentId, centreNumbers: centres, entryIds });
  if (!result.ok) {
    const key = messageKeyOf(result);
    if (key === "allocationUnknownCentre" || key === "allocationCentreWithoutEntries")
      return { fieldErrors: { centres: [key] }, values };
    return { formError: key, values };
  }
  revalidatePath(`/board/appointees/${appointeeId}`);
  redirect(`/board/appointees/${appointeeId}?done=allocated`);
}

export async function removeAllocationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["allocationId"])) return { formError: "tampered" };
  const allocationId = idIn(formData, "allocationId");
  if (!allocationId) return { formError: "notFound" };
  const result = await removeAllocation(allocationId);
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath(`/board/appointees/${result.appointeeId}`);
  redirect(`/board/appointees/${result.appointeeId}?done=removed`);
}

export async function removeFromAllocationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["allocationId", "centreId", "entryId"])) return { formError: "tampered" };
  const allocationId = idIn(formData, "allocationId");
  const centreId = formData.has("centreId") ? idIn(formData, "centreId") : null;
  const entryId = formData.has("entryId") ? idIn(formData, "entryId") : null;
  // Exactly one of a centre and a candidate's entry.
  if (!allocationId || Boolean(centreId) === Boolean(entryId)) return { formError: "notFound" };
  const result = await removeFromAllocation(allocationId, centreId ? { centreId } : { entryId: entryId! });
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath(`/board/appointees/${result.appointeeId}`);
  redirect(`/board/appointees/${result.appointeeId}?done=removed`);
}

export async function setTeamLeaderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["allocationId", "teamLeaderId"])) return { formError: "tampered" };
  const allocationId = idIn(formData, "allocationId");
  if (!allocationId) return { formError: "notFound" };
  // "" is "no team leader".
  const chosen = text(formData, "teamLeaderId");
  const teamLeaderId = chosen === "" ? null : idIn(formData, "teamLeaderId");
  if (chosen !== "" && !teamLeaderId) return { formError: "teamLeaderNotOnComponent" };
  const result = await setTeamLeader(allocationId, teamLeaderId);
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath(`/board/appointees/${result.appointeeId}`);
  redirect(`/board/appointees/${result.appointeeId}?done=teamLeader`);
}
