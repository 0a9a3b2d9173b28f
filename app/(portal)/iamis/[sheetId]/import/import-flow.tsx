"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MarkValue } from "@/lib/marks/rules";
import { importMarksAction, type MarksImportState } from "./actions";

export function MarksImportFlow({ sheetId }: { sheetId: string }) {
  const t = useTranslations("iamis.import");
  const tm = useTranslations("marks");
  const tc = useTranslations("common");
  const [state, action] = useActionState<MarksImportState, FormData>(importMarksAction, { stage: "upload", sheetId });
  const errors = useActionErrors(state);
  const back = `/iamis/${sheetId}`;
  const rowError = (e: string) => {
    if (e.startsWith("marks.")) {
      const k = e.slice(6);
      return tm.has(k as never) ? tm(k as never) : tm("invalid");
    }
    return t.has(`rowError.${e}` as never) ? t(`rowError.${e}` as never) : tm("invalid");
  };
  const show = (v: MarkValue | null) =>
    !v ? "–" : v.code ? tm(`codes.${v.code}`) : v.total === null ? "–" : String(v.total);

  if (state.stage === "done") {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success" live>
          <AlertDescription>{t("done", { count: state.saved ?? 0, changed: state.changed ?? 0 })}</AlertDescription>
        </Alert>
        <Link href={back} className="text-link underline">
          {t("back")}
        </Link>
      </div>
    );
  }

  const rows = state.stage === "preview" ? (state.preview?.rows ?? []) : [];
  const invalid = state.preview?.invalid ?? 0;
  return (
    <div className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      <form action={action} noValidate className="flex max-w-xl flex-col gap-4">
        <input type="hidden" name="intent" value="preview" />
        <input type="hidden" name="sheetId" value={sheetId} />
        <Field
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          label={t("fileLabel")}
          hint={t("fileHint")}
          errors={errors.field("file")}
          errorPrefix={tc("errorPrefix")}
          required
        />
        <SubmitButton
          className="self-start"
          variant={state.stage === "preview" ? "secondary" : "default"}
          pendingLabel={tc("pleaseWait")}
        >
          {t("check")}
        </SubmitButton>
      </form>
      {state.stage === "preview" ? (
        <section aria-labelledby="preview-title" className="flex flex-col gap-4">
          <h2 id="preview-title" className="text-2xl font-bold">
            {t("previewTitle")}
          </h2>
          <p role="status">
            {invalid > 0
              ? t("summaryErrors", { valid: state.preview?.valid ?? 0, invalid })
              : t("summaryOk", { count: state.preview?.valid ?? 0 })}
          </p>
          <Table labelledBy="preview-caption">
            <TableCaption id="preview-caption">{t("caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("line")}</TableHead>
                <TableHead>{t("candidateNumber")}</TableHead>
                <TableHead>{t("candidate")}</TableHead>
                <TableHead>{t("current")}</TableHead>
                <TableHead>{t("mark")}</TableHead>
                <TableHead>{t("outcome")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.line}>
                  <TableCell>{r.line}</TableCell>
                  <TableCell>{r.candidateNumber}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{show(r.current)}</TableCell>
                  <TableCell>{r.mark}</TableCell>
                  <TableCell>
                    {r.errors.length === 0 ? (
                      <Badge variant="success">{t("rowOk")}</Badge>
                    ) : (
                      <ul className="flex flex-col gap-1">
                        {r.errors.map((e) => (
                          <li key={e}>
                            <Badge variant="destructive">{rowError(e)}</Badge>
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {invalid === 0 ? (
            <form action={action} className="flex flex-col gap-2">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="sheetId" value={sheetId} />
              <input type="hidden" name="csv" value={state.csv ?? ""} />
              <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
                {t("confirm", { count: state.preview?.valid ?? 0 })}
              </SubmitButton>
            </form>
          ) : (
            <p>{t("fixFirst")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
