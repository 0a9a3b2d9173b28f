"use client";

import { useLocale, useTranslations } from "next-intl";
import { useWatch, type Control, type UseFormRegister, type FieldErrors } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { totalOf, type MarkValue } from "@/lib/marks/rules";
import { cn } from "@/lib/utils";
import type { RowSave } from "./autosave-machine";
import type { GridForm } from "./grid-logic";
import type { GridQuestion, GridRow } from "./grid-types";

// One candidate's row of the mark grid (components/marks/mark-grid.tsx): the cells to type in
// (or the mark as text when the row cannot be changed), the total of per-question marks, and
// the row's saving state — with the choice between the two marks when someone else's save got
// there first.

export type RowProps = {
  index: number;
  row: GridRow;
  questions: GridQuestion[];
  columns: number;
  editable: boolean;
  showCentre: boolean;
  showReference: boolean;
  save: RowSave;
  control: Control<GridForm>;
  register: UseFormRegister<GridForm>;
  errors: FieldErrors<GridForm>;
  cellRef: (row: number, col: number, el: HTMLInputElement | null) => void;
  onCellChange: (row: number) => void;
  onKeyDown: (row: number, col: number, e: React.KeyboardEvent<HTMLInputElement>) => void;
  onPaste: (row: number, col: number, e: React.ClipboardEvent<HTMLInputElement>) => void;
  onChoose: (entryId: string, choice: "keepMine" | "useSaved") => void;
};

/** Translates a rule's message key ("marks.overMax") in the grid's namespace. */
export function useMarkMessage() {
  const t = useTranslations("marks");
  return (key: string) => {
    const k = key.startsWith("marks.") ? key.slice(6) : key;
    return t.has(k as never) ? t(k as never) : t("invalid");
  };
}

/** A mark as words: the code, the total, or "no mark". */
export function useShowMark() {
  const t = useTranslations("marks");
  return (value: MarkValue | null | undefined) => {
    if (!value) return t("blank");
    if (value.code) return t(`codes.${value.code}`);
    if (value.total !== null) return String(value.total);
    if (value.items) return value.items.map((x) => (x === null ? "–" : String(x))).join(" + ");
    return t("blank");
  };
}

export function MarkGridRow(p: RowProps) {
  const t = useTranslations("marks");
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "en";
  const message = useMarkMessage();
  const show = useShowMark();
  const cells = useWatch({ control: p.control, name: `rows.${p.index}.cells` }) ?? [];
  const n = p.questions.length;
  const { row, save } = p;
  const who = `${row.candidateNumber} ${row.name}`;
  const rowErrors = p.errors.rows?.[p.index]?.cells;
  const time = (iso: string | null) => (iso ? formatDate(iso, "time", locale) : "");

  const labelOf = (col: number) =>
    n === 0
      ? t("cellLabel", { who })
      : col < n
        ? t("questionLabel", { label: p.questions[col].label, who })
        : t("codeLabel", { who });

  const status = (() => {
    const hasError = Array.isArray(rowErrors) && rowErrors.some(Boolean);
    if (hasError || save.status === "invalid") return t("state.invalid");
    switch (save.status) {
      case "pending":
      case "saving":
        return t("state.saving");
      case "retrying":
        return t("state.retrying");
      case "conflict":
        return t("state.conflict");
      case "refused":
        return t("state.refused", { message: save.message ?? "" });
      default:
        return save.savedAt ? t("state.saved", { time: time(save.savedAt) }) : "";
    }
  })();

  const errorId = (col: number) => `mark-${p.index}-${col}-error`;
  return (
    <TableRow data-entry={row.entryId}>
      <TableCell className="whitespace-nowrap">{row.candidateNumber}</TableCell>
      <TableCell>{row.name}</TableCell>
      {p.showCentre ? <TableCell>{row.centreNumber ?? ""}</TableCell> : null}
      {p.showReference ? <TableCell>{row.reference ?? ""}</TableCell> : null}
      {Array.from({ length: p.columns }, (_, col) => {
        const error = Array.isArray(rowErrors) ? rowErrors[col]?.message : undefined;
        if (!p.editable) {
          const text = cells[col] ?? "";
          return <TableCell key={col}>{col === n && n > 0 ? text : text || "–"}</TableCell>;
        }
        const field = p.register(`rows.${p.index}.cells.${col}`, { onChange: () => p.onCellChange(p.index) });
        return (
          <TableCell key={col} className="align-top">
            <input
              {...field}
              ref={(el) => {
                field.ref(el);
                p.cellRef(p.index, col, el);
              }}
              type="text"
              inputMode={col === n && n > 0 ? "text" : "numeric"}
              autoComplete="off"
              maxLength={8}
              aria-label={labelOf(col)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId(col) : undefined}
              onKeyDown={(e) => p.onKeyDown(p.index, col, e)}
              onPaste={(e) => p.onPaste(p.index, col, e)}
              className={cn(
                "h-9 w-16 rounded-md border border-input bg-background px-2 text-base focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                error && "border-destructive",
              )}
            />
            {error ? (
              <p id={errorId(col)} className="mt-1 max-w-40 text-sm text-destructive">
                <span className="sr-only">{t("errorPrefix")} </span>
                {message(error)}
              </p>
            ) : null}
          </TableCell>
        );
      })}
      {n > 0 ? (
        <TableCell>
          {totalOf(cells.slice(0, n).map((c) => (/^\d+$/.test(c.trim()) ? Number(c) : null))) ?? "–"}
        </TableCell>
      ) : null}
      <TableCell className="min-w-44 align-top">
        <span className={cn(save.status === "retrying" || save.status === "refused" ? "text-destructive" : "")}>
          {p.editable || save.status !== "saved" ? status : row.locked ? t("locked") : ""}
        </span>
        {save.status === "conflict" && save.conflict ? (
          <div role="group" aria-label={t("conflict.label", { who })} className="mt-2 flex flex-col gap-2">
            <p>{t("conflict.intro")}</p>
            <p>{t("conflict.yours", { value: show(save.conflict.mine) })}</p>
            <p>
              {save.conflict.theirs?.savedBy
                ? t("conflict.savedBy", {
                    value: show(save.conflict.theirs.value),
                    who: save.conflict.theirs.savedBy,
                    time: time(save.conflict.theirs.savedAt),
                  })
                : t("conflict.saved", { value: show(save.conflict.theirs?.value) })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" size="sm" onClick={() => p.onChoose(row.entryId, "keepMine")}>
                {t("conflict.keepMine")}
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => p.onChoose(row.entryId, "useSaved")}>
                {t("conflict.useSaved")}
              </Button>
            </div>
          </div>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
