import "server-only";
import { authorizeCentre, refuse, requestInfo, type Refusal, type Result } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { readMarks, type StoredMark } from "@/lib/data/marks/engine";
import { checkMarksFile, type MarkImportRow } from "@/lib/marks/iamis";
import type { MarkValue } from "@/lib/marks/rules";
import { lockedStatus, nameOf, sheetEntries, sheetOfCentre, type ScopedSheet } from "./iamis-scope";

// Importing a sheet's marks from a CSV file (docs/marks.md, "IAMIS"; the CSV reading of
// docs/decisions/010-csv.md): `candidate number, mark` per row, the mark a whole number or A / W.
// A preview shows every row with its problems and saves nothing; the confirm checks the file
// again from scratch inside one transaction and saves every row or none, each mark's version
// moving on as a save from the grid would, with one audit row holding the old and new values.

export type MarkImportPreviewRow = MarkImportRow & { name: string; current: MarkValue | null };
export type MarkImportPreview = { rows: MarkImportPreviewRow[]; valid: number; invalid: number };
export type MarkImportRefusal = Refusal & { readonly preview?: MarkImportPreview };

type Tx = Prisma.TransactionClient;

async function check(db: Tx, sheet: ScopedSheet, csv: string) {
  const entries = await sheetEntries(db, sheet);
  const byNumber = new Map(entries.map((e) => [e.candidateNumber, e]));
  const result = checkMarksFile(csv, sheet.shape, (n) => byNumber.get(n)?.id ?? null);
  if ("error" in result) return result;
  const marks = await readMarks(
    db,
    sheet.componentId,
    "CENTRE",
    entries.map((e) => e.id),
  );
  const rows = result.checked.map((c) => {
    const entry = byNumber.get(c.row.candidateNumber);
    return { ...c.row, name: entry ? nameOf(entry) : "", current: entry ? (marks.get(entry.id)?.value ?? null) : null };
  });
  return { checked: result.checked, marks, preview: { rows, valid: result.valid, invalid: result.invalid } };
}

async function openSheet(sheetId: string) {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const sheet = await sheetOfCentre(getPrisma(), a.caller.centreId, sheetId);
  if (!sheet) return refuse("notFound");
  if (sheet.status !== "OPEN") return refuse("conflict", "iamisSheetLocked");
  return { ...a, sheet };
}

/** Checks a marks file against an open sheet and says, row by row, what is wrong. Saves nothing. */
export async function previewMarksImport(
  sheetId: string,
  csv: string,
): Promise<Result<{ preview: MarkImportPreview }> | MarkImportRefusal> {
  const open = await openSheet(sheetId);
  if (!open.ok) return open;
  if (!csv) return refuse("invalid", "importFileRequired");
  const result = await check(getPrisma() as unknown as Tx, open.sheet, csv);
  if ("error" in result) return refuse("invalid", result.error);
  return { ok: true, preview: result.preview };
}

const same = (a: MarkValue | undefined, b: MarkValue) => JSON.stringify(a) === JSON.stringify(b);

/** Saves every row of a marks file, or none; the file is checked again inside the transaction. */
export async function confirmMarksImport(
  sheetId: string,
  csv: string,
): Promise<Result<{ saved: number; changed: number }> | MarkImportRefusal> {
  const open = await openSheet(sheetId);
  if (!open.ok) return open;
  const { caller, at, sheet } = open;
  if (!csv) return refuse("invalid", "importFileRequired");
  const { ip } = await requestInfo();
  return getPrisma().$transaction(
    async (tx): Promise<Result<{ saved: number; changed: number }> | MarkImportRefusal> => {
      if ((await lockedStatus(tx, sheet.id, "share")) !== "OPEN") return refuse("conflict", "iamisSheetLocked");
      const result = await check(tx, sheet, csv);
      if ("error" in result) return refuse("invalid", result.error);
      if (result.preview.invalid > 0) return { ...refuse("invalid", "importHasErrors"), preview: result.preview };
      const changes: {
        entryId: string;
        candidateNumber: string;
        old: MarkValue | null;
        new: MarkValue;
        version: number;
      }[] = [];
      for (const { entryId, value, row } of result.checked) {
        const before: StoredMark | undefined = result.marks.get(entryId!);
        if (before && same(before.value, value!)) continue;
        const data = {
          total: value!.total,
          code: value!.code,
          items: Prisma.DbNull,
          updatedAt: at,
          updatedById: caller.userId,
        };
        const saved = await tx.mark.upsert({
          where: {
            entryId_componentId_source: { entryId: entryId!, componentId: sheet.componentId, source: "CENTRE" },
          },
          create: { ...data, entryId: entryId!, componentId: sheet.componentId, source: "CENTRE", version: 1 },
          update: { ...data, version: { increment: 1 } },
        });
        changes.push({
          entryId: entryId!,
          candidateNumber: row.candidateNumber,
          old: before?.value ?? null,
          new: value!,
          version: saved.version,
        });
      }
      await audit(tx, {
        action: "iamis.imported",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: caller.centreId,
        ip,
        at,
        details: {
          sheetId: sheet.id,
          series: sheet.series.code,
          component: sheet.component.code,
          rows: result.checked.length,
          changes: changes as unknown as Prisma.InputJsonValue,
        },
      });
      return { ok: true, saved: result.checked.length, changed: changes.length };
    },
    { timeout: 30_000 },
  );
}
