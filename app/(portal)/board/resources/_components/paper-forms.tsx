"use client";

import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { changeQuestionPaperAction, removeQuestionPaperAction, uploadQuestionPaperAction } from "../actions";
import {
  ConfirmBox,
  DateTimeFields,
  FileField,
  GroupedSelect,
  useFormErrors,
  useUploadAction,
  type Choice,
  type ChoiceGroup,
} from "./upload-forms";

/** Upload a component's question paper for a series, with the London date and time it opens. */
export function UploadQuestionPaperForm({
  series,
  selectedSeries,
  components,
}: {
  series: Choice[];
  selectedSeries: string;
  components: ChoiceGroup[];
}) {
  const t = useTranslations("boardResources");
  const [state, action] = useUploadAction(uploadQuestionPaperAction);
  const { field, summary, fe, pending } = useFormErrors(state);
  const v = (k: string, fallback = "") => state.values?.[k] ?? fallback;
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-4">
      {summary}
      <Field id="series" name="series" label={t("seriesLabel")} errors={field("series")} {...fe} required>
        <Select defaultValue={v("series", selectedSeries)}>
          {series.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="component"
        name="component"
        label={t("componentLabel")}
        hint={t("componentFieldHint")}
        errors={field("component")}
        {...fe}
        required
      >
        <GroupedSelect groups={components} placeholder={t("chooseComponent")} defaultValue={v("component")} />
      </Field>
      <DateTimeFields
        dateLabel={t("paperDate")}
        timeLabel={t("paperTime")}
        hint={t("paperTimeHint")}
        values={{ date: v("availableDate"), time: v("availableTime", "08:30") }}
        field={field}
        {...fe}
        required
      />
      <FileField label={t("fileLabel")} hint={t("fileHint")} errors={field("file")} {...fe} />
      <Field id="replace" name="replace" label={t("replaceLabel")} errors={field("replace")} {...fe} inline>
        <Checkbox value="yes" defaultChecked={v("replace") === "yes"} />
      </Field>
      <SubmitButton className="self-start" pendingLabel={pending}>
        {t("paperSubmit")}
      </SubmitButton>
    </form>
  );
}

/** Change one paper's time, and its file if one is chosen. */
export function ChangeQuestionPaperForm({
  paperId,
  series,
  date,
  time,
}: {
  paperId: string;
  series: string;
  date: string;
  time: string;
}) {
  const t = useTranslations("boardResources");
  const [state, action] = useUploadAction(changeQuestionPaperAction);
  const prefix = `change-${paperId}-`;
  const { field, summary, fe, pending } = useFormErrors(state, prefix);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {summary}
      <input type="hidden" name="paperId" value={paperId} />
      <input type="hidden" name="series" value={series} />
      <DateTimeFields
        prefix={prefix}
        dateLabel={t("paperDate")}
        timeLabel={t("paperTime")}
        hint={t("paperTimeHint")}
        values={{ date: state.values?.availableDate ?? date, time: state.values?.availableTime ?? time }}
        field={field}
        {...fe}
        required
      />
      <FileField
        prefix={prefix}
        label={t("replaceFile")}
        hint={t("changeFileHint")}
        errors={field("file")}
        {...fe}
        required={false}
      />
      <SubmitButton className="self-start" variant="outline" pendingLabel={pending}>
        {t("changeSubmit")}
      </SubmitButton>
    </form>
  );
}

/** Remove one paper, once its box is ticked. */
export function RemoveQuestionPaperForm({ paperId, series }: { paperId: string; series: string }) {
  const t = useTranslations("boardResources");
  const [state, action] = useUploadAction(removeQuestionPaperAction);
  const prefix = `remove-${paperId}-`;
  const { field, summary, fe, pending } = useFormErrors(state, prefix);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {summary}
      <input type="hidden" name="paperId" value={paperId} />
      <input type="hidden" name="series" value={series} />
      <ConfirmBox id={`${prefix}confirm`} label={t("removeConfirm")} errors={field("confirm")} {...fe} />
      <SubmitButton className="self-start" variant="destructive" pendingLabel={pending}>
        {t("removeSubmit")}
      </SubmitButton>
    </form>
  );
}
