"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { messageKeyOf, type Result } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { deleteUser, resetMfa, setPermissions, setRole } from "@/lib/data/accounts/manage";
import { resendInvite, withdrawInvite } from "@/lib/data/accounts/invites";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { recordIdSchema } from "@/lib/validation/ids";

// The actions on one existing centre account, shared by Manage Users (/centre/users/[id]) and the
// board's account page (/board/centres/[id]/accounts/[userId]): validate the post, call the data
// layer (which checks the caller, the rules and the centre), translate the outcome. A post with
// fields the form never sends is refused.

export type ManageState = ActionState<{ done: string }>;

/** The one-account actions: each posts `userId` (and, to delete, `confirm`) and nothing else. */
function oneAccountAction(
  run: (userId: string) => Promise<Result<{ centreId?: string; byBoard?: boolean }>>,
  done: string,
  options: { leaves?: boolean; confirm?: boolean } = {},
) {
  return async (formData: FormData): Promise<ManageState> => {
    await requireUser();
    if (hasUnexpectedFields(formData, options.confirm ? ["userId", "confirm"] : ["userId"]))
      return { formError: "tampered" };
    const userId = recordIdSchema.safeParse(text(formData, "userId"));
    if (!userId.success) return { formError: "notFound" };
    if (options.confirm && text(formData, "confirm") !== "yes") return { fieldErrors: { confirm: ["confirmDelete"] } };
    const result = await run(userId.data);
    if (!result.ok) return { formError: messageKeyOf(result) };
    revalidatePath("/centre/users");
    if (!options.leaves) return { ok: true, done };
    // The account is gone: back to the list it was on (board staff act from the centre's page).
    redirect(
      result.byBoard && result.centreId
        ? `/board/centres/${result.centreId}?done=${done}`
        : `/centre/users?done=${done}`,
    );
  };
}

const resend = oneAccountAction(resendInvite, "inviteResent");
const withdraw = oneAccountAction(withdrawInvite, "inviteWithdrawn", { leaves: true });
const remove = oneAccountAction(deleteUser, "deleted", { leaves: true, confirm: true });
const reset = oneAccountAction(resetMfa, "mfaReset");

export async function resendInviteAction(_prev: ManageState, formData: FormData) {
  return resend(formData);
}
export async function withdrawInviteAction(_prev: ManageState, formData: FormData) {
  return withdraw(formData);
}
export async function deleteUserAction(_prev: ManageState, formData: FormData) {
  return remove(formData);
}
export async function resetMfaAction(_prev: ManageState, formData: FormData) {
  return reset(formData);
}

export async function setPermissionsAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["userId", "permissions"])) return { formError: "tampered" };
  const userId = recordIdSchema.safeParse(text(formData, "userId"));
  if (!userId.success) return { formError: "notFound" };
  const result = await setPermissions(userId.data, formData.getAll("permissions").map(String));
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/centre/users");
  return { ok: true, done: "permissionsSaved" };
}

export async function setRoleAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["userId", "role"])) return { formError: "tampered" };
  const userId = recordIdSchema.safeParse(text(formData, "userId"));
  const role = z.enum(["ADMIN", "USER"]).safeParse(text(formData, "role"));
  if (!userId.success) return { formError: "notFound" };
  if (!role.success) return { fieldErrors: { role: ["chooseRole"] } };
  const result = await setRole(userId.data, role.data);
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/centre/users");
  return { ok: true, done: role.data === "ADMIN" ? "madeAdmin" : "madeUser" };
}
