"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { PAPER_FORMATS } from "@/lib/access-arrangements/types";
import type { ActionState } from "@/lib/validation/action-state";
import { orderPapersAction } from "../actions";

/** Orders modified papers for one candidate in one series: a format and the papers. */
export function OrderForm({
  candidateId,
  series,
  papers,
}: {
  candidateId: string;
  series: string;
  papers: { id: string; label: string }[];
}) {
  const t = useTranslations("accessArrangements");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState<{ late: boolean }>, FormData>(orderPapersAction, {});
  const errors = useActionErrors(state);
  const errorPrefix = tc("errorPrefix");
  const formatErrors = errors.field("format");
  const paperErrors = errors.field("components");
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-5">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant={state.late ? "warning" : "success"} live>
          <AlertDescription>{state.late ? t("forms.orderedLate") : t("forms.ordered")}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="candidateId" value={candidateId} />
      <input type="hidden" name="series" value={series} />
      <fieldset
        id="format"
        tabIndex={-1}
        className="flex flex-col gap-2"
        aria-describedby={formatErrors ? "format-error" : undefined}
      >
        <legend className="mb-2 font-semibold">{t("forms.formatLegend")}</legend>
        <ErrorList id="format-error" errors={formatErrors} errorPrefix={errorPrefix} />
        {PAPER_FORMATS.map((f) => (
          <div key={f} className="flex items-center gap-3">
            <input
              type="radio"
              id={`format-${f}`}
              name="format"
              value={f}
              defaultChecked={state.values?.format === f}
              className="size-6 accent-primary"
            />
            <label htmlFor={`format-${f}`}>{t(`formats.${f}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset
        id="components"
        tabIndex={-1}
        className="flex flex-col gap-2"
        aria-describedby={["components-hint", paperErrors ? "components-error" : ""].filter(Boolean).join(" ")}
      >
        <legend className="mb-2 font-semibold">{t("forms.papersLegend")}</legend>
        <p id="components-hint" className="text-muted-foreground">
          {t("forms.papersHint")}
        </p>
        <ErrorList id="components-error" errors={paperErrors} errorPrefix={errorPrefix} />
        {papers.map((p) => (
          <div key={p.id} className="flex items-center gap-3">
            <Checkbox id={`paper-${p.id}`} name="components" value={p.id} />
            <label htmlFor={`paper-${p.id}`}>{p.label}</label>
          </div>
        ))}
      </fieldset>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("forms.orderSubmit")}
      </SubmitButton>
    </form>
  );
}
