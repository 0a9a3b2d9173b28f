"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Checkbox } from "@/components/ui/checkbox";
import type { ActionState } from "@/lib/validation/action-state";
import { createSeriesAction, updateSeriesAction } from "../actions";
import { DateTimeFields } from "./date-time-fields";

/**
 * Create a series (`seriesId` absent) or edit one. `initial` holds the form's values as typed
 * (dates "YYYY-MM-DD", times "HH:MM", UK time). When the series has results,
 * `needsConfirmation` adds the box the board must tick to move a release time.
 */
export function SeriesForm({
  seriesId,
  initial = {},
  needsConfirmation = false,
}: {
  seriesId?: string;
  initial?: Record<string, string>;
  needsConfirmation?: boolean;
}) {
  const t = useTranslations("boardSeries");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(seriesId ? updateSeriesAction : createSeriesAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  const v = (k: string) => state.values?.[k] ?? initial[k] ?? "";
  // Results may have been loaded since the page was drawn: the refusal brings the box with it.
  const confirmErrors = errors.field("confirmRelease");
  const showConfirm = needsConfirmation || Boolean(confirmErrors?.length);
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      {seriesId ? <input type="hidden" name="seriesId" value={seriesId} /> : null}
      <Field
        id="code"
        name="code"
        label={t("codeLabel")}
        hint={t("codeHint")}
        defaultValue={v("code")}
        errors={errors.field("code")}
        {...fe}
        required
        autoComplete="off"
        spellCheck={false}
        inputClassName="max-w-40"
      />
      <Field
        id="nameEn"
        name="nameEn"
        label={t("nameEn")}
        hint={t("nameEnHint")}
        defaultValue={v("nameEn")}
        errors={errors.field("nameEn")}
        {...fe}
        required
        lang="en"
      />
      <Field
        id="nameCy"
        name="nameCy"
        label={t("nameCy")}
        hint={t("nameCyHint")}
        defaultValue={v("nameCy")}
        errors={errors.field("nameCy")}
        {...fe}
        required
        lang="cy"
      />
      <Field
        id="resultsDay"
        name="resultsDay"
        type="date"
        label={t("resultsDay")}
        hint={t("resultsDayHint")}
        defaultValue={v("resultsDay")}
        errors={errors.field("resultsDay")}
        {...fe}
        required
        inputClassName="w-48"
      />
      <DateTimeFields
        legend={t("restrictedLegend")}
        hint={t("restrictedHint")}
        dateName="restrictedDate"
        timeName="restrictedTime"
        value={v}
        errors={errors.field}
      />
      <DateTimeFields
        legend={t("releaseLegend")}
        hint={t("releaseHint")}
        dateName="releaseDate"
        timeName="releaseTime"
        value={v}
        errors={errors.field}
      />
      <DateTimeFields
        legend={t("entryDeadlineLegend")}
        hint={t("entryDeadlineHint")}
        dateName="entryDeadlineDate"
        timeName="entryDeadlineTime"
        value={v}
        errors={errors.field}
        required
      />
      {showConfirm ? (
        <Field
          id="confirmRelease"
          name="confirmRelease"
          label={t("confirmRelease")}
          hint={t("confirmReleaseHint")}
          errors={confirmErrors}
          {...fe}
          inline
        >
          <Checkbox value="yes" />
        </Field>
      ) : null}
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {seriesId ? t("saveSubmit") : t("createSubmit")}
      </SubmitButton>
    </form>
  );
}
