"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { OtpField, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendCodeAction, verifyCodeAction, type MfaState } from "../actions";
import type { MfaMethod } from "@/lib/generated/prisma/enums";

export function MfaChallenge({ method, destination }: { method: MfaMethod; destination: string }) {
  const t = useTranslations("mfa");
  const tc = useTranslations("common");
  const [sendState, send] = useActionState<MfaState, FormData>(sendCodeAction, {});
  const [state, verify] = useActionState<MfaState, FormData>(verifyCodeAction, {});
  const [recovery, setRecovery] = useState(false);
  const errors = useActionErrors(state);
  const sendErrors = useActionErrors(sendState);
  const needsSend = method !== "TOTP" && !recovery;

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
      <p className="text-muted-foreground">{t("lostAccess")}</p>
    </div>
  );
}
