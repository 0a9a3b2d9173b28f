"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { now } from "@/lib/clock";
import { requestInfo, requireUser } from "@/lib/auth/session";
import {
  decideAccessRequest,
  deleteUser,
  inviteUser,
  resendInvite,
  resetMfa,
  setPermissions,
  setRole,
  withdrawInvite,
  type ManageResult,
} from "@/lib/data/centre/users";
import { emailSchema } from "@/lib/validation/identity";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";

// Manage Users. Thin: validate the post, call the data layer (which checks the actor, the rules
// and the centre), translate the outcome. A post with fields the form never sends is refused.

export type ManageState = ActionState<{ done: string }>;

const INVITE_FIELDS = ["email", "title", "name", "jobRole", "role", "permissions"] as const;
const inviteSchema = z.object({
  email: emailSchema,
  title: z.string().trim().max(20, "tooLongField"),
  name: z.string().trim().min(1, "fieldRequired").max(100, "tooLongField"),
  jobRole: z.string().trim().max(100, "tooLongField"),
  role: z.enum(["ADMIN", "USER"], { error: "chooseRole" }),
  permissions: z.array(z.string().max(40)).max(20),
});

function failed(result: ManageResult, field?: string): ManageState {
  if (result.ok) return { ok: true };
  return field && (result.error === "emailTaken" || result.error === "adminLimit")
    ? { fieldErrors: { [field]: [result.error] } }
    : { formError: result.error };
}

export async function inviteUserAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  const session = await requireUser();
  if (hasUnexpectedFields(formData, INVITE_FIELDS)) return { formError: "tampered" };
  const raw = {
    ...Object.fromEntries(INVITE_FIELDS.filter((k) => k !== "permissions").map((k) => [k, text(formData, k)])),
    permissions: formData.getAll("permissions").map(String),
  };
  const parsed = inviteSchema.safeParse(raw);
  const values = Object.fromEntries(
    INVITE_FIELDS.filter((k) => k !== "permissions").map((k) => [k, text(formData, k)]),
  );
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await inviteUser(session, parsed.data, await requestInfo(), now());
  if (!result.ok) {
    const field = result.error === "emailTaken" ? "email" : result.error === "adminLimit" ? "role" : undefined;
    return { ...failed(result, field), values };
  }
  revalidatePath("/centre/users");
  redirect(`/centre/users?done=invited`);
}

const idSchema = z.string().min(1).max(100);

/** The one-account actions of the "⋯" menu: each posts `userId` and nothing else. */
function oneAccountAction(
  run: (
    session: Awaited<ReturnType<typeof requireUser>>,
    userId: string,
  ) => Promise<ManageResult<{ centreId?: string }>>,
  done: string,
  after?: string,
  confirm = false,
) {
  return async (formData: FormData): Promise<ManageState> => {
    const session = await requireUser();
    if (hasUnexpectedFields(formData, confirm ? ["userId", "confirm"] : ["userId"])) return { formError: "tampered" };
    const userId = idSchema.safeParse(text(formData, "userId"));
    if (!userId.success) return { formError: "notFound" };
    if (confirm && text(formData, "confirm") !== "yes") return { fieldErrors: { confirm: ["confirmDelete"] } };
    const result = await run(session, userId.data);
    if (!result.ok) return failed(result);
    revalidatePath("/centre/users");
    // Board staff act from the centre's page in the board console.
    if (after && session.user.role === "BOARD_STAFF" && result.centreId)
      redirect(`/board/centres/${result.centreId}?done=${done}`);
    if (after) redirect(`${after}?done=${done}`);
    return { ok: true, done };
  };
}

const resend = oneAccountAction(async (s, id) => resendInvite(s, id, await requestInfo(), now()), "inviteResent");
const withdraw = oneAccountAction(
  async (s, id) => withdrawInvite(s, id, await requestInfo(), now()),
  "inviteWithdrawn",
  "/centre/users",
);
const remove = oneAccountAction(
  async (s, id) => deleteUser(s, id, await requestInfo(), now()),
  "deleted",
  "/centre/users",
  true,
);
const reset = oneAccountAction(async (s, id) => resetMfa(s, id, await requestInfo(), now()), "mfaReset");

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
  const session = await requireUser();
  if (hasUnexpectedFields(formData, ["userId", "permissions"])) return { formError: "tampered" };
  const userId = idSchema.safeParse(text(formData, "userId"));
  if (!userId.success) return { formError: "notFound" };
  const result = await setPermissions(
    session,
    userId.data,
    formData.getAll("permissions").map(String),
    await requestInfo(),
    now(),
  );
  if (!result.ok) return failed(result);
  revalidatePath("/centre/users");
  return { ok: true, done: "permissionsSaved" };
}

export async function setRoleAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  const session = await requireUser();
  if (hasUnexpectedFields(formData, ["userId", "role"])) return { formError: "tampered" };
  const userId = idSchema.safeParse(text(formData, "userId"));
  const role = z.enum(["ADMIN", "USER"]).safeParse(text(formData, "role"));
  if (!userId.success) return { formError: "notFound" };
  if (!role.success) return { fieldErrors: { role: ["chooseRole"] } };
  const result = await setRole(session, userId.data, role.data, await requestInfo(), now());
  if (!result.ok) return failed(result);
  revalidatePath("/centre/users");
  return { ok: true, done: role.data === "ADMIN" ? "madeAdmin" : "madeUser" };
}

export async function decideRequestAction(_prev: ManageState, formData: FormData): Promise<ManageState> {
  const session = await requireUser();
  if (hasUnexpectedFields(formData, ["requestId", "decision"])) return { formError: "tampered" };
  const requestId = idSchema.safeParse(text(formData, "requestId"));
  const decision = z.enum(["approve", "refuse"]).safeParse(text(formData, "decision"));
  if (!requestId.success) return { formError: "notFound" };
  if (!decision.success) return { formError: "invalidChoice" };
  const result = await decideAccessRequest(
    session,
    requestId.data,
    decision.data === "approve",
    await requestInfo(),
    now(),
  );
  if (!result.ok) return failed(result);
  revalidatePath("/centre/users");
  return { ok: true, done: decision.data === "approve" ? "requestApproved" : "requestRefused" };
}
