"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/field";
import { useActionErrors } from "@/components/forms/translated-errors";
import { PasskeyRegister } from "@/components/mfa/passkey-register";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionState } from "@/lib/validation/action-state";
import { removePasskeyAction } from "../actions";

/** Adds a passkey beside the person's others (the page refreshes with the new list). */
export function AddPasskey() {
  const t = useTranslations("passkeys");
  const [added, setAdded] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      {added ? (
        <Alert variant="success" live>
          <AlertDescription>{t("added")}</AlertDescription>
        </Alert>
      ) : null}
      <PasskeyRegister
        title={t("addAnother")}
        intro={t("addAnotherIntro")}
        headingLevel={3}
        onRegistered={() => setAdded(true)}
      />
    </div>
  );
}

/** Removes one passkey (a plain form: works without JavaScript too). */
export function RemovePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations("passkeys");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(removePasskeyAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action} className="flex flex-col gap-2">
      {state.formError ? (
        <p role="alert" className="font-semibold text-destructive">
          {errors.tr(state.formError)}
        </p>
      ) : null}
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <SubmitButton variant="outline" size="sm" pendingLabel={tc("pleaseWait")} aria-label={t("removeLabel", { name })}>
        {t("remove")}
      </SubmitButton>
    </form>
  );
}
