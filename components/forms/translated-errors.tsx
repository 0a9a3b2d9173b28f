"use client";

import { useTranslations } from "next-intl";
import { FormErrorSummary } from "./error-summary";
import type { ActionState } from "@/lib/validation/action-state";

/** Translates an action's error keys for Field and the error summary. */
export function useActionErrors(state: ActionState<object> | undefined) {
  const t = useTranslations("errors");
  const tr = (key: string) => (t.has(key as never) ? t(key as never) : t("generic"));
  const field = (name: string) => state?.fieldErrors?.[name]?.map(tr);
  const summary = [
    ...(state?.formError ? [{ message: tr(state.formError) }] : []),
    ...Object.entries(state?.fieldErrors ?? {}).flatMap(([name, keys]) =>
      keys.map((k) => ({ message: tr(k), fieldId: name })),
    ),
  ];
  return { field, summary, tr };
}

export function ErrorSummary({ state }: { state: ActionState<object> | undefined }) {
  const tc = useTranslations("common");
  const { summary } = useActionErrors(state);
  if (summary.length === 0) return null;
  return <FormErrorSummary title={tc("errorSummaryTitle")} errors={summary} />;
}
