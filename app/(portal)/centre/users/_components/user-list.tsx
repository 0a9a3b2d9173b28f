"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { MoreHorizontal } from "lucide-react";
import { ErrorSummary } from "@/components/forms/translated-errors";
import { SubmitButton } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ManageState } from "@/lib/actions/accounts";
import { decideRequestAction } from "../actions";

/** The "⋯" menu of one account: each item opens the part of the account page that does it. */
export function UserRowMenu({ userId, name, invited }: { userId: string; name: string; invited: boolean }) {
  const t = useTranslations("users");
  const href = (anchor: string) => `/centre/users/${userId}${anchor}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("menuLabel", { name })}>
          <MoreHorizontal aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem asChild>
          <Link href={href("#access")}>{t("menuManageAccess")}</Link>
        </DropdownMenuItem>
        {invited ? (
          <DropdownMenuItem asChild>
            <Link href={href("#invite")}>{t("menuResend")}</Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuItem asChild>
          <Link href={href("#mfa")}>{t("menuResetMfa")}</Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href={href("#delete")}>{t("menuDelete")}</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export function RequestDecision({ requestId, who }: { requestId: string; who: string }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ManageState, FormData>(decideRequestAction, {});
  if (state.ok) {
    return (
      <Alert variant="success" live>
        <AlertDescription>
          {t(state.done === "requestApproved" ? "requestApproved" : "requestRefused")}
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={who}>
      <ErrorSummary state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="flex gap-2">
        <SubmitButton name="decision" value="approve" pendingLabel={tc("pleaseWait")}>
          {t("approve")}
        </SubmitButton>
        <SubmitButton name="decision" value="refuse" variant="outline" pendingLabel={tc("pleaseWait")}>
          {t("refuse")}
        </SubmitButton>
      </div>
    </form>
  );
}
