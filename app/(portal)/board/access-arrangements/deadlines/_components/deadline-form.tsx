"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormErrorSummary, SubmitButton, type FormErrorSummaryItem } from "@/components/forms/field";
import { useActionErrors } from "@/components/forms/translated-errors";
import type { ActionState } from "@/lib/validation/action-state";
import { setDeadlineAction } from "../actions";

/**
 * One series' deadline: a UK date and time. Several of these forms share the page, so each
 * one's field ids carry the series' code, and its error summary links to them.
 */
export function DeadlineForm({
  seriesId,
  code,
  name,
  date,
  time,
}: {
  seriesId: string;
  code: string;
  name: string;
  date: string;
  time: string;
}) {
  const t = useTranslations("boardAccessArrangements");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(setDeadlineAction, {});
  const errors = useActionErrors(state);
  const errorPrefix = tc("errorPrefix");
  const id = (field: string) => `${field}-${code}`;
  const summary = errors.summary.map((e): FormErrorSummaryItem =>
    "fieldId" in e && e.fieldId ? { ...e, fieldId: id(e.fieldId) } : e,
  );
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {summary.length ? <FormErrorSummary title={tc("errorSummaryTitle")} errors={summary} headingLevel="h3" /> : null}
      <input type="hidden" name="seriesId" value={seriesId} />
      <div className="flex flex-wrap items-end gap-4">
        <Field
          id={id("deadlineDate")}
          name="deadlineDate"
          type="date"
          label={t("dateLabel")}
          hint={t("dateHint")}
          defaultValue={state.values?.deadlineDate ?? date}
          errors={errors.field("deadlineDate")}
          errorPrefix={errorPrefix}
          inputClassName="w-48"
        />
        <Field
          id={id("deadlineTime")}
          name="deadlineTime"
          type="time"
          label={t("timeLabel")}
          hint={t("timeHint")}
          defaultValue={state.values?.deadlineTime ?? time}
          errors={errors.field("deadlineTime")}
          errorPrefix={errorPrefix}
          inputClassName="w-36"
        />
      </div>
      <SubmitButton variant="secondary" className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("saveDeadline", { series: name })}
      </SubmitButton>
    </form>
  );
}
