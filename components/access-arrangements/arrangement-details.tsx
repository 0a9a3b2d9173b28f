import { getTranslations } from "next-intl/server";
import type { ArrangementDetails } from "@/lib/data/access-arrangements/view";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { seriesName } from "./names";
import { StateBadge } from "./state-badge";

// One arrangement's status and evidence, as the centre and the board read it: a definition list
// for the status, another for the evidence, and the standardised scores as a table.

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export async function ArrangementDetailsView({
  arrangement: a,
  locale,
}: {
  arrangement: ArrangementDetails;
  locale: Locale;
}) {
  const t = await getTranslations("accessArrangements");
  const d = (key: Parameters<typeof t>[0]) => t(key);
  const e = a.evidence;
  const isApplication = a.status !== "DELEGATED" && !(a.status === "WITHDRAWN" && !e.declaredAt);
  const dl = "grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]";
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="status-title" className="flex flex-col gap-3">
        <h2 id="status-title" className="text-2xl font-bold">
          {d("detail.statusTitle")}
        </h2>
        <dl className={dl} data-testid="arrangement-status">
          <Item term={d("detail.status")}>
            <StateBadge state={a.state} label={t(`states.${a.state}`)} />
          </Item>
          <Item term={d("detail.series")}>{seriesName(t, a.series, locale)}</Item>
          {a.reference ? <Item term={d("detail.reference")}>{a.reference}</Item> : null}
          {a.decidedAt ? <Item term={d("detail.decided")}>{formatDate(a.decidedAt, "stamp", locale)}</Item> : null}
          {a.expiresAt ? <Item term={d("detail.expires")}>{formatDate(a.expiresAt, "date", locale)}</Item> : null}
          {a.referralReason ? (
            <Item term={d("detail.referralReason")}>{t(`reasons.${a.referralReason}` as Parameters<typeof t>[0])}</Item>
          ) : null}
          {a.decisionComment ? (
            <Item term={d("detail.boardComment")}>
              <span className="whitespace-pre-line">{a.decisionComment}</span>
            </Item>
          ) : null}
          {a.details ? (
            <Item term={d("detail.details")}>
              <span className="whitespace-pre-line">{a.details}</span>
            </Item>
          ) : null}
          <Item term={d("detail.recorded")}>{formatDate(a.createdAt, "stamp", locale)}</Item>
          {a.withdrawnAt ? (
            <Item term={d("detail.withdrawnAt")}>{formatDate(a.withdrawnAt, "stamp", locale)}</Item>
          ) : null}
        </dl>
      </section>
      {isApplication ? (
        <section aria-labelledby="evidence-title" className="flex flex-col gap-3">
          <h2 id="evidence-title" className="text-2xl font-bold">
            {d("detail.evidenceTitle")}
          </h2>
          <dl className={dl} data-testid="arrangement-evidence">
            <Item term={d("detail.plan")}>{e.supportPlan ? t(`plans.${e.supportPlan}`) : d("detail.noPlan")}</Item>
            <Item term={d("detail.assessor")}>{e.assessorName || t("none")}</Item>
            <Item term={d("detail.qualification")}>{e.assessorQualification || t("none")}</Item>
            <Item term={d("detail.assessmentDate")}>
              {e.assessmentDate
                ? t("detail.assessmentYear", {
                    date: formatDate(e.assessmentDate, "birth", locale),
                    year: e.yearGroupAtAssessment ?? 0,
                  })
                : t("none")}
            </Item>
            <Item term={d("detail.normalWay")}>
              {e.normalWayOfWorking ? d("detail.confirmed") : d("detail.notConfirmed")}
            </Item>
            <Item term={d("detail.dataNotice")}>
              {e.dataNoticeGiven ? d("detail.confirmed") : d("detail.notConfirmed")}
            </Item>
            <Item term={d("detail.declaration")}>
              {e.declaredAt
                ? t("detail.declaredBy", { name: e.declaredByName, at: formatDate(e.declaredAt, "stamp", locale) })
                : t("none")}
            </Item>
          </dl>
          {e.scores.length ? (
            <Table labelledBy="scores-caption">
              <TableCaption id="scores-caption">{d("detail.scoresCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{d("detail.colTest")}</TableHead>
                  <TableHead>{d("detail.colArea")}</TableHead>
                  <TableHead>{d("detail.colScore")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {e.scores.map((s, i) => (
                  <TableRow key={i}>
                    <TableCell>{s.test}</TableCell>
                    <TableCell>{t(`areas.${s.area}`)}</TableCell>
                    <TableCell>{s.score}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <p>{d("detail.noScores")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
