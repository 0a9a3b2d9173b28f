import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import type { LiveSession } from "@/lib/data/identity/sessions";
import type { EntryStatus } from "@/lib/generated/prisma/enums";
import { parseCsv } from "@/lib/csv";
import { IMPORT_MAX_BYTES } from "@/lib/validation/entries";
import { accessOf, FORBIDDEN, NOT_FOUND, type Denied } from "./access";

// Entries per series (issue 6 §Entries). EO/Admins make entries; Users with the permission
// only read them. An entry made after series.entryDeadline is late (the instant itself is not).

export type SeriesDto = { id: string; code: string; nameEn: string; nameCy: string; entryDeadline: Date };
export type SpecDto = { id: string; code: string; titleEn: string; titleCy: string; qualification: string };
export type EntryDto = {
  id: string;
  candidate: { id: string; candidateNumber: string; uci: string; firstName: string; lastName: string };
  spec: { id: string; code: string; titleEn: string; titleCy: string };
  status: EntryStatus;
  late: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const isLate = (series: { entryDeadline: Date }, at: Date) => at.getTime() > series.entryDeadline.getTime();

const SERIES_SELECT = { id: true, code: true, nameEn: true, nameCy: true, entryDeadline: true } as const;

export async function listSeries(session: LiveSession): Promise<{ ok: true; series: SeriesDto[] } | Denied> {
  if (!accessOf(session).access) return FORBIDDEN;
  const series = await getPrisma().series.findMany({ select: SERIES_SELECT, orderBy: { resultsDay: "desc" } });
  return { ok: true, series };
}

export async function listSpecifications(): Promise<SpecDto[]> {
  const specs = await getPrisma().specification.findMany({
    include: { qualification: true },
    orderBy: { code: "asc" },
  });
  return specs.map((s) => ({
    id: s.id,
    code: s.code,
    titleEn: s.titleEn,
    titleCy: s.titleCy,
    qualification: s.qualification.code,
  }));
}

export type EntryFilters = { spec?: string; status?: string };

/** The centre's entries in a series, with optional specification code and status filters. */
export async function listEntries(
  session: LiveSession,
  seriesCode: string,
  filters: EntryFilters = {},
): Promise<{ ok: true; access: "make" | "view"; series: SeriesDto; entries: EntryDto[] } | Denied> {
  const { access, centreId } = accessOf(session);
  if (!access || !centreId) return FORBIDDEN;
  const series = await getPrisma().series.findUnique({ where: { code: seriesCode }, select: SERIES_SELECT });
  if (!series) return NOT_FOUND;
  const status = filters.status === "ENTERED" || filters.status === "WITHDRAWN" ? filters.status : undefined;
  const rows = await getPrisma().entry.findMany({
    where: {
      centreId,
      seriesId: series.id,
      ...(status ? { status } : {}),
      ...(filters.spec ? { specification: { code: filters.spec } } : {}),
    },
    include: { candidate: true, specification: true },
    orderBy: [{ candidate: { candidateNumber: "asc" } }, { specification: { code: "asc" } }],
  });
  return {
    ok: true,
    access,
    series,
    entries: rows.map((e) => ({
      id: e.id,
      candidate: {
        id: e.candidate.id,
        candidateNumber: e.candidate.candidateNumber,
        uci: e.candidate.uci,
        firstName: e.candidate.firstName,
        lastName: e.candidate.lastName,
      },
      spec: {
        id: e.specification.id,
        code: e.specification.code,
        titleEn: e.specification.titleEn,
        titleCy: e.specification.titleCy,
      },
      status: e.status,
      late: e.late,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    })),
  };
}

export type EnterResult = { ok: true; late: boolean } | Denied | { ok: false; fieldErrors: Record<string, string[]> };

/** Enters a candidate of the centre for a specification; a withdrawn entry is entered again. */
export async function enterCandidate(
  session: LiveSession,
  input: { seriesId: string; candidateId: string; specificationId: string },
  now: Date,
): Promise<EnterResult> {
  const { access, centreId } = accessOf(session);
  if (access !== "make" || !centreId) return FORBIDDEN;
  return getPrisma().$transaction(async (tx) => {
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, centreId },
      select: { id: true },
    });
    if (!candidate) return NOT_FOUND;
    const series = await tx.series.findUnique({ where: { id: input.seriesId } });
    if (!series) return NOT_FOUND;
    const spec = await tx.specification.findUnique({
      where: { id: input.specificationId },
      select: { id: true, code: true },
    });
    if (!spec) return { ok: false as const, fieldErrors: { specificationId: ["unknownSpecification"] } };
    const late = isLate(series, now);
    const existing = await tx.entry.findUnique({
      where: {
        candidateId_seriesId_specificationId: {
          candidateId: candidate.id,
          seriesId: series.id,
          specificationId: spec.id,
        },
      },
    });
    if (existing?.status === "ENTERED")
      return { ok: false as const, fieldErrors: { specificationId: ["alreadyEntered"] } };
    const entry = existing
      ? await tx.entry.update({ where: { id: existing.id }, data: { status: "ENTERED", late } })
      : await tx.entry.create({
          data: {
            centreId,
            candidateId: candidate.id,
            seriesId: series.id,
            specificationId: spec.id,
            late,
            createdAt: now,
          },
        });
    await audit(tx, {
      action: "entry.created",
      outcome: "success",
      actorId: session.user.id,
      actorEmail: session.user.email,
      centreId,
      details: { entryId: entry.id, series: series.code, spec: spec.code, late },
      at: now,
    });
    return { ok: true as const, late };
  });
}

