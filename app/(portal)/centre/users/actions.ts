"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import type { ManageState } from "@/lib/actions/accounts";
import { decideAccessRequest } from "@/lib/data/accounts/access-requests";
import { inviteUser } from "@/lib/data/accounts/invites";
import { fieldErrorsOf, hasUnexpectedFields, text } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";
import { inviteeSchema } from "@/lib/validation/people";

// Manage Users: inviting and deciding access requests (the actions on one account are in
// lib/actions/accounts.ts, shared with the board's account page). Thin: validate the post, call
// the data layer (which checks the caller, the rules and the centre), translate the outcome. A
// post with fields the form never sends is refused.

const INVITE_FIELDS = ["email", "title", "name", "jobRole", "role", "permissions"] as const;
const inviteSchema = inviteeSchema.extend({
  role: z.enum(["ADMIN", "USER"], { error: "chooseRole" }),
  permissions: z.array(z.string().max(40)).max(20),
});

export async function inviteUserAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  await requireUser();
  if (hasUnexpectedFields(formData, INVITE_FIELDS)) return { formError: "tampered" };
  const values = Object.fromEntries(
    INVITE_FIELDS.filter((k) => k !== "permissions").map((k) => [k, text(formData, k)]),
  );
  const parsed = inviteSchema.safeParse({ ...values, permissions: formData.getAll("permissions").map(String) });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await inviteUser(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    // The refusals that belong to one field of the form.
    const field = key === "emailTaken" ? "email" : key === "adminLimit" ? "role" : undefined;
    return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
  }
  revalidatePath("/centre/users");
  redirect(`/centre/users?done=invited`);
}

export async function decideRequestAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["requestId", "decision"])) return { formError: "tampered" };
  const requestId = recordIdSchema.safeParse(text(formData, "requestId"));
  const decision = z.enum(["approve", "refuse"]).safeParse(text(formData, "decision"));
  if (!requestId.success) return { formError: "notFound" };
  if (!decision.success) return { formError: "invalidChoice" };
  const result = await decideAccessRequest(requestId.data, decision.data === "approve");
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/centre/users");
  return { ok: true, done: decision.data === "approve" ? "requestApproved" : "requestRefused" };
}
