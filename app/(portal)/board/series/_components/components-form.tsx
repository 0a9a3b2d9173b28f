"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionState } from "@/lib/validation/action-state";
import { componentField } from "@/lib/board/series-fields";
import { saveSeriesComponentsAction } from "../actions";

export type ComponentRow = {
  id: string;
  /** "9541/01 Oracy", in the reader's language. */
  label: string;
  /** Centres' marks (with a moderation tolerance); otherwise a written component, examiners' marks. */
  internallyAssessed: boolean;
  maxMark: number;
  /** The component's own deadline, already formatted in UK time; null when it has none. */
  defaultDeadline: string | null;
  /** This series' values as typed: mark deadline date and time, tolerance. */
  markDate: string;
  markTime: string;
  tolerance: string;
};

type Kind = "internal" | "written";

/**
 * A series' mark deadline for every component, in two tables under their own headings: the
 * internally assessed components (when centres' marks are due, and the moderation tolerance) and
 * the written ones (when examiners' marks are due). One form, so a save keeps both tables' edits.
 */
export function ComponentsForm({ seriesId, rows }: { seriesId: string; rows: ComponentRow[] }) {
  const t = useTranslations("boardSeries");
  const [state, action] = useActionState<ActionState, FormData>(saveSeriesComponentsAction, {});
  const tc = useTranslations("common");
  const initial: Record<string, string> = Object.fromEntries(
    rows.flatMap((r) => [
      [componentField("markDate", r.id), r.markDate],
      [componentField("markTime", r.id), r.markTime],
      ...(r.internallyAssessed ? [[componentField("tolerance", r.id), r.tolerance]] : []),
    ]),
  );
  const value = (k: string) => state.values?.[k] ?? initial[k] ?? "";
  const groups: [Kind, ComponentRow[]][] = [
    ["internal", rows.filter((r) => r.internallyAssessed)],
    ["written", rows.filter((r) => !r.internallyAssessed)],
  ];
  return (
    <form action={action} noValidate className="flex flex-col gap-8">
      <ErrorSummary state={state} />
      <input type="hidden" name="seriesId" value={seriesId} />
      {groups.map(([kind, group]) => (
        <section key={kind} aria-labelledby={`${kind}-title`} className="flex flex-col gap-3">
          <h3 id={`${kind}-title`} className="text-xl font-bold">
            {t(`${kind}Title`)}
          </h3>
          <p className="max-w-prose">{t(`${kind}Intro`)}</p>
          {group.length ? (
            <SettingsTable kind={kind} rows={group} value={value} state={state} />
          ) : (
            <p>{t(`${kind}None`)}</p>
          )}
        </section>
      ))}
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("componentsSubmit")}
      </SubmitButton>
    </form>
  );
}

function SettingsTable({
  kind,
  rows,
  value,
  state,
}: {
  kind: Kind;
  rows: ComponentRow[];
  value: (name: string) => string;
  state: ActionState;
}) {
  const t = useTranslations("boardSeries");
  const tc = useTranslations("common");
  const errors = useActionErrors(state);
  const dateColumn = t(`${kind}DeadlineDate`);
  const timeColumn = t(`${kind}DeadlineTime`);
  // Each input is named by its column and its component, so it is clear out of the table too.
  const cell = (
    name: string,
    column: string,
    r: ComponentRow,
    props: { type?: string; hint?: string; inputMode?: "numeric"; inputClassName: string },
  ) => (
    <Field
      id={name}
      name={name}
      label={t("cellLabel", { column, component: r.label })}
      labelClassName="sr-only"
      defaultValue={value(name)}
      errors={errors.field(name)}
      errorPrefix={tc("errorPrefix")}
      {...props}
    />
  );
  return (
    <Table labelledBy={`${kind}-title`} data-testid={`${kind}-components`}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("componentColumn")}</TableHead>
          <TableHead>{t("ownDeadlineColumn")}</TableHead>
          <TableHead>{dateColumn}</TableHead>
          <TableHead>{timeColumn}</TableHead>
          {kind === "internal" ? <TableHead>{t("tolerance")}</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableHead scope="row" className="font-semibold">
              {r.label}
            </TableHead>
            <TableCell>{r.defaultDeadline ?? t("noOwnDeadline")}</TableCell>
            <TableCell>
              {cell(componentField("markDate", r.id), dateColumn, r, { type: "date", inputClassName: "w-44" })}
            </TableCell>
            <TableCell>
              {cell(componentField("markTime", r.id), timeColumn, r, { type: "time", inputClassName: "w-32" })}
            </TableCell>
            {kind === "internal" ? (
              <TableCell>
                {cell(componentField("tolerance", r.id), t("tolerance"), r, {
                  hint: t("toleranceHint", { max: r.maxMark }),
                  inputMode: "numeric",
                  inputClassName: "w-20",
                })}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
