"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/validation/action-state";
import {
  createAppointeeAction,
  deactivateAppointeeAction,
  reactivateAppointeeAction,
  resendAppointeeInviteAction,
} from "../actions";

const TYPES = ["EXAMINER", "MODERATOR"] as const;

/** A new examiner or moderator: their address in the appointee domain, their name and their type. */
export function CreateAppointeeForm({ domain }: { domain: string }) {
  const t = useTranslations("boardAppointees");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(createAppointeeAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  const v = (k: string) => state.values?.[k] ?? "";
  const typeErrors = errors.field("type");
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <ErrorSummary state={state} />
      <Field
        id="email"
        name="email"
        type="email"
        label={tc("emailLabel")}
        hint={t("emailHint", { domain })}
        defaultValue={v("email")}
        autoComplete="off"
        spellCheck={false}
        errors={errors.field("email")}
        {...fe}
        required
      />
      <Field
        id="name"
        name="name"
        label={t("nameLabel")}
        defaultValue={v("name")}
        autoComplete="off"
        errors={errors.field("name")}
        {...fe}
        required
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={typeErrors ? "type-error" : undefined}>
        <legend className="mb-1 font-semibold">{t("typeLegend")}</legend>
        <ErrorList id="type-error" errors={typeErrors} {...fe} />
        {TYPES.map((type, i) => (
          <label key={type} className="flex items-center gap-2">
            <input
              id={i === 0 ? "type" : undefined}
              type="radio"
              name="type"
              value={type}
              defaultChecked={v("type") === type}
              className="size-5"
            />
            <span>
              <span className="font-semibold">{t(`type_${type}`)}</span>: {t(`typeHint_${type}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={tc("pleaseWait")}>{t("createSubmit")}</SubmitButton>
        <Button asChild variant="outline">
          <Link href="/board/appointees">{t("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}

/** One button that posts the appointee's id to an action (re-send, deactivate, reactivate). */
function AccountButton({
  userId,
  action: serverAction,
  label,
  done,
  variant,
}: {
  userId: string;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  done?: string;
  variant?: "default" | "outline" | "destructive";
}) {
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(serverAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <ErrorSummary state={state} />
      {state.ok && done ? (
        <Alert variant="success" live>
          <AlertDescription>{done}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="self-start" variant={variant} pendingLabel={tc("pleaseWait")}>
        {label}
      </SubmitButton>
    </form>
  );
}

export function ResendAppointeeInviteForm({ userId }: { userId: string }) {
  const t = useTranslations("boardAppointees");
  return (
    <AccountButton
      userId={userId}
      action={resendAppointeeInviteAction}
      label={t("resend")}
      done={t("resent")}
      variant="outline"
    />
  );
}

export function DeactivateAppointeeForm({ userId }: { userId: string }) {
  const t = useTranslations("boardAppointees");
  return (
    <AccountButton userId={userId} action={deactivateAppointeeAction} label={t("deactivate")} variant="destructive" />
  );
}

export function ReactivateAppointeeForm({ userId }: { userId: string }) {
  const t = useTranslations("boardAppointees");
  return <AccountButton userId={userId} action={reactivateAppointeeAction} label={t("reactivate")} />;
}
