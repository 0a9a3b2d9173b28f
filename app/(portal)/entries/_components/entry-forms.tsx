"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Select } from "@/components/ui/select";
import type { ActionState } from "@/lib/validation/action-state";
import { enterCandidateAction, withdrawEntryAction } from "../actions";

type Option = { value: string; label: string };

/** Makes an entry for one of `candidates`: the matches of the page's candidate search, never every candidate. */
export function EnterForm({
  seriesId,
  candidates,
  specs,
}: {
  seriesId: string;
  candidates: Option[];
  specs: Option[];
}) {
  const t = useTranslations("entries.list");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState<{ late: boolean }>, FormData>(enterCandidateAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  return (
    <form action={action} noValidate className="flex max-w-xl flex-col gap-4">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant={state.late ? "warning" : "success"} live>
          <AlertDescription>{state.late ? t("enteredLate") : t("entered")}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="seriesId" value={seriesId} />
      <Field
        id="candidateId"
        name="candidateId"
        label={t("candidate")}
        errors={errors.field("candidateId")}
        {...fe}
        required
      >
        <Select defaultValue={state.values?.candidateId ?? (candidates.length === 1 ? candidates[0].value : "")}>
          <option value="">{t("chooseCandidate")}</option>
          {candidates.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="specificationId"
        name="specificationId"
        label={t("specification")}
        errors={errors.field("specificationId")}
        {...fe}
        required
      >
        <Select defaultValue={state.values?.specificationId ?? ""}>
          <option value="">{t("chooseSpecification")}</option>
          {specs.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("enter")}
      </SubmitButton>
    </form>
  );
}

/**
 * One form around the entries table: each live entry's "Withdraw" button submits it with its
 * own entry id (the button's name and value), so a page of entries carries one form, not one
 * per row. A refusal is announced above the table.
 */
export function WithdrawForm({ children }: { children: React.ReactNode }) {
  const [state, action] = useActionState<ActionState, FormData>(withdrawEntryAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action} className="flex flex-col gap-2">
      {errors.summary.length ? (
        <p role="alert" className="font-semibold text-destructive">
          {errors.summary.map((e) => e.message).join(" ")}
        </p>
      ) : null}
      {children}
    </form>
  );
}
