"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Checkbox } from "@/components/ui/checkbox";
import { submitSheetAction, type SubmitState } from "../actions";

/** Submitting a sheet: the confirmation that the candidates have been told their marks, then submit. */
export function SubmitForm({ sheetId }: { sheetId: string }) {
  const t = useTranslations("iamis.submit");
  const tc = useTranslations("common");
  const [state, action] = useActionState<SubmitState, FormData>(submitSheetAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action} noValidate className="flex max-w-prose flex-col gap-4">
      <ErrorSummary state={state} />
      {state.missing ? (
        <p role="alert" className="font-semibold text-destructive">
          {t("missing", { count: state.missing })}
        </p>
      ) : null}
      <input type="hidden" name="sheetId" value={sheetId} />
      <Field
        id="told"
        name="told"
        label={t("told")}
        errors={errors.field("told")}
        errorPrefix={tc("errorPrefix")}
        required
        inline
      >
        <Checkbox value="yes" />
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("button")}
      </SubmitButton>
    </form>
  );
}
