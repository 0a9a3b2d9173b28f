"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { OtpField, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasskeySignIn } from "@/components/mfa/passkey-sign-in";
import { passkeySignInAction, sendCodeAction, verifyCodeAction, type MfaState } from "../actions";
import type { MfaMethod } from "@/lib/generated/prisma/enums";

export function MfaChallenge({
  method,
  destination,
  initialRecovery = false,
}: {
  method: MfaMethod;
  destination: string;
  /** Open on the recovery-code form (/mfa?recovery=1). */
  initialRecovery?: boolean;
}) {
  const t = useTranslations("mfa");
  const tp = useTranslations("passkeys");
  const tc = useTranslations("common");
  const [sendState, send] = useActionState<MfaState, FormData>(sendCodeAction, {});
  const [state, verify] = useActionState<MfaState, FormData>(verifyCodeAction, {});
  const [recovery, setRecovery] = useState(initialRecovery);
  const errors = useActionErrors(state);
  const sendErrors = useActionErrors(sendState);
  const needsSend = (method === "SMS" || method === "EMAIL") && !recovery;

  // A passkey signs in the browser; without JavaScript the page says so and links to the
  // recovery-code form, which is a plain form.
  if (method === "PASSKEY" && !recovery) {
    return (
      <div className="flex flex-col gap-6">
        <p>{tp("signInIntro")}</p>
        <PasskeySignIn submit={passkeySignInAction} cancelled={tp("signInCancelled")} noScript={tp("signInNoScript")} />
        {/* A real link, so that it works without JavaScript too; with it, no page load. */}
        <Link
          href="/mfa?recovery=1"
          className="self-start text-link underline underline-offset-4"
          onClick={(e) => {
            e.preventDefault();
            setRecovery(true);
          }}
        >
          {tp("useRecovery")}
        </Link>
        <p className="text-muted-foreground">{tp("lostAccess")}</p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      {!recovery ? (
        <p>
          {method === "TOTP"
            ? t("introTotp")
            : method === "SMS"
              ? t("introSms", { destination })
              : t("introEmail", { destination })}
        </p>
      ) : null}
      {needsSend ? (
        <form action={send} className="flex flex-col gap-3">
          {sendState.formError ? (
            <Alert variant="destructive" live>
              <AlertDescription>{sendErrors.tr(sendState.formError)}</AlertDescription>
            </Alert>
          ) : null}
          {sendState.sent ? (
            <Alert variant="success">
              <AlertDescription>{t("sent")}</AlertDescription>
            </Alert>
          ) : null}
          <SubmitButton variant="secondary" pendingLabel={tc("pleaseWait")}>
            {sendState.sent ? t("resend") : t("sendCode")}
          </SubmitButton>
        </form>
      ) : null}
      <form action={verify} noValidate className="flex flex-col gap-6">
        <input type="hidden" name="recovery" value={recovery ? "1" : "0"} />
        {recovery ? (
          <Field
            id="code"
            name="code"
            autoComplete="off"
            spellCheck={false}
            label={t("recoveryLabel")}
            hint={t("recoveryHint")}
            errors={errors.field("code")}
            errorPrefix={tc("errorPrefix")}
            required
          />
        ) : (
          <OtpField
            id="code"
            label={tc("codeLabel")}
            hint={tc("codeHint")}
            errors={errors.field("code")}
            errorPrefix={tc("errorPrefix")}
            required
          />
        )}
        <SubmitButton pendingLabel={tc("pleaseWait")}>{t("verify")}</SubmitButton>
      </form>
      <Button variant="link" className="self-start px-0" onClick={() => setRecovery(!recovery)}>
        {recovery ? t("useFactor") : t("useRecovery")}
      </Button>
      <p className="text-muted-foreground">{method === "PASSKEY" ? tp("lostAccess") : t("lostAccess")}</p>
    </div>
  );
}
