"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { rememberLocale, requireUser } from "@/lib/auth/session";
import { normaliseUkMobile } from "@/lib/auth/phone";
import { changePassword } from "@/lib/data/identity/password";
import { confirmEmailChange, requestEmailChange, updateProfile } from "@/lib/data/identity/profile";
import { codeSchema, emailSchema, firstIssue } from "@/lib/validation/identity";
import { fieldErrorsOf, hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { requestAccess } from "@/lib/data/accounts/access-requests";
import { messageKeyOf } from "@/lib/auth/authorize";

const PROFILE_FIELDS = ["title", "name", "jobRole", "phone", "language"] as const;
const PASSWORD_FIELDS = ["current", "password", "confirm"] as const;

const profileSchema = z.object({
  title: z.string().trim().max(20, "tooLongField"),
  name: z.string().trim().min(1, "fieldRequired").max(100, "tooLongField"),
  jobRole: z.string().trim().max(100, "tooLongField"),
  phone: z.string().trim().max(30, "invalidPhone"),
  language: z.enum(["en", "cy"], { error: "invalidChoice" }),
});

export async function updateProfileAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser(); // signed out, or a step still to do: to the sign-in page or that step
  const raw = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, text(formData, k)]));
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: raw };
  let phone = parsed.data.phone;
  if (phone) {
    const normalised = normaliseUkMobile(phone) ?? (/^\+?[\d\s()-]{10,20}$/.test(phone) ? phone : null);
    if (!normalised) return { fieldErrors: { phone: ["invalidPhone"] }, values: raw };
    phone = normalised;
  }
  const result = await updateProfile({ ...parsed.data, phone });
  if (!result.ok) return { formError: messageKeyOf(result), values: raw };
  await rememberLocale(parsed.data.language);
  revalidatePath("/", "layout");
  return { ok: true };
}

export type EmailState = ActionState<{ stage: "request" | "confirm" | "done"; email: string }>;

export async function emailChangeAction(prev: EmailState, formData: FormData): Promise<EmailState> {
  await requireUser();
  if (text(formData, "intent") === "confirm") {
    const parsed = codeSchema.safeParse(text(formData, "code"));
    if (!parsed.success) return { ...prev, fieldErrors: { code: [firstIssue(parsed.error)] } };
    const result = await confirmEmailChange(parsed.data);
    if (!result.ok) return { ...prev, fieldErrors: { code: [messageKeyOf(result)] } };
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
  const password = text(formData, "password");
  if (password.length > 1000)
    return { stage: "request", fieldErrors: { password: ["wrongCurrent"] }, values: { email: parsed.data } };
  const result = await requestEmailChange(parsed.data, password);
  if (!result.ok) {
    const key = messageKeyOf(result);
    const field =
      key === "wrongCurrent" || key === "currentRequired" ? "password" : key === "rateLimited" ? null : "email";
    return field
      ? { stage: "request", fieldErrors: { [field]: [key] }, values: { email: parsed.data } }
      : { stage: "request", formError: key, values: { email: parsed.data } };
  }
  return { stage: "confirm", email: parsed.data };
}

const passwordSchema = z.object({
  current: z.string().max(1000, "wrongCurrent"),
  password: z.string().max(1000, "tooLong"),
  confirm: z.string().max(1000, "tooLong"),
});

/** The field a refusal of a password change is about. */
function passwordFieldOf(key: string): "current" | "confirm" | "password" {
  return key === "wrongCurrent" ? "current" : key === "mismatch" ? "confirm" : "password";
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const parsed = passwordSchema.safeParse(Object.fromEntries(PASSWORD_FIELDS.map((k) => [k, text(formData, k)])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await changePassword(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    return { fieldErrors: { [passwordFieldOf(key)]: [key] } };
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
