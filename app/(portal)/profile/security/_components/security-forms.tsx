"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { OtpField, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionState } from "@/lib/validation/action-state";
import { regenerateAction, reverifyAction, sendReverifyCodeAction } from "../actions";

export function ReverifyForm({ needsSend }: { needsSend: boolean }) {
  const t = useTranslations("mfa");
  const tc = useTranslations("common");
  const [sendState, send] = useActionState<ActionState, FormData>(sendReverifyCodeAction, {});
  const [state, action] = useActionState<ActionState, FormData>(reverifyAction, {});
  const errors = useActionErrors(state);
  const sendErrors = useActionErrors(sendState);
  return (
    <div className="flex flex-col gap-4">
      {needsSend ? (
        <form action={send}>
          {sendState.formError ? (
            <Alert variant="destructive" live>
              <AlertDescription>{sendErrors.tr(sendState.formError)}</AlertDescription>
            </Alert>
          ) : null}
          {sendState.ok ? <p role="status">{t("sent")}</p> : null}
          <SubmitButton variant="secondary" pendingLabel={tc("pleaseWait")}>
            {t("sendCode")}
          </SubmitButton>
        </form>
      ) : null}
      <form action={action} noValidate className="flex flex-col gap-4">
        <ErrorSummary state={state} />
        <OtpField
          id="code"
          label={tc("codeLabel")}
          hint={tc("codeHint")}
          errors={errors.field("code")}
          errorPrefix={tc("errorPrefix")}
          required
        />
        <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
          {tc("continue")}
        </SubmitButton>
      </form>
    </div>
  );
}

export function RegenerateForm() {
  const t = useTranslations("security");
  const ts = useTranslations("mfaSetup");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState<{ codes: string[] }>, FormData>(regenerateAction, {});
  const errors = useActionErrors(state);
  if (state.codes) {
    return (
      <div className="flex flex-col gap-2">
        <p>{ts("recoveryIntro")}</p>
        <ul
          aria-label={ts("recoveryListLabel")}
          className="grid grid-cols-2 gap-2 font-mono text-lg"
          data-testid="recovery-codes"
        >
          {state.codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <form action={action}>
      {state.formError ? <p className="text-destructive">{errors.tr(state.formError)}</p> : null}
      <SubmitButton variant="secondary" pendingLabel={tc("pleaseWait")}>
        {t("regenerate")}
      </SubmitButton>
    </form>
  );
}
