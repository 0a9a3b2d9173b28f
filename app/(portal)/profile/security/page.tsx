import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { securitySettings } from "@/lib/data/identity/security";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { MfaSetupFlow } from "@/components/mfa/setup-flow";
import { PasskeySignIn } from "@/components/mfa/passkey-sign-in";
import { PageHeader } from "@/components/page/page-header";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { passkeyReverifyAction, revokeSessionAction } from "./actions";
import { RegenerateForm, ReverifyForm } from "./_components/security-forms";
import { AddPasskey, RemovePasskeyForm } from "./_components/passkey-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage() {
  await requireUser();
  const t = await getTranslations("security");
  const tm = await getTranslations("methods");
  const tp = await getTranslations("passkeys");
  const locale = await getLocale();
  const settings = await must(securitySettings());
  const when = (d: Date) => formatDate(d, "stamp", locale);

  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <PageHeader title={t("title")} />
      <section aria-labelledby="mfa-title" className="flex flex-col gap-4">
        <h2 id="mfa-title" className="text-2xl font-bold">
          {t("mfaTitle")}
        </h2>
        {settings.factor ? <p>{t("mfaCurrent", { method: tm(settings.factor) })}</p> : null}
        {settings.passkeys.length > 0 ? (
          <>
            <h3 className="text-xl font-semibold">{tp("listTitle")}</h3>
            <Table labelledBy="passkeys-caption">
              <TableCaption id="passkeys-caption" className="sr-only">
                {tp("listCaption")}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{tp("name")}</TableHead>
                  <TableHead>{tp("addedOn")}</TableHead>
                  <TableHead>{tp("lastUsed")}</TableHead>
                  {settings.canRemovePasskey ? (
                    <TableHead>
                      <span className="sr-only">{tp("remove")}</span>
                    </TableHead>
                  ) : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {settings.passkeys.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.name || tp("unnamed")}</TableCell>
                    <TableCell>{when(p.createdAt)}</TableCell>
                    <TableCell>{p.lastUsedAt ? when(p.lastUsedAt) : tp("neverUsed")}</TableCell>
                    {settings.canRemovePasskey ? (
                      <TableCell>
                        <RemovePasskeyForm passkeyId={p.id} name={p.name || tp("unnamed")} />
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {settings.canChangeMfa && settings.passkeys.length === 1 ? (
              <p>{settings.passkeyRequired ? tp("lastOneRequired") : tp("lastOneNote")}</p>
            ) : null}
          </>
        ) : null}
        {settings.canChangeMfa ? (
          <>
            {settings.factor === "PASSKEY" ? <AddPasskey /> : null}
            {settings.methods.length > 0 ? (
              <>
                <h3 className="text-xl font-semibold">{t("changeMfa")}</h3>
                <MfaSetupFlow
                  methods={settings.methods}
                  email={settings.email}
                  onboarding={false}
                  passkeyRequired={settings.passkeyRequired}
                />
              </>
            ) : null}
          </>
        ) : settings.factor === "PASSKEY" ? (
          <>
            <h3 className="text-xl font-semibold">{t("freshTitle")}</h3>
            <p>{tp("reverifyIntro")}</p>
            <PasskeySignIn
              submit={passkeyReverifyAction}
              noScript={tp("reverifyNoScript")}
              cancelled={tp("reverifyCancelled")}
            />
          </>
        ) : (
          <>
            <h3 className="text-xl font-semibold">{t("freshTitle")}</h3>
            <p>{t("freshIntro")}</p>
            <ReverifyForm needsSend={settings.needsSend} />
          </>
        )}
      </section>
      <section aria-labelledby="recovery-title" className="flex flex-col gap-4">
        <h2 id="recovery-title" className="text-2xl font-bold">
          {t("recoveryTitle")}
        </h2>
        <p>{t("recoveryCount", { count: settings.unusedRecoveryCodes })}</p>
        {settings.canChangeMfa ? <RegenerateForm /> : null}
      </section>
      <section aria-labelledby="sessions-title" className="flex flex-col gap-4">
        <h2 id="sessions-title" className="text-2xl font-bold">
          {t("sessionsTitle")}
        </h2>
        <Table labelledBy="sessions-caption">
          <TableCaption id="sessions-caption" className="sr-only">
            {t("sessionsCaption")}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("started")}</TableHead>
              <TableHead>{t("lastSeen")}</TableHead>
              <TableHead>{t("device")}</TableHead>
              <TableHead>{t("ipAddress")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("revoke")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {settings.sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{when(s.createdAt)}</TableCell>
                <TableCell>{when(s.lastSeenAt)}</TableCell>
                <TableCell className="max-w-64 truncate">{s.userAgent}</TableCell>
                <TableCell>{s.ip && s.ip !== "unknown" && s.ip !== "local" ? s.ip : t("addressUnknown")}</TableCell>
                <TableCell>
                  {s.current ? (
                    <strong>{t("thisSession")}</strong>
                  ) : (
                    <form action={revokeSessionAction}>
                      <input type="hidden" name="sessionId" value={s.id} />
                      <Button
                        type="submit"
                        variant="outline"
                        size="sm"
                        aria-label={t("revokeLabel", { at: when(s.createdAt) })}
                      >
                        {t("revoke")}
                      </Button>
                    </form>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
