import "server-only";
import { codeOrEmpty } from "@/lib/validation/codes";
import { refuse, type Refusal, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseCsv } from "@/lib/csv";
import { isLate } from "@/lib/entries/rules";
import { IMPORT_MAX_BYTES } from "@/lib/validation/entries";
import { authorizeEntries } from "./caller";
import type { SeriesDto } from "./entries";

// Importing entries from a CSV file (docs/product-rules.md ("Entries")): exams officers and
// Admins only. A preview says, row by row, what is wrong and saves nothing; a confirm checks the
// file again from scratch inside one transaction and saves every row or none.

export type ImportRowError = "badRow" | "unknownCandidate" | "unknownSpecification" | "duplicateRow" | "alreadyEntered";
export type ImportRow = {
  line: number;
  candidateNumber: string;
  specCode: string;
  candidateName: string;
  errors: ImportRowError[];
};
export type ImportPreview = { rows: ImportRow[]; valid: number; invalid: number };

/**
 * A refusal of the file as a whole ("invalid"), its reason one of importFileRequired,
 * importEmpty, importTooLarge, importTooManyRows, importMalformed, or importHasErrors (with the rows).
 */
export type ImportRefusal = Refusal & { readonly preview?: ImportPreview };

const IMPORT_MAX_ROWS = 5000;

type FileError = "importEmpty" | "importTooLarge" | "importTooManyRows" | "importMalformed";

async function checkImport(tx: Prisma.TransactionClient, centreId: string, seriesId: string, csv: string) {
  if (typeof csv !== "string") return { error: "importEmpty" as FileError };
  if (Buffer.byteLength(csv, "utf8") > IMPORT_MAX_BYTES) return { error: "importTooLarge" as FileError };
  let parsed: string[][];
  try {
    parsed = parseCsv(csv);
  } catch {
    return { error: "importMalformed" as FileError };
  }
  let rows = parsed.map((fields, i) => ({ fields: fields.map((f) => f.trim()), line: i + 1 }));
  // A header row is allowed: a first row whose first field is not a candidate number.
  if (rows.length > 0 && !/^\d+$/.test(rows[0].fields[0] ?? "")) rows = rows.slice(1);
  if (rows.length === 0) return { error: "importEmpty" as FileError };
  if (rows.length > IMPORT_MAX_ROWS) return { error: "importTooManyRows" as FileError };

  const numbers = [...new Set(rows.map((r) => (r.fields[0] ?? "").padStart(4, "0")))];
  const codes = [...new Set(rows.map((r) => r.fields[1] ?? ""))];
  const candidates = await tx.candidate.findMany({
    where: { centreId, candidateNumber: { in: numbers } },
    select: { id: true, candidateNumber: true, firstName: true, lastName: true },
  });
  const specs = await tx.specification.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const byNumber = new Map(candidates.map((c) => [c.candidateNumber, c]));
  const byCode = new Map(specs.map((s) => [s.code, s]));
  const existing = await tx.entry.findMany({
    where: { centreId, seriesId, candidateId: { in: candidates.map((c) => c.id) } },
    select: { id: true, candidateId: true, specificationId: true, status: true },
  });
  const existingByKey = new Map(existing.map((e) => [`${e.candidateId}|${e.specificationId}`, e]));

  const seen = new Set<string>();
  const checked = rows.map(({ fields, line }) => {
    const rawNumber = fields[0] ?? "";
    const specCode = fields[1] ?? "";
    const errors: ImportRowError[] = [];
    const candidateNumber = /^\d{1,4}$/.test(rawNumber) ? rawNumber.padStart(4, "0") : rawNumber;
    if (fields.length < 2 || fields.slice(2).some((f) => f !== "") || !/^\d{1,4}$/.test(rawNumber) || !specCode)
      errors.push("badRow");
    const candidate = byNumber.get(candidateNumber);
    const spec = byCode.get(specCode);
    if (!errors.includes("badRow")) {
      if (!candidate) errors.push("unknownCandidate");
      if (!spec) errors.push("unknownSpecification");
    }
    const key = `${candidateNumber}|${specCode}`;
    if (seen.has(key)) errors.push("duplicateRow");
    seen.add(key);
    const prior = candidate && spec ? existingByKey.get(`${candidate.id}|${spec.id}`) : undefined;
    if (prior?.status === "ENTERED") errors.push("alreadyEntered");
    return {
      row: {
        line,
        candidateNumber,
        specCode,
        candidateName: candidate ? `${candidate.lastName}, ${candidate.firstName}` : "",
        errors,
      },
      candidateId: candidate?.id,
      specificationId: spec?.id,
      priorId: prior?.id,
    };
  });
  const invalid = checked.filter((c) => c.row.errors.length > 0).length;
  return { checked, preview: { rows: checked.map((c) => c.row), valid: checked.length - invalid, invalid } };
}

