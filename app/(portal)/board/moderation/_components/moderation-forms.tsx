"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import type { ActionState } from "@/lib/validation/action-state";
import { releaseReportsAction, unlockSheetAction } from "../actions";

/** "Release moderator reports (N)" for one component in one series. */
export function ReleaseForm({
  seriesId,
  componentId,
  code,
  count,
}: {
  seriesId: string;
  componentId: string;
  code: string;
  count: number;
}) {
  const t = useTranslations("boardModeration");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(releaseReportsAction, {});
  const { tr } = useActionErrors(state);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="seriesId" value={seriesId} />
      <input type="hidden" name="componentId" value={componentId} />
      <ErrorList
        id={`release-${componentId}-error`}
        errors={state.formError ? [tr(state.formError)] : undefined}
        errorPrefix={tc("errorPrefix")}
      />
      <SubmitButton aria-label={t("releaseLabel", { code, count })} pendingLabel={tc("pleaseWait")}>
        {t("release", { count })}
      </SubmitButton>
    </form>
  );
}

/** Unlock a submitted sheet, with the reason the audit log records. */
export function UnlockForm({ sheetId }: { sheetId: string }) {
  const t = useTranslations("boardModeration");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(unlockSheetAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <ErrorSummary state={state} />
      <input type="hidden" name="sheetId" value={sheetId} />
      <Field
        id="reason"
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        required
        maxLength={500}
        autoComplete="off"
        defaultValue={state.values?.reason ?? ""}
        errors={errors.field("reason")}
        errorPrefix={tc("errorPrefix")}
        className="max-w-xl"
      />
      <SubmitButton variant="destructive" className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("unlockSubmit")}
      </SubmitButton>
    </form>
  );
}
