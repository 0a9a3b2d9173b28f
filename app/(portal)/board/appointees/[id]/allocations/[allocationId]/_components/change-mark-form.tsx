"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { FormErrorSummary } from "@/components/forms/error-summary";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/validation/action-state";
import { changeSubmittedMarkAction } from "../actions";

export type ChangeMarkProps = {
  appointeeId: string;
  allocationId: string;
  entryId: string;
  /** The key of this change (made when the page was drawn): a resent form applies once. */
  saveKey: string;
  baseVersion: number;
  maxMark: number;
  questions: { label: string; maxMark: number }[];
  /** The current mark as typed: code, total, per question. */
  current: { code: string; total: string; items: string[] };
};

/** Board staff change a submitted examiner mark: the new mark (a code, per question or a total) and the reason. */
export function ChangeMarkForm(props: ChangeMarkProps) {
  const { questions, current } = props;
  const t = useTranslations("emi.board");
  const te = useTranslations("errors");
  const tm = useTranslations("marks");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(changeSubmittedMarkAction, {});
  // A rule's own message (marks.…), else an error's.
  const tr = (key: string) => {
    const own = key.startsWith("marks.") ? key.slice("marks.".length) : null;
    if (own && tm.has(own as never)) return tm(own as never);
    return te.has(key as never) ? te(key as never) : te("generic");
  };
  const field = (name: string) => state.fieldErrors?.[name]?.map(tr);
  const summary = [
    ...(state.formError ? [{ message: tr(state.formError) }] : []),
    ...Object.entries(state.fieldErrors ?? {}).flatMap(([name, keys]) =>
      keys.map((k) => ({ message: tr(k), fieldId: name === "mark" ? "code" : name })),
    ),
  ];
  const v = (name: string, initial: string) => state.values?.[name] ?? initial;
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {summary.length ? <FormErrorSummary title={tc("errorSummaryTitle")} errors={summary} /> : null}
      <input type="hidden" name="appointeeId" value={props.appointeeId} />
      <input type="hidden" name="allocationId" value={props.allocationId} />
      <input type="hidden" name="entryId" value={props.entryId} />
      <input type="hidden" name="key" value={props.saveKey} />
      <input type="hidden" name="baseVersion" value={props.baseVersion} />
      <ErrorList id="mark-error" errors={field("mark")} errorPrefix={tc("errorPrefix")} />
      <Field id="code" name="code" label={t("codeLabel")} hint={t("codeHint")} errorPrefix={tc("errorPrefix")}>
        <Select defaultValue={v("code", current.code)} wrapperClassName="w-48">
          <option value="">{t("codeNone")}</option>
          <option value="A">{t("codeA")}</option>
          <option value="W">{t("codeW")}</option>
        </Select>
      </Field>
      {questions.length ? (
        <div className="flex flex-wrap gap-4">
          {questions.map((q, i) => (
            <Field
              key={q.label}
              id={`q${i + 1}`}
              name={`q${i + 1}`}
              label={t("questionLabel", { label: q.label, max: q.maxMark })}
              inputMode="numeric"
              defaultValue={v(`q${i + 1}`, current.items[i] ?? "")}
              errorPrefix={tc("errorPrefix")}
              inputClassName="w-24"
            />
          ))}
        </div>
      ) : (
        <Field
          id="total"
          name="total"
          label={t("totalLabel", { max: props.maxMark })}
          inputMode="numeric"
          defaultValue={v("total", current.total)}
          errorPrefix={tc("errorPrefix")}
          inputClassName="w-24"
        />
      )}
      <Field
        id="reason"
        name="reason"
        label={t("reasonLabel")}
        hint={t("reasonHint")}
        errors={field("reason")}
        errorPrefix={tc("errorPrefix")}
        required
      >
        <Textarea defaultValue={v("reason", "")} maxLength={500} rows={3} />
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
