"use server";

import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { orderModifiedPapers } from "@/lib/data/access-arrangements/modified-papers";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { formObject, ORDER_FIELDS, orderSchema } from "@/lib/validation/access-arrangements";

// Ordering modified papers for a candidate. The data layer checks the candidate, that the papers
// are theirs in the series and not already ordered in that format, marks a late order, and audits.

const FIELD_OF: Record<string, string> = {
  aaFormatRequired: "format",
  aaComponentsRequired: "components",
  aaComponentUnknown: "components",
  aaPaperAlreadyOrdered: "components",
};

export async function orderPapersAction(
  _prev: ActionState<{ late: boolean }>,
  formData: FormData,
): Promise<ActionState<{ late: boolean }>> {
  await requireUser();
  const raw = formObject(formData, ["components"]);
  if (!raw || Object.keys(raw).some((k) => !(ORDER_FIELDS as readonly string[]).includes(k)))
    return { formError: "tampered" };
  const values = { format: String(raw.format ?? "").slice(0, 40) };
  const parsed = orderSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await orderModifiedPapers(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    const field = FIELD_OF[key];
    return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
  }
  revalidatePath("/access-arrangements/modified-papers");
  return { ok: true, late: result.late };
}
