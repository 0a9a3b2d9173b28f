"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import {
  APPROVAL_TYPES,
  MAX_SCORES,
  OVER_25_PERCENTS,
  PAPER_FORMATS,
  STANDARDISED_AREAS,
  SUPPORT_PLANS,
} from "@/lib/access-arrangements/types";
import type { ActionState } from "@/lib/validation/action-state";
import { applyAction } from "../actions";

type SeriesOption = { code: string; name: string };

/** A group of radio buttons with a legend, its errors linked from the summary by the group's id. */
function Radios({
  name,
  legend,
  hint,
  options,
  value,
  errors,
  errorPrefix,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value: string;
  errors: string[] | undefined;
  errorPrefix: string;
}) {
  const described = [hint ? `${name}-hint` : "", errors ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <fieldset id={name} tabIndex={-1} className="flex flex-col gap-2" aria-describedby={described || undefined}>
      <legend className="mb-2 font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <ErrorList id={`${name}-error`} errors={errors} errorPrefix={errorPrefix} />
      {options.map((o) => (
        <div key={o.value} className="flex items-center gap-3">
          <input
            type="radio"
            id={`${name}-${o.value || "none"}`}
            name={name}
            value={o.value}
            defaultChecked={value === o.value}
            className="size-6 accent-primary"
          />
          <label htmlFor={`${name}-${o.value || "none"}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The application for an arrangement that needs approval: the arrangement (with the percentage
 * or the format where it has one), the series, the evidence — a plan, or the assessor, the date
 * and the standardised scores — and the three confirmations. Works without JavaScript.
 */
export function ApplyForm({
  candidateId,
  series,
  yearNineStart,
}: {
  candidateId: string;
  series: SeriesOption[];
  /** The first day of the candidate's Year 9, already formatted. */
  yearNineStart: string;
}) {
  const t = useTranslations("accessArrangements");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(applyAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  const v = (k: string) => state.values?.[k] ?? "";
  const rows = Array.from({ length: MAX_SCORES }, (_, i) => i + 1);
  return (
    <form action={action} noValidate className="flex max-w-3xl flex-col gap-6">
      <ErrorSummary state={state} />
      <input type="hidden" name="candidateId" value={candidateId} />
      <Radios
        name="type"
        legend={t("forms.typeLegend")}
        options={APPROVAL_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        value={v("type")}
        errors={errors.field("type")}
        {...fe}
      />
      <Field
        id="extraTimePercent"
        name="extraTimePercent"
        label={t("forms.percentLabel")}
        hint={t("forms.percentHint")}
        errors={errors.field("extraTimePercent")}
        {...fe}
      >
        <Select defaultValue={v("extraTimePercent")} wrapperClassName="max-w-48">
          <option value="">{t("forms.choosePercent")}</option>
          {OVER_25_PERCENTS.map((p) => (
            <option key={p} value={String(p)}>
              {t("forms.percentOption", { percent: p })}
            </option>
          ))}
        </Select>
      </Field>
      <Radios
        name="paperFormat"
        legend={t("forms.formatLegend")}
        hint={t("forms.formatHint")}
        options={PAPER_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        value={v("paperFormat")}
        errors={errors.field("paperFormat")}
        {...fe}
      />
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
        <Textarea defaultValue={v("details")} rows={3} />
      </Field>

      <section aria-labelledby="evidence-title" className="flex flex-col gap-5">
        <h2 id="evidence-title" className="text-2xl font-bold">
          {t("forms.evidenceTitle")}
        </h2>
        <p>{t("forms.evidenceIntro")}</p>
        <Radios
          name="supportPlan"
          legend={t("forms.planLegend")}
          options={[
            { value: "", label: t("forms.planNone") },
            ...SUPPORT_PLANS.map((p) => ({ value: p, label: t(`plans.${p}`) })),
          ]}
          value={v("supportPlan")}
          errors={errors.field("supportPlan")}
          {...fe}
        />
        <Field
          id="assessorName"
          name="assessorName"
          label={t("forms.assessorLabel")}
          hint={t("forms.assessorHint")}
          defaultValue={v("assessorName")}
          errors={errors.field("assessorName")}
          {...fe}
          autoComplete="off"
        />
        <Field
          id="assessorQualification"
          name="assessorQualification"
          label={t("forms.qualificationLabel")}
          hint={t("forms.qualificationHint")}
          defaultValue={v("assessorQualification")}
          errors={errors.field("assessorQualification")}
          {...fe}
          autoComplete="off"
        />
        <Field
          id="assessmentDate"
          name="assessmentDate"
          type="date"
          label={t("forms.assessmentDateLabel")}
          hint={t("forms.assessmentDateHint", { date: yearNineStart })}
          defaultValue={v("assessmentDate")}
          errors={errors.field("assessmentDate")}
          {...fe}
          inputClassName="w-48"
        />
        <div className="flex flex-col gap-3">
          <h3 className="text-xl font-bold">{t("forms.scoresTitle")}</h3>
          <p>{t("forms.scoresIntro")}</p>
          {rows.map((n) => (
            <fieldset key={n} className="grid gap-3 rounded-md border p-3 sm:grid-cols-[2fr_2fr_1fr]">
              <legend className="px-1 font-semibold">{t("forms.scoreRow", { number: n })}</legend>
              <Field
                id={`scoreTest${n}`}
                name={`scoreTest${n}`}
                label={t("forms.scoreTestLabel")}
                defaultValue={v(`scoreTest${n}`)}
                errors={errors.field(`scoreTest${n}`)}
                {...fe}
                autoComplete="off"
              />
              <Field
                id={`scoreArea${n}`}
                name={`scoreArea${n}`}
                label={t("forms.scoreAreaLabel")}
                errors={errors.field(`scoreArea${n}`)}
                {...fe}
              >
                <Select defaultValue={v(`scoreArea${n}`)}>
                  <option value="">{t("forms.chooseArea")}</option>
                  {STANDARDISED_AREAS.map((a) => (
                    <option key={a} value={a}>
                      {t(`areas.${a}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                id={`scoreValue${n}`}
                name={`scoreValue${n}`}
                label={t("forms.scoreValueLabel")}
                defaultValue={v(`scoreValue${n}`)}
                errors={errors.field(`scoreValue${n}`)}
                {...fe}
                inputMode="numeric"
                autoComplete="off"
                inputClassName="w-24"
              />
            </fieldset>
          ))}
        </div>
      </section>

      <section aria-labelledby="confirm-title" className="flex flex-col gap-4">
        <h2 id="confirm-title" className="text-2xl font-bold">
          {t("forms.confirmTitle")}
        </h2>
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
        <Field
          id="dataNoticeGiven"
          name="dataNoticeGiven"
          label={t("forms.dataNoticeLabel")}
          errors={errors.field("dataNoticeGiven")}
          {...fe}
          inline
          required
        >
          <Checkbox value="yes" />
        </Field>
        <Field
          id="declaration"
          name="declaration"
          label={t("forms.declarationLabel")}
          hint={t("forms.declarationHint")}
          errors={errors.field("declaration")}
          {...fe}
          inline
          required
        >
          <Checkbox value="yes" />
        </Field>
      </section>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("forms.applySubmit")}
      </SubmitButton>
    </form>
  );
}