/** Withdraws an entry of the centre. Withdrawing twice changes nothing. */
export async function withdrawEntry(session: LiveSession, entryId: string, now: Date): Promise<{ ok: true } | Denied> {
  const { access, centreId } = accessOf(session);
  if (access !== "make" || !centreId) return FORBIDDEN;
  return getPrisma().$transaction(async (tx) => {
    const entry = await tx.entry.findFirst({ where: { id: entryId, centreId } });
    if (!entry) return NOT_FOUND;
    if (entry.status === "WITHDRAWN") return { ok: true as const };
    await tx.entry.update({ where: { id: entry.id }, data: { status: "WITHDRAWN" } });
    await audit(tx, {
      action: "entry.withdrawn",
      outcome: "success",
      actorId: session.user.id,
      actorEmail: session.user.email,
      centreId,
      details: { entryId: entry.id },
      at: now,
    });
    return { ok: true as const };
  });
}

// ─────────────── CSV import ───────────────

export type ImportRowError = "badRow" | "unknownCandidate" | "unknownSpecification" | "duplicateRow" | "alreadyEntered";
export type ImportRow = {
  line: number;
  candidateNumber: string;
  specCode: string;
  candidateName: string;
  errors: ImportRowError[];
};
export type ImportPreview = { rows: ImportRow[]; valid: number; invalid: number };
export type ImportCheck =
  | { ok: true; preview: ImportPreview }
  | Denied
  | { ok: false; formError: "importEmpty" | "importTooLarge" | "importTooManyRows" | "importMalformed" };

export const IMPORT_MAX_ROWS = 5000;

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>["$transaction"]>[0]>[0];

