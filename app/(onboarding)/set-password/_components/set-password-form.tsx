"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import type { ActionState } from "@/lib/validation/action-state";
import { setPasswordAction } from "../actions";

export function SetPasswordForm() {
  const t = useTranslations("setPassword");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(setPasswordAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("newLabel")}
        hint={t("newHint")}
        errors={errors.field("password")}
        errorPrefix={tc("errorPrefix")}
        required
      />
      <Field
        id="confirm"
        name="confirm"
        type="password"
        autoComplete="new-password"
        label={t("confirmLabel")}
        errors={errors.field("confirm")}
        errorPrefix={tc("errorPrefix")}
        required
      />
      <SubmitButton pendingLabel={tc("pleaseWait")}>{t("submit")}</SubmitButton>
    </form>
  );
}
