"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { startRegistration } from "@simplewebauthn/browser";
import { LoaderCircle } from "lucide-react";
import { Field } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  passkeyRegistrationOptionsAction,
  registerPasskeyAction,
  type PasskeyRegistrationState,
} from "@/lib/actions/passkeys";
import { PASSKEY_NAME_MAX } from "@/lib/auth/webauthn";
import { usePasskeyBrowser, wasCancelled } from "./passkey-browser";

/**
 * Creating a passkey (docs/decisions/018-passkeys.md): options from the server, the browser's
 * navigator.credentials.create() through @simplewebauthn/browser, then the new credential back to
 * the server. `onRegistered` gets the new recovery codes when this passkey became the second
 * factor, or null when it was added beside others. Without JavaScript the button stays disabled
 * and the page says why.
 */
export function PasskeyRegister({
  onRegistered,
  title,
  intro,
  headingLevel = 2,
}: {
  onRegistered: (recoveryCodes: string[] | null) => void;
  title: string;
  intro: string;
  headingLevel?: 2 | 3;
}) {
  const t = useTranslations("passkeys");
  const tc = useTranslations("common");
  const browser = usePasskeyBrowser();
  const [state, setState] = useState<PasskeyRegistrationState>({});
  const [name, setName] = useState("");
  const [pending, startTransition] = useTransition();
  const errors = useActionErrors(state);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  function create() {
    startTransition(async () => {
      setState({});
      const started = await passkeyRegistrationOptionsAction();
      // A caller who may not do this is sent elsewhere: then there is nothing to read.
      if (!started) return;
      if (!started.options) {
        setState({ formError: started.formError ?? "generic" });
        return;
      }
      let response;
      try {
        response = await startRegistration({ optionsJSON: started.options });
      } catch (error) {
        // The authenticator already holds one of this person's passkeys (excludeCredentials).
        if ((error as { name?: unknown })?.name === "InvalidStateError") setState({ formError: "passkeyRegistered" });
        else setState({ formError: wasCancelled(error) ? "passkeyCancelled" : "passkeyFailed" });
        return;
      }
      const data = new FormData();
      data.set("response", JSON.stringify(response));
      data.set("name", name);
      const result = await registerPasskeyAction(data);
      if (!result) return;
      if (!result.ok) {
        setState(result);
        return;
      }
      setName("");
      onRegistered(result.recoveryCodes ?? null);
    });
  }

  return (
    <section aria-labelledby="passkey-create-title" className="flex flex-col gap-4">
      <Heading
        id="passkey-create-title"
        className={headingLevel === 2 ? "text-2xl font-bold" : "text-xl font-semibold"}
      >
        {title}
      </Heading>
      <p>{intro}</p>
      <noscript>
        <Alert variant="warning">
          <AlertDescription>{t("noScript")}</AlertDescription>
        </Alert>
      </noscript>
      {browser === "unsupported" ? (
        <Alert variant="warning">
          <AlertDescription>{t("unsupported")}</AlertDescription>
        </Alert>
      ) : null}
      {state.formError === "passkeyCancelled" ? (
        <Alert variant="destructive" live>
          <AlertDescription>{t("cancelled")}</AlertDescription>
        </Alert>
      ) : (
        <ErrorSummary state={state} />
      )}
      <Field
        id="name"
        name="name"
        autoComplete="off"
        maxLength={PASSKEY_NAME_MAX}
        label={`${t("nameLabel")} ${tc("optional")}`}
        hint={t("nameHint")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={errors.field("name")}
        errorPrefix={tc("errorPrefix")}
        inputClassName="max-w-md"
      />
      <Button
        type="button"
        className="self-start"
        onClick={create}
        disabled={browser !== "ready" || pending}
        aria-busy={pending || undefined}
      >
        {pending ? (
          <>
            <LoaderCircle aria-hidden="true" className="motion-safe:animate-spin" />
            {t("waiting")}
          </>
        ) : (
          t("create")
        )}
      </Button>
      <span role="status" className="sr-only">
        {pending ? t("waiting") : ""}
      </span>
    </section>
  );
}
