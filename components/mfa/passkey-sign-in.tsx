"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startAuthentication } from "@simplewebauthn/browser";
import { LoaderCircle } from "lucide-react";
import { useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { passkeyChallengeAction } from "@/lib/actions/passkeys";
import type { ActionState } from "@/lib/validation/action-state";
import { usePasskeyBrowser, wasCancelled } from "./passkey-browser";

/**
 * Using a passkey (docs/decisions/018-passkeys.md): a challenge from the server, the browser's
 * navigator.credentials.get() through @simplewebauthn/browser, then its answer to `submit` — the
 * sign-in step's action (which redirects onwards) or Security settings' re-verification (after
 * which the page is refreshed). Without JavaScript the button stays disabled and `noScript` says
 * what to do instead.
 */
export function PasskeySignIn({
  submit,
  noScript,
  cancelled,
}: {
  submit: (data: FormData) => Promise<ActionState>;
  noScript: React.ReactNode;
  cancelled: string;
}) {
  const t = useTranslations("passkeys");
  const router = useRouter();
  const browser = usePasskeyBrowser();
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const errors = useActionErrors(state);

  function use() {
    startTransition(async () => {
      setState({});
      const started = await passkeyChallengeAction();
      // A caller who may not do this is sent elsewhere: then there is nothing to read.
      if (!started) return;
      if (!started.options) {
        setState({ formError: started.formError ?? "generic" });
        return;
      }
      let response;
      try {
        response = await startAuthentication({ optionsJSON: started.options });
      } catch (error) {
        setState({ formError: wasCancelled(error) ? "passkeyCancelled" : "passkeyFailed" });
        return;
      }
      const data = new FormData();
      data.set("response", JSON.stringify(response));
      // Signing in answers with a redirect onwards, so there may be nothing to read.
      const result = await submit(data);
      if (result && !result.ok) {
        setState(result);
        return;
      }
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <noscript>
        <Alert variant="warning">
          <AlertDescription>{noScript}</AlertDescription>
        </Alert>
      </noscript>
      {browser === "unsupported" ? (
        <Alert variant="warning">
          <AlertDescription>{t("unsupported")}</AlertDescription>
        </Alert>
      ) : null}
      {state.formError ? (
        <Alert variant="destructive" live>
          <AlertDescription>
            {state.formError === "passkeyCancelled" ? cancelled : errors.tr(state.formError)}
          </AlertDescription>
        </Alert>
      ) : null}
      <Button
        type="button"
        className="self-start"
        onClick={use}
        disabled={browser !== "ready" || pending}
        aria-busy={pending || undefined}
      >
        {pending ? (
          <>
            <LoaderCircle aria-hidden="true" className="motion-safe:animate-spin" />
            {t("waiting")}
          </>
        ) : (
          t("signIn")
        )}
      </Button>
      <span role="status" className="sr-only">
        {pending ? t("waiting") : ""}
      </span>
    </div>
  );
}
