"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import type { Permission } from "@/lib/auth/catalogue";
import {
  deleteUserAction,
  resendInviteAction,
  resetMfaAction,
  setPermissionsAction,
  setRoleAction,
  withdrawInviteAction,
  type ManageState,
} from "@/lib/actions/accounts";

function Done({ state, message }: { state: ManageState; message: string }) {
  if (!state.ok) return null;
  return (
    <Alert variant="success" live>
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}

export function PermissionsForm({
  userId,
  options,
}: {
  userId: string;
  options: { permission: Permission; held: boolean; canChange: boolean }[];
}) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const tp = useTranslations("permissions");
  const [state, action] = useActionState<ManageState, FormData>(setPermissionsAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <Done state={state} message={t("permissionsSaved")} />
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{t("permissionsLegend")}</legend>
        {options.map((o) => (
          <div key={o.permission} className="flex flex-col">
            <label className="flex items-center gap-2">
              <Checkbox
                name="permissions"
                value={o.permission}
                defaultChecked={o.held}
                disabled={!o.canChange}
                aria-describedby={o.canChange ? undefined : `hint-${o.permission}`}
              />
              {tp(o.permission)}
            </label>
            {/* A disabled box is not posted: keep what the actor may not change as it is. */}
            {!o.canChange && o.held ? <input type="hidden" name="permissions" value={o.permission} /> : null}
            {o.canChange ? null : (
              <span id={`hint-${o.permission}`} className="pl-7 text-sm text-muted-foreground">
                {t("cannotChangeHint")}
              </span>
            )}
          </div>
        ))}
      </fieldset>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("savePermissions")}
      </SubmitButton>
    </form>
  );
}

export function RoleForm({
  userId,
  role,
  canMakeAdmin,
  placesLeft,
}: {
  userId: string;
  role: "ADMIN" | "USER";
  canMakeAdmin: boolean;
  placesLeft: number;
}) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ManageState, FormData>(setRoleAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <Done state={state} message={t(state.done === "madeAdmin" ? "madeAdmin" : "madeUser")} />
      <input type="hidden" name="userId" value={userId} />
      {role === "USER" ? (
        <>
          <p>{t("makeAdminHint", { count: placesLeft })}</p>
          <input type="hidden" name="role" value="ADMIN" />
          <SubmitButton
            className="self-start"
            variant="outline"
            disabled={!canMakeAdmin}
            pendingLabel={tc("pleaseWait")}
          >
            {t("makeAdmin")}
          </SubmitButton>
        </>
      ) : (
        <>
          <input type="hidden" name="role" value="USER" />
          <SubmitButton className="self-start" variant="outline" pendingLabel={tc("pleaseWait")}>
            {t("makeUser")}
          </SubmitButton>
        </>
      )}
    </form>
  );
}

export function InviteForms({ userId }: { userId: string }) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const [resent, resend] = useActionState<ManageState, FormData>(resendInviteAction, {});
  const [withdrawn, withdraw] = useActionState<ManageState, FormData>(withdrawInviteAction, {});
  return (
    <div className="flex flex-col gap-4">
      <form action={resend} className="flex flex-col gap-2">
        <ErrorSummary state={resent} />
        <Done state={resent} message={t("inviteResent")} />
        <p>{t("inviteResendHint")}</p>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
          {t("resend")}
        </SubmitButton>
      </form>
      <form action={withdraw} className="flex flex-col gap-2">
        <ErrorSummary state={withdrawn} />
        <p>{t("withdrawHint")}</p>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton className="self-start" variant="outline" pendingLabel={tc("pleaseWait")}>
          {t("withdraw")}
        </SubmitButton>
      </form>
    </div>
  );
}

export function ResetMfaForm({ userId }: { userId: string }) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ManageState, FormData>(resetMfaAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <ErrorSummary state={state} />
      <Done state={state} message={t("mfaReset")} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="self-start" variant="outline" pendingLabel={tc("pleaseWait")}>
        {t("resetMfa")}
      </SubmitButton>
    </form>
  );
}

export function DeleteForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ManageState, FormData>(deleteUserAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-col gap-1">
        <ErrorList id="confirm-error" errors={errors.field("confirm")} errorPrefix={tc("errorPrefix")} />
        <label className="flex items-center gap-2">
          <Checkbox
            id="confirm"
            name="confirm"
            value="yes"
            aria-describedby={errors.field("confirm") ? "confirm-error" : undefined}
          />
          {t("deleteConfirm", { name })}
        </label>
      </div>
      <SubmitButton className="self-start" variant="destructive" pendingLabel={tc("pleaseWait")}>
        {t("delete")}
      </SubmitButton>
    </form>
  );
}
