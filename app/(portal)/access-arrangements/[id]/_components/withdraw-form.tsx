"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/field";
import { ErrorSummary } from "@/components/forms/translated-errors";
import type { ActionState } from "@/lib/validation/action-state";
import { withdrawAction } from "../actions";

/** Withdraws a delegated arrangement, or an application the board has not decided yet. */
export function WithdrawForm({ arrangementId }: { arrangementId: string }) {
  const t = useTranslations("accessArrangements");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(withdrawAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <p id="withdraw-hint">{t("forms.withdrawHint")}</p>
      <input type="hidden" name="arrangementId" value={arrangementId} />
      <SubmitButton
        variant="outline"
        className="self-start"
        pendingLabel={tc("pleaseWait")}
        aria-describedby="withdraw-hint"
      >
        {t("forms.withdraw")}
      </SubmitButton>
    </form>
  );
}
