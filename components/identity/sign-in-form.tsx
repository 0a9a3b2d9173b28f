"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { signInAction, type SignInState } from "@/lib/actions/sign-in";

export function SignInForm({ door }: { door: "centre" | "appointee" }) {
  const t = useTranslations("signIn");
  const tc = useTranslations("common");
  const [state, action] = useActionState<SignInState, FormData>(signInAction, { step: "email" });
  const errors = useActionErrors(state);
  const onPassword = state.step === "password" && state.email;

  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      <input type="hidden" name="door" value={door} />
      {onPassword ? (
        <>
          <input type="hidden" name="email" value={state.email} />
          <p>
            {t("emailFor", { email: state.email ?? "" })}{" "}
            <Link href={door === "appointee" ? "/appointee/sign-in" : "/sign-in"} className="underline">
              {t("changeEmail")}
            </Link>
          </p>
          <Field
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            label={tc("passwordLabel")}
            hint={t("firstTime")}
            errors={errors.field("password")}
            errorPrefix={tc("errorPrefix")}
            required
            autoFocus
          />
          <SubmitButton pendingLabel={tc("pleaseWait")}>{t("submit")}</SubmitButton>
        </>
      ) : (
        <>
          <Field
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            label={tc("emailLabel")}
            hint={door === "appointee" ? t("appointeeEmailHint") : t("emailHint")}
            defaultValue={state.values?.email ?? state.email ?? ""}
            errors={errors.field("email")}
            errorPrefix={tc("errorPrefix")}
            required
          />
          <SubmitButton pendingLabel={tc("pleaseWait")}>{tc("next")}</SubmitButton>
        </>
      )}
    </form>
  );
}
