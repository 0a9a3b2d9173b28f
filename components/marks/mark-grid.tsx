"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import type { MarkShape } from "@/lib/marks/rules";
import { cellCount, cellsToValue, gridSchema, nextEditable, parsePaste, pastePlan, valueToCells } from "./grid-logic";
import type { GridForm } from "./grid-logic";
import type { MarkGridProps } from "./grid-types";
import { MarkGridRow } from "./mark-grid-row";
import { useAutosave } from "./use-autosave";

// The one mark grid (components/marks/grid-types.ts is its contract), for IAMIS, moderator and
// examiner mark input. Keyboard first: type a mark, Enter or ↓ for the next candidate, ↑ for
// the one before; a column pasted from a spreadsheet fills down from the focused cell. Each
// row is checked by the server's own rules (lib/marks/rules.ts) and saved as it is typed
// (use-autosave.ts); what is saved, saving or not saved is said per row and, for screen
// readers, once for the whole grid.

export function MarkGrid(props: MarkGridProps) {
  const { caption, maxMark, questions, rows, referenceLabel, readOnly = false, save } = props;
  const t = useTranslations("marks");
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "en";
  const shape: MarkShape = useMemo(() => ({ maxMark, questions }), [maxMark, questions]);
  const n = questions.length;
  const columns = cellCount(n);
  const editable = useMemo(() => rows.map((r) => !readOnly && !r.locked), [rows, readOnly]);
  const showCentre = rows.some((r) => r.centreNumber);
  const showReference = rows.some((r) => r.reference !== undefined);

  const form = useForm<GridForm>({
    resolver: zodResolver(gridSchema(shape)),
    mode: "onChange",
    defaultValues: { rows: rows.map((r) => ({ cells: valueToCells(r.mark.value, n) })) },
  });
  const { control, register, getValues, setValue, trigger, formState } = form;
  const autosave = useAutosave(rows, save);
  const [announcement, setAnnouncement] = useState("");

  const cells = useRef<(HTMLInputElement | null)[][]>([]);
  const cellRef = useCallback((row: number, col: number, el: HTMLInputElement | null) => {
    (cells.current[row] ??= [])[col] = el;
  }, []);

  const onCellChange = useCallback(
    (row: number) => {
      const result = cellsToValue(getValues(`rows.${row}.cells`), shape);
      autosave.edit(rows[row].entryId, result.ok ? result.value : null);
    },
    [autosave, getValues, rows, shape],
  );

  const onKeyDown = (row: number, col: number, e: React.KeyboardEvent<HTMLInputElement>) => {
    const down = e.key === "Enter" || e.key === "ArrowDown";
    if (!down && e.key !== "ArrowUp") return;
    e.preventDefault();
    const to = nextEditable(editable, row, down ? 1 : -1);
    if (to !== null) cells.current[to]?.[col]?.focus();
  };

  const onPaste = (row: number, col: number, e: React.ClipboardEvent<HTMLInputElement>) => {
    const block = parsePaste(e.clipboardData.getData("text/plain"));
    if (block.length <= 1 && (block[0]?.length ?? 0) <= 1) return; // one value: an ordinary paste
    e.preventDefault();
    const plan = pastePlan(block, { row, col }, editable, columns);
    const touched = new Set<number>();
    for (const cell of plan) {
      setValue(`rows.${cell.row}.cells.${cell.col}`, cell.text.slice(0, 8), { shouldDirty: true });
      touched.add(cell.row);
    }
    void trigger([...touched].map((r) => `rows.${r}.cells` as const));
    touched.forEach(onCellChange);
    setAnnouncement(t("pasted", { count: touched.size }));
  };

  const onChoose = (entryId: string, choice: "keepMine" | "useSaved") => {
    const index = rows.findIndex((r) => r.entryId === entryId);
    const conflict = autosave.state[entryId]?.conflict;
    if (choice === "useSaved" && conflict && index >= 0) {
      const value = conflict.theirs?.value ?? { code: null, total: null, items: null };
      valueToCells(value, n).forEach((text, col) => setValue(`rows.${index}.cells.${col}`, text));
      void trigger(`rows.${index}.cells`);
    }
    autosave.choose(entryId, choice);
  };

  const summary = useMemo(() => {
    const all = Object.values(autosave.state);
    const count = (s: string) => all.filter((r) => r.status === s).length;
    const invalid = count("invalid");
    if (count("conflict")) return t("summary.conflict", { count: count("conflict") });
    if (count("retrying")) return t("summary.retrying", { count: count("retrying") });
    if (count("refused")) return t("summary.refused", { count: count("refused") });
    if (invalid) return t("summary.invalid", { count: invalid });
    if (count("pending") + count("saving")) return t("summary.saving", { count: count("pending") + count("saving") });
    const latest = all
      .map((r) => r.savedAt ?? "")
      .sort()
      .pop();
    return latest ? t("summary.allSaved", { time: formatDate(latest, "time", locale) }) : "";
  }, [autosave.state, locale, t]);

  return (
    <div className="flex flex-col gap-3">
      {!readOnly ? <p className="max-w-prose">{t("help")}</p> : null}
      <p role="status" aria-live="polite" className="min-h-6 font-semibold" data-testid="grid-status">
        {summary}
        {announcement ? <span className="sr-only"> {announcement}</span> : null}
      </p>
      <Table labelledBy="mark-grid-caption">
        <TableCaption id="mark-grid-caption" className="text-left font-semibold">
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("candidateNumber")}</TableHead>
            <TableHead>{t("candidate")}</TableHead>
            {showCentre ? <TableHead>{t("centre")}</TableHead> : null}
            {showReference ? <TableHead>{referenceLabel ?? ""}</TableHead> : null}
            {n === 0 ? (
              <TableHead>{t("markOutOf", { max: maxMark })}</TableHead>
            ) : (
              <>
                {questions.map((q) => (
                  <TableHead key={q.label}>{t("question", { label: q.label, max: q.maxMark })}</TableHead>
                ))}
                <TableHead>{t("code")}</TableHead>
                <TableHead>{t("totalOutOf", { max: maxMark })}</TableHead>
              </>
            )}
            <TableHead>{t("status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, index) => (
            <MarkGridRow
              key={row.entryId}
              index={index}
              row={row}
              questions={questions}
              columns={columns}
              editable={editable[index]}
              showCentre={showCentre}
              showReference={showReference}
              save={autosave.state[row.entryId]}
              control={control}
              register={register}
              errors={formState.errors}
              cellRef={cellRef}
              onCellChange={onCellChange}
              onKeyDown={onKeyDown}
              onPaste={onPaste}
              onChoose={onChoose}
            />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
