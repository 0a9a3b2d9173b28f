import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { candidateArrangements } from "@/lib/data/access-arrangements/candidates";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { arrangementName, candidateName, seriesName } from "@/components/access-arrangements/names";
import { StateBadge } from "@/components/access-arrangements/state-badge";
import { PageHeader } from "@/components/page/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DelegatedForm } from "./_components/delegated-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessArrangements"))("title") };
}

/** One candidate's arrangements and modified paper orders; record a delegated one; apply for one. */
export default async function CandidateArrangementsPage({ params }: { params: Promise<{ id: string }> }) {
  const { candidate, arrangements, orders, series } = await must(candidateArrangements((await params).id));
  const t = await getTranslations("accessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const name = candidateName(candidate);
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href="/access-arrangements" className="underline">
          {t("candidate.back")}
        </Link>
      </p>
      <PageHeader title={`${candidate.firstName} ${candidate.lastName}`} lead={t("sensitive")} />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="candidate-details">
        <dt className="font-semibold">{t("candidate.number")}</dt>
        <dd>{candidate.candidateNumber}</dd>
        <dt className="font-semibold">{t("candidate.uci")}</dt>
        <dd>{candidate.uci}</dd>
        <dt className="font-semibold">{t("candidate.dateOfBirth")}</dt>
        <dd>{formatDate(candidate.dateOfBirth, "birth", locale)}</dd>
        <dt className="font-semibold">{t("candidate.yearGroup")}</dt>
        <dd>{t("candidate.yearGroupValue", { year: candidate.yearGroup })}</dd>
      </dl>
      <p>
        <Button asChild>
          <Link href={`/access-arrangements/candidates/${candidate.id}/apply`}>{t("candidate.applyLink")}</Link>
        </Button>
      </p>

      <section aria-labelledby="arrangements-title" className="flex flex-col gap-4">
        <h2 id="arrangements-title" className="text-2xl font-bold">
          {t("candidate.arrangementsTitle")}
        </h2>
        {arrangements.length === 0 ? (
          <p>{t("candidate.noArrangements")}</p>
        ) : (
          <Table labelledBy="candidate-arrangements-caption">
            <TableCaption id="candidate-arrangements-caption">
              {t("candidate.caption", { candidate: name })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("list.colArrangement")}</TableHead>
                <TableHead>{t("list.colSeries")}</TableHead>
                <TableHead>{t("list.colStatus")}</TableHead>
                <TableHead>{t("list.colReference")}</TableHead>
                <TableHead>{t("list.colExpires")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {arrangements.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link href={`/access-arrangements/${a.id}`} className="underline">
                      {arrangementName(t, a)}
                    </Link>
                  </TableCell>
                  <TableCell>{seriesName(t, a.series, locale)}</TableCell>
                  <TableCell>
                    <StateBadge state={a.state} label={t(`states.${a.state}`)} />
                  </TableCell>
                  <TableCell>{a.reference ?? t("none")}</TableCell>
                  <TableCell>{a.expiresAt ? formatDate(a.expiresAt, "date", locale) : t("none")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="delegated-title" className="flex flex-col gap-4">
        <h2 id="delegated-title" className="text-2xl font-bold">
          {t("candidate.delegatedTitle")}
        </h2>
        <p>{t("candidate.delegatedIntro")}</p>
        <DelegatedForm
          candidateId={candidate.id}
          series={series.map((s) => ({ code: s.code, name: localized(s, locale) }))}
        />
      </section>

      <section aria-labelledby="orders-title" className="flex flex-col gap-4">
        <h2 id="orders-title" className="text-2xl font-bold">
          {t("candidate.ordersTitle")}
        </h2>
        {orders.length === 0 ? (
          <p>{t("candidate.noOrders")}</p>
        ) : (
          <Table labelledBy="candidate-orders-caption">
            <TableCaption id="candidate-orders-caption">
              {t("candidate.ordersCaption", { candidate: name })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("list.colSeries")}</TableHead>
                <TableHead>{t("candidate.colFormat")}</TableHead>
                <TableHead>{t("candidate.colPapers")}</TableHead>
                <TableHead>{t("candidate.colOrdered")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {orders.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{seriesName(t, o.series, locale)}</TableCell>
                  <TableCell>{t(`formats.${o.format}`)}</TableCell>
                  <TableCell>{o.components.map((c) => c.code).join(", ")}</TableCell>
                  <TableCell>
                    <span className="flex flex-wrap gap-2">
                      {formatDate(o.orderedAt, "stamp", locale)}
                      {o.late ? <Badge variant="warning">{t("candidate.late")}</Badge> : null}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
