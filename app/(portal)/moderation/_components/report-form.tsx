"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Textarea } from "@/components/ui/textarea";
import { COMMENTS_MAX, REPORT_SECTIONS, SECTION_MAX } from "@/lib/marks/moderation-report";
import { reportAction, type ReportState } from "../actions";

/**
 * The moderator's report: a text for each section and free comments, saved as a draft or
 * submitted with a confirmation of the adjustment shown above it. Native form post.
 */
export function ReportForm({
  allocationId,
  sheetId,
  initial,
  adjustment,
  adjustmentText,
  remaining,
}: {
  allocationId: string;
  sheetId: string;
  /** The draft's texts by field name (section_<key>, comments). */
  initial: Record<string, string>;
  /** The adjustment the moderator confirms (sent back, so a change since is caught). */
  adjustment: number;
  /** The adjustment as shown ("+2"). */
  adjustmentText: string;
  /** Sampled candidates still to mark. */
  remaining: number;
}) {
  const t = useTranslations("moderation");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ReportState, FormData>(reportAction, {});
  const errors = useActionErrors(state);
  const v = (name: string) => state.values?.[name] ?? initial[name] ?? "";
  const fe = { errorPrefix: tc("errorPrefix") };
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      {state.saved ? (
        <Alert variant="success" live>
          <AlertDescription>{t("draftSaved")}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="allocationId" value={allocationId} />
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="expectedAdjustment" value={String(adjustment)} />
      {REPORT_SECTIONS.map((key) => {
        const name = `section_${key}`;
        return (
          <Field key={key} id={name} name={name} label={t(`section_${key}`)} errors={errors.field(name)} {...fe}>
            <Textarea defaultValue={v(name)} maxLength={SECTION_MAX} rows={5} className="max-w-3xl" />
          </Field>
        );
      })}
      <Field id="comments" name="comments" label={t("comments")} errors={errors.field("comments")} {...fe}>
        <Textarea defaultValue={v("comments")} maxLength={COMMENTS_MAX} rows={5} className="max-w-3xl" />
      </Field>
      <SubmitButton
        name="intent"
        value="draft"
        variant="secondary"
        className="self-start"
        pendingLabel={tc("pleaseWait")}
      >
        {t("saveDraft")}
      </SubmitButton>
      <section aria-labelledby="submit-title" className="flex flex-col gap-4 border-t pt-6">
        <h3 id="submit-title" className="text-xl font-bold">
          {t("submitTitle")}
        </h3>
        <p className="max-w-prose">{t("submitIntro")}</p>
        {remaining > 0 ? (
          <Alert variant="warning">
            <AlertDescription>{t("remaining", { count: remaining })}</AlertDescription>
          </Alert>
        ) : null}
        <Field
          id="confirm"
          name="confirm"
          inline
          label={adjustment === 0 ? t("confirmNone") : t("confirmAdjustment", { adjustment: adjustmentText })}
          errors={errors.field("confirm")}
          {...fe}
        >
          <Checkbox value="yes" />
        </Field>
        <SubmitButton name="intent" value="submit" className="self-start" pendingLabel={tc("pleaseWait")}>
          {t("submit")}
        </SubmitButton>
      </section>
    </form>
  );
}
