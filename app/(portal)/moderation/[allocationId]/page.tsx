import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { moderationCentres } from "@/lib/data/marks/moderation";
import { must } from "@/lib/http/page";
import { signed } from "@/lib/marks/moderation-review";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("title") };
}

/** An allocation's centres: each one's sheet once submitted, its sample, what is moderated, the report. */
export default async function ModerationCentresPage({ params }: { params: Promise<{ allocationId: string }> }) {
  const { allocation, workingAs, rows } = await must(moderationCentres((await params).allocationId));
  const t = await getTranslations("moderation");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const back = workingAs ? `/moderation?series=${allocation.seriesCode}&as=${workingAs.id}` : "/moderation";
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={back} className="underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={allocation.label[locale]} />
      {workingAs ? (
        <Alert variant="info">
          <AlertDescription>{t("workingAs", { name: workingAs.name || workingAs.email })}</AlertDescription>
        </Alert>
      ) : null}
      <Table labelledBy="centres-caption">
        <TableCaption id="centres-caption" className="text-left font-semibold">
          {t("centresCaption")}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("colCentre")}</TableHead>
            <TableHead>{t("colStatus")}</TableHead>
            <TableHead>{t("colSampleSize")}</TableHead>
            <TableHead>{t("colMarked")}</TableHead>
            <TableHead>{t("colReport")}</TableHead>
            <TableHead>{t("colAdjustment")}</TableHead>
            <TableHead>{t("colAction")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ centre, sheet }) => (
            <TableRow key={centre.id}>
              <TableCell>
                <span className="font-semibold">{centre.number}</span> {localized(centre, locale)}
              </TableCell>
              <TableCell>{t(sheet ? `status_${sheet.status}` : "status_none")}</TableCell>
              <TableCell>{sheet ? sheet.sampleSize : "—"}</TableCell>
              <TableCell>{sheet ? sheet.marked : "—"}</TableCell>
              <TableCell>{sheet ? t(`report_${sheet.report}`) : "—"}</TableCell>
              <TableCell>{sheet?.adjustment != null ? signed(sheet.adjustment) : "—"}</TableCell>
              <TableCell>
                {sheet ? (
                  <Link
                    href={`/moderation/${allocation.id}/${sheet.id}`}
                    className="font-semibold underline"
                    aria-label={t(sheet.status === "SUBMITTED" ? "moderateLabel" : "viewLabel", {
                      number: centre.number,
                    })}
                  >
                    {t(sheet.status === "SUBMITTED" ? "moderate" : "view")}
                  </Link>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