async function checkImport(tx: Tx, centreId: string, seriesId: string, csv: string) {
  if (Buffer.byteLength(csv, "utf8") > IMPORT_MAX_BYTES) return { error: "importTooLarge" as const };
  let parsed: string[][];
  try {
    parsed = parseCsv(csv);
  } catch {
    return { error: "importMalformed" as const };
  }
  let rows = parsed.map((fields, i) => ({ fields: fields.map((f) => f.trim()), line: i + 1 }));
  // A header row is allowed: a first row whose first field is not a candidate number.
  if (rows.length > 0 && !/^\d+$/.test(rows[0].fields[0] ?? "")) rows = rows.slice(1);
  if (rows.length === 0) return { error: "importEmpty" as const };
  if (rows.length > IMPORT_MAX_ROWS) return { error: "importTooManyRows" as const };

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

async function resolveSeries(seriesCode: string) {
  return getPrisma().series.findUnique({ where: { code: seriesCode } });
}

/** Checks an import file and says, row by row, what is wrong. Saves nothing. */
export async function previewImport(session: LiveSession, seriesCode: string, csv: string): Promise<ImportCheck> {
  const { access, centreId } = accessOf(session);
  if (access !== "make" || !centreId) return FORBIDDEN;
  const series = await resolveSeries(seriesCode);
  if (!series) return NOT_FOUND;
  const result = await checkImport(getPrisma() as unknown as Tx, centreId, series.id, csv);
  if ("error" in result) return { ok: false, formError: result.error! };
  return { ok: true, preview: result.preview };
}

export type ImportConfirm =
  | { ok: true; created: number; late: boolean }
  | Denied
  | {
      ok: false;
      formError: "importEmpty" | "importTooLarge" | "importTooManyRows" | "importMalformed" | "importHasErrors";
      preview?: ImportPreview;
    };

/**
 * Saves every row of the file, or none: the file is checked again inside the transaction (the
 * preview is never trusted), and any row with an error saves nothing.
 */
export async function confirmImport(
  session: LiveSession,
  seriesCode: string,
  csv: string,
  now: Date,
): Promise<ImportConfirm> {
  const { access, centreId } = accessOf(session);
  if (access !== "make" || !centreId) return FORBIDDEN;
  const series = await resolveSeries(seriesCode);
  if (!series) return NOT_FOUND;
  return getPrisma().$transaction(
    async (tx) => {
      const result = await checkImport(tx, centreId, series.id, csv);
      if ("error" in result) return { ok: false as const, formError: result.error! };
      if (result.preview.invalid > 0)
        return { ok: false as const, formError: "importHasErrors" as const, preview: result.preview };
      const late = isLate(series, now);
      const fresh = result.checked.filter((c) => !c.priorId);
      const again = result.checked.filter((c) => c.priorId).map((c) => c.priorId!);
      await tx.entry.createMany({
        data: fresh.map((c) => ({
          centreId,
          seriesId: series.id,
          candidateId: c.candidateId!,
          specificationId: c.specificationId!,
          late,
          createdAt: now,
        })),
      });
      if (again.length)
        await tx.entry.updateMany({ where: { id: { in: again }, centreId }, data: { status: "ENTERED", late } });
      await audit(tx, {
        action: "entry.imported",
        outcome: "success",
        actorId: session.user.id,
        actorEmail: session.user.email,
        centreId,
        details: { series: series.code, rows: result.checked.length, late },
        at: now,
      });
      return { ok: true as const, created: result.checked.length, late };
    },
    { timeout: 30_000 },
  );
}

// ─────────────── export ───────────────

export const ENTRY_COLUMNS = [
  "candidate_number",
  "uci",
  "surname",
  "forenames",
  "date_of_birth",
  "specification_code",
  "specification_title",
  "status",
  "late",
  "entered_at",
] as const;
export type EntryFileRow = Record<(typeof ENTRY_COLUMNS)[number], string>;

/**
 * The entries of one centre in one series as file rows. The caller has already established
 * that the centre is the caller's own (exportEntries below, or an A2C key of that centre).
 */
export async function* centreEntryRows(
  scope: { centreId: string; seriesId: string },
  batchSize = 2000,
): AsyncGenerator<EntryFileRow> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await getPrisma().entry.findMany({
      where: { centreId: scope.centreId, seriesId: scope.seriesId },
      include: { candidate: true, specification: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const e of rows) {
      yield {
        candidate_number: e.candidate.candidateNumber,
        uci: e.candidate.uci,
        surname: e.candidate.lastName,
        forenames: e.candidate.firstName,
        date_of_birth: e.candidate.dateOfBirth.toISOString().slice(0, 10),
        specification_code: e.specification.code,
        specification_title: e.specification.titleEn,
        status: e.status,
        late: e.late ? "Y" : "N",
        entered_at: e.createdAt.toISOString(),
      };
    }
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1].id;
  }
}

/** Export: the caller's centre's entries in a series (any entries access, view included). */
export async function exportEntries(
  session: LiveSession,
  seriesCode: string,
): Promise<{ ok: true; series: { id: string; code: string }; rows: AsyncGenerator<EntryFileRow> } | Denied> {
  const { access, centreId } = accessOf(session);
  if (!access || !centreId) return FORBIDDEN;
  const series = await resolveSeries(seriesCode);
  if (!series) return NOT_FOUND;
  return {
    ok: true,
    series: { id: series.id, code: series.code },
    rows: centreEntryRows({ centreId, seriesId: series.id }),
  };
}
