"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field, OtpField, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { mfaSetupAction, type SetupState } from "@/lib/actions/mfa-setup";
import type { MfaMethod } from "@/lib/generated/prisma/enums";
import { PasskeyRegister } from "./passkey-register";

export function MfaSetupFlow({
  methods,
  email,
  onboarding,
  passkeyRequired = false,
}: {
  methods: MfaMethod[];
  email: string;
  onboarding: boolean;
  /** The board requires this person to use a passkey: set-up goes straight to it. */
  passkeyRequired?: boolean;
}) {
  const t = useTranslations("mfaSetup");
  const tp = useTranslations("passkeys");
  const tc = useTranslations("common");
  const [state, action] = useActionState<SetupState, FormData>(mfaSetupAction, { stage: "choose" });
  // A passkey is made in the browser (components/mfa/passkey-register.tsx), not by this form.
  const [passkey, setPasskey] = useState<{ recoveryCodes: string[] | null } | null>(null);
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  const recoveryCodes = state.stage === "done" ? state.recoveryCodes : passkey?.recoveryCodes;

  if (state.stage === "done" || passkey) {
    return (
      <section aria-labelledby="recovery-title" className="flex flex-col gap-4">
        {recoveryCodes ? (
          <>
            <h2 id="recovery-title" className="text-2xl font-bold">
              {t("recoveryTitle")}
            </h2>
            <p>{t("recoveryIntro")}</p>
            <ul
              aria-label={t("recoveryListLabel")}
              className="grid grid-cols-2 gap-2 font-mono text-lg"
              data-testid="recovery-codes"
            >
              {recoveryCodes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        ) : (
          <Alert id="recovery-title" variant="success" live>
            <AlertDescription>{tp("added")}</AlertDescription>
          </Alert>
        )}
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

  if (state.stage === "passkey" || passkeyRequired) {
    return (
      <div className="flex flex-col gap-4">
        {passkeyRequired ? <p>{tp("requiredIntro")}</p> : null}
        <PasskeyRegister
          title={tp("createTitle")}
          intro={tp("createIntro")}
          onRegistered={(codes) => setPasskey({ recoveryCodes: codes })}
        />
      </div>
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
        {methods.map((m) => {
          const key = m === "TOTP" ? "totp" : m === "SMS" ? "sms" : "email";
          return (
            <div key={m} className="flex items-start gap-3">
              <input
                id={`method-${m}`}
                type="radio"
                name="method"
                value={m}
                defaultChecked={(state.method ?? methods[0]) === m}
                className="mt-1 size-6 accent-primary"
                aria-describedby={`method-${m}-hint`}
              />
              <div>
                <label htmlFor={`method-${m}`} className="font-semibold">
                  {m === "PASSKEY" ? tp("option") : t(key)}
                </label>
                <p id={`method-${m}-hint`} className="text-muted-foreground">
                  {m === "PASSKEY"
                    ? tp("optionHint")
                    : m === "EMAIL"
                      ? `${t("emailHint")} ${t("emailConfirm", { email })}`
                      : t(`${key}Hint`)}
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
