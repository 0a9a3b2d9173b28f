"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { Permission } from "@/lib/auth/catalogue";
import type { ManageState } from "@/lib/actions/accounts";
import { inviteUserAction } from "../actions";

type Option = { permission: Permission; byDefault: boolean };

export function InviteForm({
  adminAvailable,
  permissions,
}: {
  adminAvailable: boolean;
  permissions: Record<"ADMIN" | "USER", Option[]>;
}) {
  const t = useTranslations("invite");
  const tc = useTranslations("common");
  const tp = useTranslations("permissions");
  const [state, action] = useActionState<ManageState, FormData>(inviteUserAction, {});
  const errors = useActionErrors(state);
  const [role, setRole] = useState<"ADMIN" | "USER">((state.values?.role as "ADMIN" | "USER") || "USER");
  const fe = { errorPrefix: tc("errorPrefix") };
  const v = (k: string) => state.values?.[k] ?? "";
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <ErrorSummary state={state} />
      <Field
        id="email"
        name="email"
        type="email"
        label={tc("emailLabel")}
        hint={t("emailHint")}
        defaultValue={v("email")}
        autoComplete="off"
        errors={errors.field("email")}
        {...fe}
        required
      />
      <Field
        id="title"
        name="title"
        label={`${t("titleLabel")} ${tc("optional")}`}
        defaultValue={v("title")}
        errors={errors.field("title")}
        {...fe}
        className="max-w-48"
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
      <Field
        id="jobRole"
        name="jobRole"
        label={`${t("jobRoleLabel")} ${tc("optional")}`}
        defaultValue={v("jobRole")}
        errors={errors.field("jobRole")}
        {...fe}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.field("role") ? "role-error" : undefined}>
        <legend className="mb-1 font-semibold">{t("roleLegend")}</legend>
        <ErrorList id="role-error" errors={errors.field("role")} {...fe} />
        <label className="flex items-center gap-2">
          <input
            id="role"
            type="radio"
            name="role"
            value="USER"
            checked={role === "USER"}
            onChange={() => setRole("USER")}
            className="size-5"
          />
          {t("roleUser")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="role"
            value="ADMIN"
            checked={role === "ADMIN"}
            onChange={() => setRole("ADMIN")}
            disabled={!adminAvailable}
            className="size-5"
          />
          {t("roleAdmin")}
        </label>
        {adminAvailable ? null : <p className="text-muted-foreground">{t("adminFull")}</p>}
      </fieldset>
      <fieldset className="flex flex-col gap-2" key={role}>
        <legend className="mb-1 font-semibold">{t("permissionsLegend")}</legend>
        <p className="text-muted-foreground">{t("permissionsHint")}</p>
        {permissions[role].map((o) => (
          <label key={o.permission} className="flex items-center gap-2">
            <Checkbox name="permissions" value={o.permission} defaultChecked={o.byDefault} />
            {tp(o.permission)}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-3">
        <SubmitButton pendingLabel={tc("pleaseWait")}>{t("send")}</SubmitButton>
        <Button asChild variant="outline">
          <Link href="/centre/users">{t("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}
