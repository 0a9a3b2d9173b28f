"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/field";
import { ErrorSummary } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionState } from "@/lib/validation/action-state";
import { setScriptConsentAction } from "../actions";

/** One button that records the consent when it is not recorded, and withdraws it when it is. */
export function ScriptConsentForm({ candidateId, consent }: { candidateId: string; consent: boolean }) {
  const t = useTranslations("scriptConsent");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(setScriptConsentAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("saved")}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="candidateId" value={candidateId} />
      <input type="hidden" name="consent" value={consent ? "no" : "yes"} />
      <SubmitButton className="self-start" variant={consent ? "outline" : "default"} pendingLabel={tc("pleaseWait")}>
        {consent ? t("withdraw") : t("record")}
      </SubmitButton>
    </form>
  );
}
