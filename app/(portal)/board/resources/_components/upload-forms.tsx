"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormErrorSummary, type FormErrorSummaryItem } from "@/components/forms/field";
import { useActionErrors } from "@/components/forms/translated-errors";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import type { ActionState } from "@/lib/validation/action-state";

// The parts every upload form here shares: the error summary of a form that may appear many
// times on one page (its field ids carry a prefix), the PDF file field, a London date and time
// pair, and a list of choices grouped by specification.

export type Choice = { value: string; label: string };
export type ChoiceGroup = { label: string; options: Choice[] };

/** Field ids are `${prefix}${name}`; the summary links to them. */
export function useFormErrors(state: ActionState, prefix = "") {
  const tc = useTranslations("common");
  const errors = useActionErrors(state);
  const summary = errors.summary.map((e): FormErrorSummaryItem =>
    "fieldId" in e ? { ...e, fieldId: `${prefix}${e.fieldId}` } : e,
  );
  const node =
    summary.length > 0 ? <FormErrorSummary title={tc("errorSummaryTitle")} errors={summary} headingLevel="h3" /> : null;
  return { field: errors.field, summary: node, fe: { errorPrefix: tc("errorPrefix") }, pending: tc("pleaseWait") };
}

export function FileField({
  prefix = "",
  label,
  hint,
  errors,
  errorPrefix,
  required = true,
}: {
  prefix?: string;
  label: string;
  hint: string;
  errors?: string[];
  errorPrefix: string;
  required?: boolean;
}) {
  return (
    <Field
      id={`${prefix}file`}
      name="file"
      type="file"
      accept="application/pdf,.pdf"
      label={label}
      hint={hint}
      errors={errors}
      errorPrefix={errorPrefix}
      required={required}
    />
  );
}

/** A London date and time (native date and time inputs give "YYYY-MM-DD" and "HH:MM"). */
export function DateTimeFields({
  prefix = "",
  dateLabel,
  timeLabel,
  hint,
  values,
  field,
  errorPrefix,
  required,
}: {
  prefix?: string;
  dateLabel: string;
  timeLabel: string;
  hint?: string;
  values: { date: string; time: string };
  field: (name: string) => string[] | undefined;
  errorPrefix: string;
  required?: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-4">
      <Field
        id={`${prefix}availableDate`}
        name="availableDate"
        type="date"
        label={dateLabel}
        hint={hint}
        defaultValue={values.date}
        errors={field("availableDate")}
        errorPrefix={errorPrefix}
        required={required}
        className="max-w-56"
      />
      <Field
        id={`${prefix}availableTime`}
        name="availableTime"
        type="time"
        label={timeLabel}
        defaultValue={values.time}
        errors={field("availableTime")}
        errorPrefix={errorPrefix}
        required={required}
        className="max-w-40 self-end"
      />
    </div>
  );
}

/** A select of grouped choices, with a first "choose" option. */
export function GroupedSelect({
  groups,
  placeholder,
  defaultValue,
  ...control
}: {
  groups: ChoiceGroup[];
  placeholder: string;
  defaultValue: string;
} & Omit<React.ComponentProps<typeof Select>, "defaultValue" | "children">) {
  // `control` carries what the surrounding Field gives its control: id, name, aria-describedby.
  return (
    <Select {...control} defaultValue={defaultValue}>
      <option value="">{placeholder}</option>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}

/** A "yes, I mean it" box (value "yes"), with its error. */
export function ConfirmBox({
  id,
  name = "confirm",
  label,
  errors,
  errorPrefix,
}: {
  id: string;
  name?: string;
  label: string;
  errors?: string[];
  errorPrefix: string;
}) {
  return (
    <Field id={id} name={name} label={label} errors={errors} errorPrefix={errorPrefix} inline>
      <Checkbox value="yes" />
    </Field>
  );
}

/** useActionState for a form, typed once. */
export function useUploadAction(action: (state: ActionState, data: FormData) => Promise<ActionState>) {
  return useActionState<ActionState, FormData>(action, {});
}
