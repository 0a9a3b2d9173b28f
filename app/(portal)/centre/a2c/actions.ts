"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { messageKeyOf } from "@/lib/auth/authorize";
import { generateKey, revokeKey } from "@/lib/data/a2c/keys";
import { hasUnexpectedFields, text, type ActionState } from "@/lib/validation/action-state";
import { isSingleLine } from "@/lib/validation/text";

export type GenerateState = ActionState<{ key: string; name: string }>;

const nameSchema = z
  .string()
  .trim()
  .min(1, "keyNameRequired")
  .max(60, "keyNameTooLong")
  .refine(isSingleLine, "badBytes");

export async function generateKeyAction(_prev: GenerateState, formData: FormData): Promise<GenerateState> {
  if (hasUnexpectedFields(formData, ["name"])) return { formError: "invalid" };
  const parsed = nameSchema.safeParse(text(formData, "name"));
  if (!parsed.success)
    return { fieldErrors: { name: [parsed.error.issues[0].message] }, values: { name: text(formData, "name") } };
  const result = await generateKey(parsed.data);
  if (!result.ok) return { formError: messageKeyOf(result), values: { name: parsed.data } };
  revalidatePath("/centre/a2c");
  // The key goes back to this one response only; it is never stored or shown again.
  return { ok: true, key: result.key, name: parsed.data };
}

export async function revokeKeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (hasUnexpectedFields(formData, ["keyId"])) return { formError: "invalid" };
  const result = await revokeKey(text(formData, "keyId"));
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/centre/a2c");
  return { ok: true };
}
