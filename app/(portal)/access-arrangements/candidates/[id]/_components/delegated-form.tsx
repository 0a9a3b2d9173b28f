"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { DELEGATED_TYPES } from "@/lib/access-arrangements/types";
import type { ActionState } from "@/lib/validation/action-state";
import { recordDelegatedAction } from "../actions";

type SeriesOption = { code: string; name: string };

/** Records an arrangement the centre decides itself: the arrangement, the series (or every series), details. */
export function DelegatedForm({ candidateId, series }: { candidateId: string; series: SeriesOption[] }) {
  const t = useTranslations("accessArrangements");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(recordDelegatedAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  const v = (k: string) => state.values?.[k] ?? "";
  const typeErrors = errors.field("type");
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-5">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("forms.recorded")}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="candidateId" value={candidateId} />
      <fieldset
        id="type"
        tabIndex={-1}
        className="flex flex-col gap-2"
        aria-describedby={typeErrors ? "type-error" : undefined}
      >
        <legend className="mb-2 font-semibold">{t("forms.typeLegend")}</legend>
        <ErrorList id="type-error" errors={typeErrors} {...fe} />
        {DELEGATED_TYPES.map((type) => (
          <div key={type} className="flex items-center gap-3">
            <input
              type="radio"
              id={`delegated-${type}`}
              name="type"
              value={type}
              defaultChecked={v("type") === type}
              className="size-6 accent-primary"
            />
            <label htmlFor={`delegated-${type}`}>{t(`types.${type}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id="series"
        name="series"
        label={t("forms.seriesLabel")}
        hint={t("forms.seriesHint")}
        errors={errors.field("series")}
        {...fe}
      >
        <Select defaultValue={v("series")} wrapperClassName="max-w-80">
          <option value="">{t("forms.everySeries")}</option>
          {series.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="details"
        name="details"
        label={t("forms.detailsLabel")}
        hint={t("forms.detailsHint")}
        errors={errors.field("details")}
        {...fe}
      >
        <Textarea defaultValue={v("details")} rows={3} maxLength={1000} />
      </Field>
      <Field
        id="normalWayOfWorking"
        name="normalWayOfWorking"
        label={t("forms.normalWayLabel")}
        hint={t("forms.normalWayHint")}
        errors={errors.field("normalWayOfWorking")}
        {...fe}
        inline
        required
      >
        <Checkbox value="yes" />
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("forms.recordSubmit")}
      </SubmitButton>
    </form>
  );
}
