"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { withdrawArrangement } from "@/lib/data/access-arrangements/apply";
import type { ActionState } from "@/lib/validation/action-state";
import { formObject, WITHDRAW_FIELDS, withdrawSchema } from "@/lib/validation/access-arrangements";

// Withdrawing an arrangement: the data layer checks the centre and the status, and audits.
export async function withdrawAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const raw = formObject(formData);
  if (!raw || Object.keys(raw).some((k) => !(WITHDRAW_FIELDS as readonly string[]).includes(k)))
    return { formError: "tampered" };
  const parsed = withdrawSchema.safeParse(raw);
  if (!parsed.success) return { formError: "notFound" };
  const result = await withdrawArrangement(parsed.data.arrangementId);
  if (!result.ok) return { formError: messageKeyOf(result) };
  revalidatePath("/access-arrangements");
  redirect(`/access-arrangements/${parsed.data.arrangementId}?done=withdrawn`);
}
