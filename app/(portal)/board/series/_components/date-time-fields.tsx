"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";

/**
 * A London date and time as two native inputs in one fieldset (its legend names what the time
 * is for, so each input's own label can stay "Date" / "Time"). Values are "YYYY-MM-DD" and
 * "HH:MM"; the server reads them as UK time (lib/board/series-times.ts).
 */
export function DateTimeFields({
  legend,
  hint,
  dateName,
  timeName,
  value,
  errors,
  required = false,
}: {
  legend: string;
  hint?: string;
  dateName: string;
  timeName: string;
  value: (name: string) => string;
  errors: (name: string) => string[] | undefined;
  required?: boolean;
}) {
  const t = useTranslations("boardSeries");
  const tc = useTranslations("common");
  const hintId = `${dateName}-group-hint`;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={hint ? hintId : undefined}>
      <legend className="mb-1 text-lg font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-4">
        <Field
          id={dateName}
          name={dateName}
          type="date"
          label={t("date")}
          defaultValue={value(dateName)}
          errors={errors(dateName)}
          errorPrefix={tc("errorPrefix")}
          required={required}
          inputClassName="w-48"
        />
        <Field
          id={timeName}
          name={timeName}
          type="time"
          label={t("time")}
          hint={t("timeHint")}
          defaultValue={value(timeName)}
          errors={errors(timeName)}
          errorPrefix={tc("errorPrefix")}
          required={required}
          inputClassName="w-36"
        />
      </div>
    </fieldset>
  );
}
