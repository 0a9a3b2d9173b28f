"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/validation/action-state";
import { createCentreAction, inviteExamsOfficerAction, resendExamsOfficerInviteAction } from "../actions";

export function CreateCentreForm() {
  const t = useTranslations("board");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(createCentreAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  const v = (k: string) => state.values?.[k] ?? "";
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      <Field
        id="number"
        name="number"
        label={t("number")}
        hint={t("numberHint")}
        inputMode="numeric"
        defaultValue={v("number")}
        errors={errors.field("number")}
        {...fe}
        required
        className="max-w-40"
      />
      <Field
        id="nameEn"
        name="nameEn"
        label={t("nameEn")}
        defaultValue={v("nameEn")}
        errors={errors.field("nameEn")}
        {...fe}
        required
        lang="en"
      />
      <Field
        id="nameCy"
        name="nameCy"
        label={t("nameCy")}
        defaultValue={v("nameCy")}
        errors={errors.field("nameCy")}
        {...fe}
        required
        lang="cy"
      />
      <Field
        id="address"
        name="address"
        label={`${t("address")} ${tc("optional")}`}
        hint={t("addressHint")}
        errors={errors.field("address")}
        {...fe}
      >
        <Textarea defaultValue={v("address")} rows={4} />
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("createSubmit")}
      </SubmitButton>
    </form>
  );
}

export function ExamsOfficerForm({ centreId, replace }: { centreId: string; replace: boolean }) {
  const t = useTranslations("board");
  const ti = useTranslations("invite");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(inviteExamsOfficerAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  const v = (k: string) => state.values?.[k] ?? "";
  // Only one of the invite and replace forms is ever on the page, so plain ids are unique.
  const id = (name: string) => name;
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="centreId" value={centreId} />
      {replace ? <input type="hidden" name="replace" value="yes" /> : null}
      <Field
        id={id("email")}
        name="email"
        type="email"
        label={tc("emailLabel")}
        hint={ti("emailHint")}
        defaultValue={v("email")}
        errors={errors.field("email")}
        {...fe}
        required
      />
      <Field
        id={id("title")}
        name="title"
        label={`${ti("titleLabel")} ${tc("optional")}`}
        defaultValue={v("title")}
        errors={errors.field("title")}
        {...fe}
        className="max-w-48"
      />
      <Field
        id={id("name")}
        name="name"
        label={ti("nameLabel")}
        defaultValue={v("name")}
        errors={errors.field("name")}
        {...fe}
        required
      />
      <Field
        id={id("jobRole")}
        name="jobRole"
        label={`${ti("jobRoleLabel")} ${tc("optional")}`}
        defaultValue={v("jobRole")}
        errors={errors.field("jobRole")}
        {...fe}
      />
      <SubmitButton
        className="self-start"
        variant={replace ? "destructive" : "default"}
        pendingLabel={tc("pleaseWait")}
      >
        {replace ? t("replaceConfirm") : t("inviteEo")}
      </SubmitButton>
    </form>
  );
}

export function ResendExamsOfficerForm({ centreId }: { centreId: string }) {
  const t = useTranslations("board");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(resendExamsOfficerInviteAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("resent")}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="centreId" value={centreId} />
      <SubmitButton className="self-start" variant="outline" pendingLabel={tc("pleaseWait")}>
        {t("resendEo")}
      </SubmitButton>
    </form>
  );
}
