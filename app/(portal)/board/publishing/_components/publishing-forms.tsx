"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/field";
import { ErrorSummary } from "@/components/forms/translated-errors";
import type { ActionState } from "@/lib/validation/action-state";
import { loadResultsAction } from "../actions";

/** "Load N results": asks for a checked import to be loaded. */
export function LoadResultsForm({ importJobId, count }: { importJobId: string; count: number }) {
  const t = useTranslations("publishing");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(loadResultsAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <input type="hidden" name="importJobId" value={importJobId} />
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("loadButton", { count })}
      </SubmitButton>
    </form>
  );
}

/** While an import is being checked or loaded, fetches the page again every 2 seconds. */
export function AutoRefresh({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
