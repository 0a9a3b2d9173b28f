import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { getAppointee } from "@/lib/data/board/appointees";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  DeactivateAppointeeForm,
  ReactivateAppointeeForm,
  ResendAppointeeInviteForm,
} from "../_components/appointee-forms";
import { RemoveAllocationForm, RemoveItemForm, TeamLeaderForm } from "../_components/allocation-forms";
import { STATUS_BADGE } from "../_components/status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardAppointees"))("title") };
}

const DONE = ["created", "deactivated", "reactivated", "allocated", "removed", "teamLeader"] as const;

export default async function AppointeePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  await requireRole("BOARD_STAFF");
  const a = await must(getAppointee((await params).id));
  const asked = (await searchParams).done;
  const done = DONE.find((d) => d === asked);
  const t = await getTranslations("boardAppointees");
  const te = await getTranslations("emi.board");
  const locale = await getLocale();
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <p>
        <Link href="/board/appointees" className="underline">
          {t("back")}
        </Link>
      </p>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{a.name || a.email}</h1>
        <p className="flex flex-wrap items-center gap-2">
          {a.type ? t(`type_${a.type}`) : null}
          <Badge variant={STATUS_BADGE[a.status]}>{t(`status_${a.status}`)}</Badge>
        </p>
      </div>
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>{t(`done_${done}`)}</AlertDescription>
        </Alert>
      ) : null}

      <section aria-labelledby="details-title" className="flex flex-col gap-4">
        <h2 id="details-title" className="text-2xl font-bold">
          {t("detailsTitle")}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{t("email")}</dt>
          <dd>{a.email}</dd>
          <dt className="font-semibold">{t("lastSignIn")}</dt>
          <dd>{a.lastSignInAt ? formatDate(a.lastSignInAt, "stamp", locale) : t("never")}</dd>
          {a.inviteExpiresAt ? (
            <>
              <dt className="font-semibold">{t("inviteExpires")}</dt>
              <dd>{formatDate(a.inviteExpiresAt, "date", locale)}</dd>
            </>
          ) : null}
          {a.deactivatedAt ? (
            <>
              <dt className="font-semibold">{t("deactivatedSince")}</dt>
              <dd>{formatDate(a.deactivatedAt, "stamp", locale)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="account-title" className="flex flex-col gap-4">
        <h2 id="account-title" className="text-2xl font-bold">
          {t("accountTitle")}
        </h2>
        {a.can.resendInvite ? (
          <div className="flex flex-col gap-2">
            <p className="max-w-prose">{t("resendHint")}</p>
            <ResendAppointeeInviteForm userId={a.id} />
          </div>
        ) : null}
        {a.can.deactivate ? (
          <div className="flex flex-col gap-2">
            <p className="max-w-prose">{t("deactivateHint")}</p>
            <DeactivateAppointeeForm userId={a.id} />
          </div>
        ) : null}
        {a.can.reactivate ? (
          <div className="flex flex-col gap-2">
            <p className="max-w-prose">{t("reactivateHint")}</p>
            <ReactivateAppointeeForm userId={a.id} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="allocations-title" className="flex flex-col gap-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="allocations-title" className="text-2xl font-bold">
            {t("allocationsTitle")}
          </h2>
          {a.can.allocate ? (
            <Button asChild>
              <Link href={`/board/appointees/${a.id}/allocations/new`}>{t("addAllocation")}</Link>
            </Button>
          ) : null}
        </div>
        {a.allocations.length === 0 ? (
          <p>{t("allocationsNone")}</p>
        ) : (
          <p className="max-w-prose">{t("progressNote")}</p>
        )}
        {a.allocations.map((al) => {
          const component = `${al.component.code} ${localized(al.component, locale, "title")}`;
          const headingId = `allocation-${al.id}`;
          return (
            <section
              key={al.id}
              aria-labelledby={headingId}
              className="flex flex-col gap-4 rounded-md border border-input p-4"
            >
              <h3 id={headingId} className="text-xl font-semibold">
                {t("allocationHeading", { component, series: localized(al.series, locale) })}
              </h3>
              <Table label={t("progressCaption", { component: al.component.code })}>
                <TableCaption className="sr-only">
                  {t("progressCaption", { component: al.component.code })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("colCentres")}</TableHead>
                    <TableHead>{t("colCandidates")}</TableHead>
                    <TableHead>{t("colScripts")}</TableHead>
                    <TableHead>{t("colEntered")}</TableHead>
                    <TableHead>{t("colSubmitted")}</TableHead>
                    <TableHead>{t("colLeft")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  <TableRow>
                    <TableCell>{al.progress.centres}</TableCell>
                    <TableCell>{al.progress.candidates}</TableCell>
                    <TableCell>{al.progress.scripts}</TableCell>
                    <TableCell>{al.progress.entered}</TableCell>
                    <TableCell>{al.progress.submitted}</TableCell>
                    <TableCell>{al.progress.left}</TableCell>
                  </TableRow>
                </TableBody>
              </Table>
              {al.centres.length > 0 ? (
                <div className="flex flex-col gap-2">
                  <h4 className="font-semibold">{t("centresTitle")}</h4>
                  <ul className="flex flex-col gap-2">
                    {al.centres.map((c) => (
                      <li key={c.id} className="flex flex-wrap items-center gap-3">
                        <span>
                          {c.number} {localized(c, locale)}
                        </span>
                        <RemoveItemForm
                          allocationId={al.id}
                          item={{ centreId: c.id }}
                          label={t("removeCentreLabel", { number: c.number })}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {al.candidates.length > 0 ? (
                <div className="flex flex-col gap-2">
                  <h4 className="font-semibold">{t("candidatesTitle")}</h4>
                  <ul className="flex flex-col gap-2">
                    {al.candidates.map((c) => (
                      <li key={c.entryId} className="flex flex-wrap items-center gap-3">
                        <span>
                          {t("candidateOption", { centre: c.centreNumber, number: c.candidateNumber, name: c.name })}
                          {c.withdrawn ? ` (${t("withdrawn")})` : ""}
                        </span>
                        <RemoveItemForm
                          allocationId={al.id}
                          item={{ entryId: c.entryId }}
                          label={t("removeCandidateLabel", { number: c.candidateNumber, name: c.name })}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {al.kind === "MODERATOR" ? (
                <div className="flex flex-col gap-2">
                  <h4 className="font-semibold">{t("teamTitle")}</h4>
                  {al.leads.length > 0 ? (
                    <p>{t("leads", { names: al.leads.map((l) => l.name || l.email).join(", ") })}</p>
                  ) : null}
                  {al.teamLeaderChoices.length > 0 || al.teamLeader ? (
                    <TeamLeaderForm
                      allocationId={al.id}
                      label={t("teamLeaderLabel", { component: al.component.code })}
                      current={al.teamLeader?.id ?? null}
                      choices={
                        al.teamLeader && !al.teamLeaderChoices.some((c) => c.id === al.teamLeader!.id)
                          ? [al.teamLeader, ...al.teamLeaderChoices]
                          : al.teamLeaderChoices
                      }
                    />
                  ) : (
                    <p>{t("teamNoChoices")}</p>
                  )}
                </div>
              ) : null}
              {al.kind === "EXAMINER" ? (
                <p>
                  <Link
                    href={`/board/appointees/${a.id}/allocations/${al.id}`}
                    className="underline"
                    aria-label={te("linkLabel", { component })}
                  >
                    {te("link")}
                  </Link>
                </p>
              ) : null}
              <RemoveAllocationForm allocationId={al.id} label={t("removeAllocation")} />
            </section>
          );
        })}
      </section>
    </div>
  );
}
