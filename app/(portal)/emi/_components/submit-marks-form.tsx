"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionState } from "@/lib/validation/action-state";
import { submitEmiMarksAction } from "../[allocationId]/actions";

export type SubmittableRow = {
  entryId: string;
  centreNumber: string;
  candidateNumber: string;
  name: string;
  mark: string;
};

/** The marks entered and not yet submitted: tick some (or submit all), confirm, submit. */
export function SubmitMarksForm({ allocationId, rows }: { allocationId: string; rows: SubmittableRow[] }) {
  const t = useTranslations("emi");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(submitEmiMarksAction, {});
  const errors = useActionErrors(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary state={state} />
      <input type="hidden" name="allocationId" value={allocationId} />
      <div id="entries" tabIndex={-1} className="flex flex-col gap-2">
        <ErrorList id="entries-error" errors={errors.field("entries")} errorPrefix={tc("errorPrefix")} />
        <Table label={t("submitCaption")}>
          <TableCaption className="text-left font-semibold">{t("submitCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colChoose")}</TableHead>
              <TableHead>{t("colCentre")}</TableHead>
              <TableHead>{t("colCandidateNumber")}</TableHead>
              <TableHead>{t("colName")}</TableHead>
              <TableHead>{t("colMark")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.entryId}>
                <TableCell>
                  <Checkbox
                    name="entry"
                    value={r.entryId}
                    aria-label={t("chooseLabel", { number: r.candidateNumber, name: r.name })}
                  />
                </TableCell>
                <TableCell>{r.centreNumber}</TableCell>
                <TableCell>{r.candidateNumber}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.mark}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Field
        id="confirm"
        name="confirm"
        label={t("confirmLabel")}
        errors={errors.field("confirm")}
        errorPrefix={tc("errorPrefix")}
        inline
      >
        <Checkbox value="yes" />
      </Field>
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="scope" value="selected" pendingLabel={tc("pleaseWait")}>
          {t("submitSelected")}
        </SubmitButton>
        <SubmitButton name="scope" value="all" variant="outline" pendingLabel={tc("pleaseWait")}>
          {t("submitAll", { count: rows.length })}
        </SubmitButton>
      </div>
    </form>
  );
}
