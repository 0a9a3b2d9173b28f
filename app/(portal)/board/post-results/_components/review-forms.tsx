"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, FormErrorSummary, SubmitButton, type FormErrorSummaryItem } from "@/components/forms/field";
import { useActionErrors } from "@/components/forms/translated-errors";
import { Select } from "@/components/ui/select";
import type { ActionState } from "@/lib/validation/action-state";
import { completeReviewAction, startReviewAction, uploadReviewScriptAction } from "../actions";

// The forms of one request: start it, record its outcome, upload a script. Native forms that
// work without JavaScript; errors in a summary and beside their field.

function useForm(action: (s: ActionState, d: FormData) => Promise<ActionState>, prefix = "") {
  const [state, formAction] = useActionState<ActionState, FormData>(action, {});
  const tc = useTranslations("common");
  const errors = useActionErrors(state);
  const summary = errors.summary.map((e): FormErrorSummaryItem =>
    "fieldId" in e ? { ...e, fieldId: `${prefix}${e.fieldId}` } : e,
  );
  return {
    state,
    formAction,
    field: errors.field,
    fe: { errorPrefix: tc("errorPrefix") },
    pending: tc("pleaseWait"),
    summary:
      summary.length > 0 ? (
        <FormErrorSummary title={tc("errorSummaryTitle")} errors={summary} headingLevel="h3" />
      ) : null,
  };
}

export function StartReviewForm({ requestId }: { requestId: string }) {
  const t = useTranslations("boardReviews");
  const { formAction, summary, pending } = useForm(startReviewAction);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {summary}
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton className="self-start" pendingLabel={pending}>
        {t("startSubmit")}
      </SubmitButton>
    </form>
  );
}

/** A review of marking: grade unchanged, or changed to one of the qualification's grades. */
export function CompleteReviewForm({
  requestId,
  grade,
  grades,
  qualification,
}: {
  requestId: string;
  grade: string;
  grades: readonly string[];
  qualification: string;
}) {
  const t = useTranslations("boardReviews");
  const { state, formAction, field, fe, summary, pending } = useForm(completeReviewAction);
  const outcome = state.values?.outcome ?? "";
  const outcomeErrors = field("outcome");
  return (
    <form action={formAction} noValidate className="flex max-w-xl flex-col gap-4">
      {summary}
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset
        id="outcome"
        tabIndex={-1}
        className="flex flex-col gap-3"
        aria-describedby={outcomeErrors ? "outcome-error" : undefined}
      >
        <legend className="mb-2 font-semibold">{t("outcomeLegend")}</legend>
        <ErrorList id="outcome-error" errors={outcomeErrors} {...fe} />
        {(
          [
            ["grade_unchanged", t("outcomeUnchanged", { grade })],
            ["grade_changed", t("outcomeChanged")],
          ] as const
        ).map(([value, label]) => (
          <div key={value} className="flex items-center gap-3">
            <input
              type="radio"
              id={`outcome-${value}`}
              name="outcome"
              value={value}
              defaultChecked={outcome === value}
              className="size-6 accent-primary"
            />
            <label htmlFor={`outcome-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id="newGrade"
        name="newGrade"
        label={t("newGradeLabel")}
        hint={t("newGradeHint", { qualification })}
        errors={field("newGrade")}
        {...fe}
      >
        <Select defaultValue={state.values?.newGrade ?? ""} wrapperClassName="max-w-56">
          <option value="">{t("chooseGrade")}</option>
          {grades.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton className="self-start" pendingLabel={pending}>
        {t("completeSubmit")}
      </SubmitButton>
    </form>
  );
}

/** A copy of a script: completed once every requested script is uploaded. */
export function CompleteCopyForm({ requestId }: { requestId: string }) {
  const t = useTranslations("boardReviews");
  const { formAction, summary, pending } = useForm(completeReviewAction);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {summary}
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton className="self-start" pendingLabel={pending}>
        {t("completeCopySubmit")}
      </SubmitButton>
    </form>
  );
}

/** The script of one component result (the field id carries the component result's id). */
export function ScriptUploadForm({
  requestId,
  componentResultId,
  component,
}: {
  requestId: string;
  componentResultId: string;
  component: string;
}) {
  const t = useTranslations("boardReviews");
  const prefix = `script-${componentResultId}-`;
  const { formAction, field, fe, summary, pending } = useForm(uploadReviewScriptAction, prefix);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      {summary}
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="componentResultId" value={componentResultId} />
      <Field
        id={`${prefix}file`}
        name="file"
        type="file"
        accept="application/pdf,.pdf"
        label={t("scriptFile", { component })}
        hint={t("scriptFileHint")}
        errors={field("file")}
        {...fe}
        required
      />
      <SubmitButton className="self-start" variant="outline" pendingLabel={pending}>
        {t("scriptSubmit")}
        <span className="sr-only"> {component}</span>
      </SubmitButton>
    </form>
  );
}
