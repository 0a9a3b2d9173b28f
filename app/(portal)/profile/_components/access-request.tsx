"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/field";
import { ErrorSummary } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { Permission } from "@/lib/auth/catalogue";
import type { ActionState } from "@/lib/validation/action-state";
import { requestAccessAction } from "../actions";

export function AccessRequestForm({ requestable }: { requestable: Permission[] }) {
  const t = useTranslations("accessRequest");
  const tc = useTranslations("common");
  const tp = useTranslations("permissions");
  const [state, action] = useActionState<ActionState, FormData>(requestAccessAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("sent")}</AlertDescription>
        </Alert>
      ) : null}
      {requestable.length === 0 ? <p>{t("none")}</p> : null}
      <div className="flex flex-wrap gap-2">
        {requestable.map((p) => (
          <SubmitButton key={p} name="permission" value={p} variant="outline" pendingLabel={tc("pleaseWait")}>
            {t("ask", { permission: tp(p) })}
          </SubmitButton>
        ))}
      </div>
    </form>
  );
}
