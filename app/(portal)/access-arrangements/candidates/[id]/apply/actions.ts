"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { messageKeyOf } from "@/lib/auth/authorize";
import { requireUser } from "@/lib/auth/session";
import { applyForArrangement } from "@/lib/data/access-arrangements/apply";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { APPLICATION_FIELDS, applicationSchema, formObject } from "@/lib/validation/access-arrangements";

// Applying for an arrangement that needs approval. The form is parsed strictly (a field it never
// sends refuses the whole post); the data layer checks the candidate, the assessment date
// against their Year 9 and what they already hold, decides, and audits. On success the
// application's page shows the outcome.

/** The form field a refusal's reason is about; the others are the form's as a whole. */
const FIELD_OF: Record<string, string> = {
  aaSeriesUnknown: "series",
  aaTypeRequired: "type",
  aaAlreadyApplied: "type",
  aaPercentRequired: "extraTimePercent",
  aaFormatRequired: "paperFormat",
  assessmentBeforeYearNine: "assessmentDate",
  assessmentInFuture: "assessmentDate",
  aaNormalWayRequired: "normalWayOfWorking",
  aaDataNoticeRequired: "dataNoticeGiven",
  aaDeclarationRequired: "declaration",
};

/** What was typed, to put back in the form (the ticks are asked for again). */
const echo = (raw: Record<string, string | string[]>) =>
  Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => !["normalWayOfWorking", "dataNoticeGiven", "declaration"].includes(k))
      .map(([k, v]) => [k, String(v).slice(0, 1000)]),
  );

export async function applyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  await requireUser();
  const raw = formObject(formData);
  if (!raw || Object.keys(raw).some((k) => !(APPLICATION_FIELDS as readonly string[]).includes(k)))
    return { formError: "tampered" };
  const values = echo(raw);
  const parsed = applicationSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await applyForArrangement(parsed.data);
  if (!result.ok) {
    const key = messageKeyOf(result);
    const field = FIELD_OF[key];
    return field ? { fieldErrors: { [field]: [key] }, values } : { formError: key, values };
  }
  revalidatePath("/access-arrangements");
  revalidatePath(`/access-arrangements/candidates/${parsed.data.candidateId}`);
  redirect(`/access-arrangements/${result.arrangementId}?done=applied`);
}