async function seriesByCode(seriesCode: string) {
  const code = codeOrEmpty(seriesCode);
  if (!code) return null;
  return getPrisma().series.findUnique({ where: { code } });
}

/** The series an import page is for: the one asked for, else the latest. None: "not found". */
export async function getImportSeries(seriesCode = ""): Promise<Result<{ series: SeriesDto }>> {
  const a = await authorizeEntries("make");
  if (!a.ok) return a;
  const series = seriesCode
    ? await seriesByCode(seriesCode)
    : await getPrisma().series.findFirst({ orderBy: { resultsDay: "desc" } });
  if (!series) return refuse("notFound");
  const { id, code, nameEn, nameCy, entryDeadline } = series;
  return { ok: true, series: { id, code, nameEn, nameCy, entryDeadline } };
}

/** Checks an import file and says, row by row, what is wrong. Saves nothing. */
export async function previewImport(
  seriesCode: string,
  csv: string,
): Promise<Result<{ preview: ImportPreview }> | ImportRefusal> {
  const a = await authorizeEntries("make");
  if (!a.ok) return a;
  const series = await seriesByCode(seriesCode);
  if (!series) return refuse("notFound");
  if (!csv) return refuse("invalid", "importFileRequired");
  const result = await checkImport(
    getPrisma() as unknown as Prisma.TransactionClient,
    a.caller.centreId,
    series.id,
    csv,
  );
  if ("error" in result) return refuse("invalid", result.error);
  return { ok: true, preview: result.preview };
}

export type ImportConfirm = Result<{ created: number; late: boolean }> | ImportRefusal;

/**
 * Saves every row of the file, or none: the file is checked again inside the transaction (the
 * preview is never trusted), and any row with an error saves nothing.
 */
export async function confirmImport(seriesCode: string, csv: string): Promise<ImportConfirm> {
  const a = await authorizeEntries("make");
  if (!a.ok) return a;
  const { caller, at } = a;
  const series = await seriesByCode(seriesCode);
  if (!series) return refuse("notFound");
  if (!csv) return refuse("invalid", "importFileRequired");
  return getPrisma().$transaction(
    async (tx): Promise<ImportConfirm> => {
      const result = await checkImport(tx, caller.centreId, series.id, csv);
      if ("error" in result) return refuse("invalid", result.error);
      if (result.preview.invalid > 0) return { ...refuse("invalid", "importHasErrors"), preview: result.preview };
      const late = isLate(series, at);
      const fresh = result.checked.filter((c) => !c.priorId);
      const again = result.checked.filter((c) => c.priorId).map((c) => c.priorId!);
      await tx.entry.createMany({
        data: fresh.map((c) => ({
          centreId: caller.centreId,
          seriesId: series.id,
          candidateId: c.candidateId!,
          specificationId: c.specificationId!,
          late,
          createdAt: at,
        })),
      });
      if (again.length)
        await tx.entry.updateMany({
          where: { id: { in: again }, centreId: caller.centreId },
          data: { status: "ENTERED", late },
        });
      await audit(tx, {
        action: "entry.imported",
        outcome: "success",
        actorId: caller.userId,
        actorEmail: caller.email,
        centreId: caller.centreId,
        details: { series: series.code, rows: result.checked.length, late },
        at,
      });
      return { ok: true, created: result.checked.length, late };
    },
    { timeout: 30_000 },
  );
}
