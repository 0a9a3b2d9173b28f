"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, OtpField, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Select } from "@/components/ui/select";
import type { ActionState } from "@/lib/validation/action-state";
import { changePasswordAction, emailChangeAction, updateProfileAction, type EmailState } from "../actions";

type Details = { title: string; name: string; jobRole: string; phone: string; language: "en" | "cy" };

export function DetailsForm({ details }: { details: Details }) {
  const t = useTranslations("profile");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(updateProfileAction, {});
  const errors = useActionErrors(state);
  const v = (k: keyof Details) => state.values?.[k] ?? details[k];
  const fe = { errorPrefix: tc("errorPrefix") };
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("saved")}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        id="title"
        name="title"
        label={`${t("titleLabel")} ${tc("optional")}`}
        hint={t("titleHint")}
        defaultValue={v("title")}
        autoComplete="honorific-prefix"
        errors={errors.field("title")}
        {...fe}
        className="max-w-48"
      />
      <Field
        id="name"
        name="name"
        label={t("nameLabel")}
        defaultValue={v("name")}
        autoComplete="name"
        errors={errors.field("name")}
        {...fe}
        required
      />
      <Field
        id="jobRole"
        name="jobRole"
        label={`${t("jobRoleLabel")} ${tc("optional")}`}
        defaultValue={v("jobRole")}
        autoComplete="organization-title"
        errors={errors.field("jobRole")}
        {...fe}
      />
      <Field
        id="phone"
        name="phone"
        type="tel"
        label={`${t("phoneLabel")} ${tc("optional")}`}
        defaultValue={v("phone")}
        autoComplete="tel"
        errors={errors.field("phone")}
        {...fe}
      />
      <Field
        id="language"
        name="language"
        label={t("languageLabel")}
        hint={t("languageHint")}
        errors={errors.field("language")}
        {...fe}
      >
        <Select defaultValue={v("language")}>
          <option value="en">{t("english")}</option>
          <option value="cy">{t("welsh")}</option>
        </Select>
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {tc("save")}
      </SubmitButton>
    </form>
  );
}

export function EmailForm({ current, passwordOptional }: { current: string; passwordOptional: boolean }) {
  const t = useTranslations("profile");
  const tc = useTranslations("common");
  const [state, action] = useActionState<EmailState, FormData>(emailChangeAction, { stage: "request" });
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  if (state.stage === "done") {
    return (
      <Alert variant="success" live>
        <AlertDescription>{t("emailChanged")}</AlertDescription>
      </Alert>
    );
  }
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      <p>{t("currentEmail", { email: current })}</p>
      {state.stage === "confirm" ? (
        <>
          <input type="hidden" name="intent" value="confirm" />
          <p role="status">{t("emailCodeSent", { email: state.email ?? "" })}</p>
          <OtpField
            id="email-code"
            name="code"
            label={tc("codeLabel")}
            hint={tc("codeHint")}
            errors={errors.field("code")}
            {...fe}
            required
          />
          <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
            {t("confirmEmail")}
          </SubmitButton>
        </>
      ) : (
        <>
          <input type="hidden" name="intent" value="request" />
          <Field
            id="email"
            name="email"
            type="email"
            label={t("newEmailLabel")}
            defaultValue={state.values?.email ?? ""}
            autoComplete="email"
            errors={errors.field("email")}
            {...fe}
            required
          />
          <Field
            id="email-password"
            name="password"
            type="password"
            label={t("currentPasswordLabel")}
            hint={passwordOptional ? t("emailPasswordOptional") : t("emailPasswordHint")}
            autoComplete="current-password"
            errors={errors.field("password")}
            {...fe}
            required={!passwordOptional}
          />
          <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
            {t("sendEmailCode")}
          </SubmitButton>
        </>
      )}
    </form>
  );
}

export function PasswordForm() {
  const t = useTranslations("profile");
  const ts = useTranslations("setPassword");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(changePasswordAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("passwordChanged")}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        id="current"
        name="current"
        type="password"
        autoComplete="current-password"
        label={t("currentPasswordLabel")}
        errors={errors.field("current")}
        {...fe}
        required
      />
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("newPasswordLabel")}
        hint={ts("newHint")}
        errors={errors.field("password")}
        {...fe}
        required
      />
      <Field
        id="confirm"
        name="confirm"
        type="password"
        autoComplete="new-password"
        label={t("confirmPasswordLabel")}
        errors={errors.field("confirm")}
        {...fe}
        required
      />
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("changePassword")}
      </SubmitButton>
    </form>
  );
}
