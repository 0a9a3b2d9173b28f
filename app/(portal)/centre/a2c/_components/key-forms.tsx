"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ActionState } from "@/lib/validation/action-state";
import { generateKeyAction, revokeKeyAction, type GenerateState } from "../actions";

export function GenerateKeyForm() {
  const t = useTranslations("a2c");
  const tc = useTranslations("common");
  const [state, action] = useActionState<GenerateState, FormData>(generateKeyAction, {});
  const errors = useActionErrors(state);
  return (
    <div className="flex flex-col gap-4">
      {state.ok && state.key ? (
        <Alert variant="success" live>
          <AlertTitle as="h3">{t("createdTitle", { name: state.name ?? "" })}</AlertTitle>
          <AlertDescription>
            <p>{t("createdOnce")}</p>
            <label htmlFor="new-key" className="mt-2 block font-semibold">
              {t("keyLabel")}
            </label>
            <input
              id="new-key"
              readOnly
              value={state.key}
              className="mt-1 w-full rounded-md border border-input bg-background p-2 font-mono"
              onFocus={(e) => e.currentTarget.select()}
            />
          </AlertDescription>
        </Alert>
      ) : null}
      <form action={action} noValidate className="flex max-w-xl flex-col gap-4">
        <ErrorSummary state={state} />
        <Field
          id="name"
          name="name"
          label={t("nameLabel")}
          hint={t("nameHint")}
          defaultValue={state.ok ? "" : (state.values?.name ?? "")}
          autoComplete="off"
          errors={errors.field("name")}
          errorPrefix={tc("errorPrefix")}
          required
        />
        <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
          {t("generate")}
        </SubmitButton>
      </form>
    </div>
  );
}

export function RevokeKeyButton({ keyId, label }: { keyId: string; label: string }) {
  const t = useTranslations("a2c");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(revokeKeyAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action}>
      <input type="hidden" name="keyId" value={keyId} />
      {errors.summary.length ? (
        <p role="alert" className="font-semibold text-destructive">
          {errors.summary.map((e) => e.message).join(" ")}
        </p>
      ) : null}
      <SubmitButton variant="destructive" size="sm" pendingLabel={tc("pleaseWait")} aria-label={label}>
        {t("revoke")}
      </SubmitButton>
    </form>
  );
}
