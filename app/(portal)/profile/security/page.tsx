import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { now } from "@/lib/clock";
import { requireUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { activeFactor } from "@/lib/data/identity/mfa";
import { enabledMethods, maySetUp } from "@/lib/data/identity/mfa-setup";
import { listSessions } from "@/lib/data/identity/sessions";
import { MfaSetupFlow } from "@/components/mfa/setup-flow";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { revokeSessionAction } from "./actions";
import { RegenerateForm, ReverifyForm } from "./_components/security-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage() {
  const session = await requireUser();
  const t = await getTranslations("security");
  const tm = await getTranslations("methods");
  const format = await getFormatter();
  const at = now();
  const [factor, sessions, unused] = await Promise.all([
    activeFactor(session.userId),
    listSessions(session.userId, at),
    getPrisma().recoveryCode.count({ where: { userId: session.userId, usedAt: null } }),
  ]);
  const fresh = maySetUp(session, at);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="mfa-title" className="flex flex-col gap-4">
        <h2 id="mfa-title" className="text-2xl font-bold">
          {t("mfaTitle")}
        </h2>
        {factor ? <p>{t("mfaCurrent", { method: tm(factor.method) })}</p> : null}
        {fresh ? (
          <>
            <h3 className="text-xl font-semibold">{t("changeMfa")}</h3>
            <MfaSetupFlow methods={enabledMethods()} email={session.user.email} onboarding={false} />
          </>
        ) : (
          <>
            <h3 className="text-xl font-semibold">{t("freshTitle")}</h3>
            <p>{t("freshIntro")}</p>
            <ReverifyForm needsSend={factor?.method !== "TOTP"} />
          </>
        )}
      </section>
      <section aria-labelledby="recovery-title" className="flex flex-col gap-4">
        <h2 id="recovery-title" className="text-2xl font-bold">
          {t("recoveryTitle")}
        </h2>
        <p>{t("recoveryCount", { count: unused })}</p>
        {fresh ? <RegenerateForm /> : null}
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
            {sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{when(s.createdAt)}</TableCell>
                <TableCell>{when(s.lastSeenAt)}</TableCell>
                <TableCell className="max-w-64 truncate">{s.userAgent}</TableCell>
                <TableCell>{s.ip}</TableCell>
                <TableCell>
                  {s.id === session.id ? (
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
