"use client";

import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { UPLOAD_KINDS } from "@/lib/board/uploads";
import { removeDocumentAction, replaceDocumentAction, uploadDocumentAction } from "../actions";
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

/** Upload a document: what it is, its titles, what it is for, and the PDF. Works without JavaScript. */
export function UploadDocumentForm({
  specifications,
  series,
  components,
  year,
}: {
  specifications: ChoiceGroup[];
  series: Choice[];
  components: ChoiceGroup[];
  year: number;
}) {
  const t = useTranslations("boardResources");
  const [state, action] = useUploadAction(uploadDocumentAction);
  const { field, summary, fe, pending } = useFormErrors(state);
  const v = (k: string, fallback = "") => state.values?.[k] ?? fallback;
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-6">
      {summary}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">{t("aboutLegend")}</legend>
        <Field
          id="kind"
          name="kind"
          label={t("kindLabel")}
          hint={t("kindHint")}
          errors={field("kind")}
          {...fe}
          required
        >
          <Select defaultValue={v("kind")}>
            <option value="">{t("chooseKind")}</option>
            {UPLOAD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="titleEn"
          name="titleEn"
          label={t("titleEn")}
          defaultValue={v("titleEn")}
          errors={field("titleEn")}
          {...fe}
          required
          lang="en"
        />
        <Field
          id="titleCy"
          name="titleCy"
          label={t("titleCy")}
          defaultValue={v("titleCy")}
          errors={field("titleCy")}
          {...fe}
          required
          lang="cy"
        />
        <Field
          id="specification"
          name="specification"
          label={t("specificationLabel")}
          hint={t("specificationHint")}
          errors={field("specification")}
          {...fe}
        >
          <GroupedSelect
            groups={specifications}
            placeholder={t("chooseSpecification")}
            defaultValue={v("specification")}
          />
        </Field>
        <Field
          id="year"
          name="year"
          label={t("yearLabel")}
          hint={t("yearHint")}
          inputMode="numeric"
          defaultValue={v("year", String(year))}
          errors={field("year")}
          {...fe}
          required
          className="max-w-40"
        />
        <Field id="language" name="language" label={t("languageLabel")} errors={field("language")} {...fe} required>
          <Select defaultValue={v("language", "en")} wrapperClassName="max-w-56">
            <option value="en">{t("languages.en")}</option>
            <option value="cy">{t("languages.cy")}</option>
          </Select>
        </Field>
        <Field
          id="secure"
          name="secure"
          label={t("secureLabel")}
          hint={t("secureHint")}
          errors={field("secure")}
          {...fe}
          inline
        >
          <Checkbox value="yes" defaultChecked={v("secure") === "yes"} />
        </Field>
      </fieldset>
      <fieldset className="flex flex-col gap-4 rounded-md border p-4">
        <legend className="px-1 text-lg font-semibold">{t("whenLegend")}</legend>
        <Field
          id="series"
          name="series"
          label={t("seriesLabel")}
          hint={t("seriesHint")}
          errors={field("series")}
          {...fe}
        >
          <Select defaultValue={v("series")}>
            <option value="">{t("chooseSeries")}</option>
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
          hint={t("componentHint")}
          errors={field("component")}
          {...fe}
        >
          <GroupedSelect groups={components} placeholder={t("chooseComponent")} defaultValue={v("component")} />
        </Field>
        <DateTimeFields
          dateLabel={t("availableDate")}
          timeLabel={t("availableTime")}
          hint={t("availableHint")}
          values={{ date: v("availableDate"), time: v("availableTime") }}
          field={field}
          {...fe}
        />
      </fieldset>
      <FileField label={t("fileLabel")} hint={t("fileHint")} errors={field("file")} {...fe} />
      <SubmitButton className="self-start" pendingLabel={pending}>
        {t("uploadSubmit")}
      </SubmitButton>
    </form>
  );
}

/** Replace one document's file (the row's id prefixes the field ids). */
export function ReplaceDocumentForm({ resourceId }: { resourceId: string }) {
  const t = useTranslations("boardResources");
  const [state, action] = useUploadAction(replaceDocumentAction);
  const prefix = `replace-${resourceId}-`;
  const { field, summary, fe, pending } = useFormErrors(state, prefix);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {summary}
      <input type="hidden" name="resourceId" value={resourceId} />
      <FileField prefix={prefix} label={t("replaceFile")} hint={t("replaceHint")} errors={field("file")} {...fe} />
      <SubmitButton className="self-start" variant="outline" pendingLabel={pending}>
        {t("replaceSubmit")}
      </SubmitButton>
    </form>
  );
}

/** Remove one document, once its box is ticked. */
export function RemoveDocumentForm({ resourceId }: { resourceId: string }) {
  const t = useTranslations("boardResources");
  const [state, action] = useUploadAction(removeDocumentAction);
  const prefix = `remove-${resourceId}-`;
  const { field, summary, fe, pending } = useFormErrors(state, prefix);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {summary}
      <input type="hidden" name="resourceId" value={resourceId} />
      <ConfirmBox id={`${prefix}confirm`} label={t("removeConfirm")} errors={field("confirm")} {...fe} />
      <SubmitButton className="self-start" variant="destructive" pendingLabel={pending}>
        {t("removeSubmit")}
      </SubmitButton>
    </form>
  );
}
