"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/validation/action-state";
import { decideAction } from "../actions";

/** Approve or refuse a referred application; a refusal needs the comment the centre reads. */
export function DecisionForm({ arrangementId }: { arrangementId: string }) {
  const t = useTranslations("boardAccessArrangements");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(decideAction, {});
  const errors = useActionErrors(state);
  const errorPrefix = tc("errorPrefix");
  const decisionErrors = errors.field("decision");
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-5">
      <ErrorSummary state={state} />
      <input type="hidden" name="arrangementId" value={arrangementId} />
      <fieldset
        id="decision"
        tabIndex={-1}
        className="flex flex-col gap-2"
        aria-describedby={decisionErrors ? "decision-error" : undefined}
      >
        <legend className="mb-2 font-semibold">{t("decisionLegend")}</legend>
        <ErrorList id="decision-error" errors={decisionErrors} errorPrefix={errorPrefix} />
        {(["approve", "refuse"] as const).map((d) => (
          <div key={d} className="flex items-center gap-3">
            <input
              type="radio"
              id={`decision-${d}`}
              name="decision"
              value={d}
              defaultChecked={state.values?.decision === d}
              className="size-6 accent-primary"
            />
            <label htmlFor={`decision-${d}`}>{t(d)}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id="comment"
        name="comment"
        label={t("commentLabel")}
        hint={t("commentHint")}
        errors={errors.field("comment")}
        errorPrefix={errorPrefix}
      >
        <Textarea defaultValue={state.values?.comment ?? ""} rows={4} />
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("decideSubmit")}
      </SubmitButton>
    </form>
  );
}
