"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { now } from "@/lib/clock";
import { requireUser } from "@/lib/auth/session";
import { canManageKeys, generateKey, revokeKey } from "@/lib/data/a2c/keys";
import { text, type ActionState } from "@/lib/validation/action-state";

export type GenerateState = ActionState<{ key: string; name: string }>;

const nameSchema = z.string().trim().min(1, "keyNameRequired").max(60, "keyNameTooLong");

export async function generateKeyAction(_prev: GenerateState, formData: FormData): Promise<GenerateState> {
  const session = await requireUser();
  if (!canManageKeys(session)) return { formError: "forbidden" };
  const parsed = nameSchema.safeParse(text(formData, "name"));
  if (!parsed.success)
    return { fieldErrors: { name: [parsed.error.issues[0].message] }, values: { name: text(formData, "name") } };
  const result = await generateKey(session, parsed.data, now());
  if (!result.ok) return { formError: result.formError };
  revalidatePath("/centre/a2c");
  // The key goes back to this one response only; it is never stored or shown again.
  return { ok: true, key: result.key, name: parsed.data };
}

export async function revokeKeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireUser();
  if (!canManageKeys(session)) return { formError: "forbidden" };
  const result = await revokeKey(session, text(formData, "keyId"), now());
  if (!result.ok) return { formError: result.formError };
  revalidatePath("/centre/a2c");
  return { ok: true };
}
