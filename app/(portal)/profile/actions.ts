"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { now } from "@/lib/clock";
import { rememberLocale, requestInfo, requireUser } from "@/lib/auth/session";
import { normaliseUkMobile } from "@/lib/auth/phone";
import { changePassword } from "@/lib/data/identity/password";
import { confirmEmailChange, requestEmailChange, updateProfile } from "@/lib/data/identity/profile";
import { emailSchema, firstIssue } from "@/lib/validation/identity";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { requestAccess } from "@/lib/data/accounts/access-requests";
import { messageKeyOf } from "@/lib/auth/authorize";

const profileSchema = z.object({
  title: z.string().trim().max(20, "tooLongField"),
  name: z.string().trim().min(1, "fieldRequired").max(100, "tooLongField"),
  jobRole: z.string().trim().max(100, "tooLongField"),
  phone: z.string().trim().max(30, "invalidPhone"),
  language: z.enum(["en", "cy"], { error: "invalidChoice" }),
});

export async function updateProfileAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  const raw = Object.fromEntries(["title", "name", "jobRole", "phone", "language"].map((k) => [k, text(formData, k)]));
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] = [issue.message];
    return { fieldErrors, values: raw };
  }
  let phone = parsed.data.phone;
  if (phone) {
    const normalised = normaliseUkMobile(phone) ?? (/^\+?[\d\s()-]{10,20}$/.test(phone) ? phone : null);
    if (!normalised) return { fieldErrors: { phone: ["invalidPhone"] }, values: raw };
    phone = normalised;
  }
  await updateProfile(session, { ...parsed.data, phone }, await requestInfo(), now());
  await rememberLocale(parsed.data.language);
  revalidatePath("/", "layout");
  return { ok: true };
}

export type EmailState = ActionState<{ stage: "request" | "confirm" | "done"; email: string }>;

export async function emailChangeAction(prev: EmailState, formData: FormData): Promise<EmailState> {
  const session = await requireUser();
  const request = await requestInfo();
  if (text(formData, "intent") === "confirm") {
    const result = await confirmEmailChange(session, text(formData, "code"), request, now());
    if (!result.ok) return { ...prev, fieldErrors: { code: [result.error] } };
    revalidatePath("/", "layout");
    return { stage: "done", email: result.email };
  }
  const parsed = emailSchema.safeParse(text(formData, "email"));
  if (!parsed.success)
    return {
      stage: "request",
      fieldErrors: { email: [firstIssue(parsed.error)] },
      values: { email: text(formData, "email") },
    };
  const result = await requestEmailChange(session, parsed.data, request, now());
  if (!result.ok) return { stage: "request", fieldErrors: { email: [result.error] }, values: { email: parsed.data } };
  return { stage: "confirm", email: parsed.data };
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  const result = await changePassword(
    session,
    { current: text(formData, "current"), password: text(formData, "password"), confirm: text(formData, "confirm") },
    await requestInfo(),
    now(),
  );
  if (!result.ok) {
    const field = result.error === "wrongCurrent" ? "current" : result.error === "mismatch" ? "confirm" : "password";
    return { fieldErrors: { [field]: [result.error] } };
  }
  return { ok: true };
}

export async function requestAccessAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  if (hasUnexpectedFields(formData, ["permission"])) return { formError: "tampered" };
  const result = await requestAccess(text(formData, "permission"));
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/profile");
  return { ok: true };
}
