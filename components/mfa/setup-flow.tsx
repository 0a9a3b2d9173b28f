"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field, OtpField, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { buttonVariants } from "@/components/ui/button";
import { mfaSetupAction, type SetupState } from "@/lib/actions/mfa-setup";

type Method = "TOTP" | "SMS" | "EMAIL";

export function MfaSetupFlow({
  methods,
  email,
  onboarding,
}: {
  methods: Method[];
  email: string;
  onboarding: boolean;
}) {
  const t = useTranslations("mfaSetup");
  const tc = useTranslations("common");
  const [state, action] = useActionState<SetupState, FormData>(mfaSetupAction, { stage: "choose" });
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };

  if (state.stage === "done") {
    return (
      <section aria-labelledby="recovery-title" className="flex flex-col gap-4">
        <h2 id="recovery-title" className="text-2xl font-bold">
          {t("recoveryTitle")}
        </h2>
        <p>{t("recoveryIntro")}</p>
        <ul
          aria-label={t("recoveryListLabel")}
          className="grid grid-cols-2 gap-2 font-mono text-lg"
          data-testid="recovery-codes"
        >
          {state.recoveryCodes?.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {onboarding ? (
          // Only now does the half-open session become a full one (lib/data/identity/mfa-setup.ts).
          <form action={action}>
            <input type="hidden" name="intent" value="finish" />
            <SubmitButton pendingLabel={tc("pleaseWait")}>{t("recoveryDone")}</SubmitButton>
          </form>
        ) : (
          <Link href="/profile/security" className={buttonVariants({ className: "self-start" })}>
            {t("recoveryDone")}
          </Link>
        )}
      </section>
    );
  }

  if (state.stage === "totp" || state.stage === "code") {
    return (
      <form action={action} noValidate className="flex flex-col gap-6">
        <ErrorSummary state={state} />
        <input type="hidden" name="intent" value="confirm" />
        {state.stage === "totp" ? (
          <>
            <h2 className="text-2xl font-bold">{t("totpTitle")}</h2>
            <ol className="flex list-decimal flex-col gap-3 pl-6">
              <li>{t("totpStep1")}</li>
              <li>
                {t("totpStep2")}
                {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
                <img
                  src={state.qr}
                  alt={t("qrAlt")}
                  width={220}
                  height={220}
                  className="my-3 border border-border bg-white p-2"
                  data-otpauth={state.uri}
                />
                <p>
                  {t("keyLabel")}:{" "}
                  <code className="break-all font-mono text-lg" data-testid="totp-key">
                    {state.secret}
                  </code>
                </p>
              </li>
              <li>{t("totpStep3")}</li>
            </ol>
          </>
        ) : (
          <p role="status">{t("codeSentTo", { destination: state.destination ?? "" })}</p>
        )}
        <OtpField
          id="code"
          label={tc("codeLabel")}
          hint={tc("codeHint")}
          errors={errors.field("code")}
          {...fe}
          required
        />
        <SubmitButton pendingLabel={tc("pleaseWait")}>{t("verify")}</SubmitButton>
      </form>
    );
  }

  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      <input type="hidden" name="intent" value="choose" />
      <fieldset className="flex flex-col gap-4" aria-describedby={errors.field("method") ? "method-error" : undefined}>
        <legend className="mb-2 text-xl font-bold">{t("methodLegend")}</legend>
        {errors.field("method") ? (
          <p id="method-error" className="font-semibold text-destructive">
            {errors.field("method")?.[0]}
          </p>
        ) : null}
        {methods.map((m, i) => {
          const key = m === "TOTP" ? "totp" : m === "SMS" ? "sms" : "email";
          return (
            <div key={m} className="flex items-start gap-3">
              <input
                id={`method-${m}`}
                type="radio"
                name="method"
                value={m}
                defaultChecked={(state.method ?? "TOTP") === m || (i === 0 && !state.method)}
                className="mt-1 size-6 accent-primary"
                aria-describedby={`method-${m}-hint`}
              />
              <div>
                <label htmlFor={`method-${m}`} className="font-semibold">
                  {t(key)}
                </label>
                <p id={`method-${m}-hint`} className="text-muted-foreground">
                  {m === "EMAIL" ? `${t("emailHint")} ${t("emailConfirm", { email })}` : t(`${key}Hint`)}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>
      {methods.includes("SMS") ? (
        <Field
          id="phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          label={t("phoneLabel")}
          hint={t("phoneHint")}
          defaultValue={state.values?.phone ?? ""}
          errors={errors.field("phone")}
          {...fe}
        />
      ) : null}
      <SubmitButton pendingLabel={tc("pleaseWait")}>{t("choose")}</SubmitButton>
    </form>
  );
}
