"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, OtpField, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Button } from "@/components/ui/button";
import { forgotAction, type ForgotState } from "../actions";

export function ForgotForm() {
  const t = useTranslations("forgot");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ForgotState, FormData>(forgotAction, { stage: "email" });
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };

  if (state.stage === "code" && state.email) {
    return (
      <div className="flex flex-col gap-6">
        <ErrorSummary state={state} />
        <h2 className="text-2xl font-bold">{t("sentTitle")}</h2>
        <p role="status">{t("sent", { email: state.email })}</p>
        <form action={action} noValidate className="flex flex-col gap-6">
          <input type="hidden" name="email" value={state.email} />
          <input type="hidden" name="intent" value="reset" />
          <OtpField
            id="code"
            label={t("codeLabel")}
            hint={tc("codeHint")}
            errors={errors.field("code")}
            {...fe}
            required
          />
          <Field
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            label={t("newLabel")}
            errors={errors.field("password")}
            {...fe}
            required
          />
          <Field
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            label={t("confirmLabel")}
            errors={errors.field("confirm")}
            {...fe}
            required
          />
          <p className="text-muted-foreground">{t("lockedNote")}</p>
          <SubmitButton pendingLabel={tc("pleaseWait")}>{t("submit")}</SubmitButton>
        </form>
        <form action={action}>
          <input type="hidden" name="email" value={state.email} />
          <input type="hidden" name="intent" value="send" />
          <Button type="submit" variant="link" className="px-0">
            {t("again")}
          </Button>
        </form>
      </div>
    );
  }

  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      <input type="hidden" name="intent" value="send" />
      <Field
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        label={tc("emailLabel")}
        defaultValue={state.values?.email ?? ""}
        errors={errors.field("email")}
        {...fe}
        required
      />
      <SubmitButton pendingLabel={tc("pleaseWait")}>{t("send")}</SubmitButton>
    </form>
  );
}
