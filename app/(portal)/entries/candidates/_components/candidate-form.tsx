"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionState } from "@/lib/validation/action-state";
import { createCandidateAction, updateCandidateAction } from "../actions";

type Values = { candidateNumber: string; uci: string; firstName: string; lastName: string; dateOfBirth: string };
const EMPTY: Values = { candidateNumber: "", uci: "", firstName: "", lastName: "", dateOfBirth: "" };

export function CandidateForm({ id, initial }: { id?: string; initial?: Values }) {
  const t = useTranslations("entries.candidates");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(id ? updateCandidateAction : createCandidateAction, {});
  const errors = useActionErrors(state);
  const v = (k: keyof Values) => state.values?.[k] ?? (initial ?? EMPTY)[k];
  const fe = { errorPrefix: tc("errorPrefix") };
  return (
    <form action={action} noValidate className="flex max-w-xl flex-col gap-4">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("saved")}</AlertDescription>
        </Alert>
      ) : null}
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Field
        id="candidateNumber"
        name="candidateNumber"
        label={t("number")}
        hint={t("numberHint")}
        defaultValue={v("candidateNumber")}
        inputMode="numeric"
        autoComplete="off"
        errors={errors.field("candidateNumber")}
        {...fe}
        required
        inputClassName="max-w-32"
      />
      <Field
        id="uci"
        name="uci"
        label={t("uci")}
        hint={t("uciHint")}
        defaultValue={v("uci")}
        autoComplete="off"
        spellCheck={false}
        errors={errors.field("uci")}
        {...fe}
        required
        inputClassName="max-w-64 font-mono"
      />
      <Field
        id="firstName"
        name="firstName"
        label={t("forenames")}
        defaultValue={v("firstName")}
        autoComplete="off"
        errors={errors.field("firstName")}
        {...fe}
        required
      />
      <Field
        id="lastName"
        name="lastName"
        label={t("surname")}
        defaultValue={v("lastName")}
        autoComplete="off"
        errors={errors.field("lastName")}
        {...fe}
        required
      />
      <Field
        id="dateOfBirth"
        name="dateOfBirth"
        type="date"
        label={t("dateOfBirth")}
        hint={t("dateOfBirthHint")}
        defaultValue={v("dateOfBirth")}
        errors={errors.field("dateOfBirth")}
        {...fe}
        required
        inputClassName="max-w-56"
      />
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {id ? tc("save") : t("add")}
      </SubmitButton>
    </form>
  );
}
