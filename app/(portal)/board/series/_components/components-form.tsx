"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import type { ActionState } from "@/lib/validation/action-state";
import { componentField } from "@/lib/board/series-fields";
import { saveSeriesComponentsAction } from "../actions";
import { DateTimeFields } from "./date-time-fields";

export type ComponentRow = {
  id: string;
  /** "9541/01 Oracy", in the reader's language. */
  label: string;
  maxMark: number;
  /** The component's own deadline, already formatted in UK time; null when it has none. */
  defaultDeadline: string | null;
  /** This series' values as typed: mark deadline date and time, tolerance. */
  markDate: string;
  markTime: string;
  tolerance: string;
};

/** A series' mark deadline and moderation tolerance for each internally assessed component. */
export function ComponentsForm({ seriesId, rows }: { seriesId: string; rows: ComponentRow[] }) {
  const t = useTranslations("boardSeries");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(saveSeriesComponentsAction, {});
  const errors = useActionErrors(state);
  const initial: Record<string, string> = Object.fromEntries(
    rows.flatMap((r) => [
      [componentField("markDate", r.id), r.markDate],
      [componentField("markTime", r.id), r.markTime],
      [componentField("tolerance", r.id), r.tolerance],
    ]),
  );
  const v = (k: string) => state.values?.[k] ?? initial[k] ?? "";
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      <input type="hidden" name="seriesId" value={seriesId} />
      {rows.map((r) => {
        const tolerance = componentField("tolerance", r.id);
        return (
          <fieldset key={r.id} className="flex flex-col gap-4 rounded-md border p-4">
            <legend className="px-1 text-xl font-semibold">{r.label}</legend>
            <DateTimeFields
              legend={t("markDeadlineLegend")}
              hint={r.defaultDeadline ? t("defaultDeadline", { at: r.defaultDeadline }) : t("noDefaultDeadline")}
              dateName={componentField("markDate", r.id)}
              timeName={componentField("markTime", r.id)}
              value={v}
              errors={errors.field}
            />
            <Field
              id={tolerance}
              name={tolerance}
              label={t("tolerance")}
              hint={t("toleranceHint", { max: r.maxMark })}
              inputMode="numeric"
              defaultValue={v(tolerance)}
              errors={errors.field(tolerance)}
              errorPrefix={tc("errorPrefix")}
              inputClassName="w-24"
            />
          </fieldset>
        );
      })}
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("componentsSubmit")}
      </SubmitButton>
    </form>
  );
}
