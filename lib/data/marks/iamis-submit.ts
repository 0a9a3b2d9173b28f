import "server-only";
import { authorizeCentre, refuse, requestInfo, type Refusal, type Result } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import { readMarks } from "@/lib/data/marks/engine";
import { drawSample } from "@/lib/marks/moderation";
import { pastDeadline } from "@/lib/marks/iamis";
import { isEntered } from "@/lib/marks/rules";
import { lockedStatus, nameOf, sheetEntries, sheetOfCentre } from "./iamis-scope";

// Submitting a sheet and its moderation sample (docs/marks.md, "IAMIS"). Submitting needs the
// confirmation that the candidates have been told their marks and a mark or code for every
// candidate; it locks the sheet (late when after the deadline) and draws the sample at once
// from the candidates with a numeric mark — always the highest and the lowest. After that only
// board staff may unlock the sheet.

export type SubmitRefusal = Refusal & { readonly missing?: number };

/** Submits an open sheet: locks it, draws the sample, audits it, all in one transaction. */
export async function submitSheet(
  sheetId: string,
  confirmedToldCandidates: boolean,
): Promise<Result<{ sampled: number; late: boolean }> | SubmitRefusal> {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const { caller, at } = a;
  const db = getPrisma();
  const sheet = await sheetOfCentre(db, caller.centreId, sheetId);
  if (!sheet) return refuse("notFound");
  if (sheet.status !== "OPEN") return refuse("conflict", "iamisSheetLocked");
  if (confirmedToldCandidates !== true) return refuse("invalid", "iamisNotConfirmed");
  const { ip } = await requestInfo();

  return db.$transaction(
    async (tx): Promise<Result<{ sampled: number; late: boolean }> | SubmitRefusal> => {
      // Waits for saves in flight (they hold the row FOR SHARE); later saves wait for this.
      if ((await lockedStatus(tx, sheet.id, "update")) !== "OPEN") return refuse("conflict", "iamisSheetLocked");
      const entries = await sheetEntries(tx, sheet);
      if (!entries.length) return refuse("invalid", "iamisNoCandidates");
      const marks = await readMarks(
        tx,
        sheet.componentId,
        "CENTRE",
        entries.map((e) => e.id),
      );
      const missing = entries.filter(
        (e) => !isEntered(marks.get(e.id)?.value ?? { code: null, total: null, items: null }),
      );
      if (missing.length) return { ...refuse("invalid", "iamisIncomplete"), missing: missing.length };

      const cohort = entries.flatMap((e) => {
        const total = marks.get(e.id)?.value.total;
        return typeof total === "number" ? [{ id: e.id, mark: total }] : [];
      });
      const sample = drawSample(cohort);
      const late = pastDeadline(sheet.deadline, at);
      await tx.markSheet.update({
        where: { id: sheet.id },
        data: { status: "SUBMITTED", submittedAt: at, submittedById: caller.userId, late },
      });
      await tx.markSample.deleteMany({ where: { sheetId: sheet.id } });
      await tx.markSample.createMany({ data: sample.map((s) => ({ sheetId: sheet.id, entryId: s.id })) });
      await audit(tx, {
        action: "iamis.submitted",
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
          candidates: entries.length,
          late,
          sample: sample.map((s) => s.id),
          // The marks as submitted, by entry: what the lock froze.
          marks: Object.fromEntries(
            entries.map((e) => {
              const v = marks.get(e.id)!.value;
              return [e.id, v.code ?? v.total];
            }),
          ),
        },
      });
      return { ok: true, sampled: sample.length, late };
    },
    { timeout: 30_000 },
  );
}

export type SampleSheet = {
  id: string;
  status: "OPEN" | "SUBMITTED" | "MODERATED";
  component: { code: string; titleEn: string; titleCy: string; maxMark: number };
  series: { code: string; nameEn: string; nameCy: string };
  centre: { number: string; nameEn: string; nameCy: string };
  submittedAt: Date | null;
};

export type SampleRow = {
  entryId: string;
  candidateNumber: string;
  name: string;
  mark: number | null;
  highest: boolean;
  lowest: boolean;
};

/**
 * The moderation sample of a submitted sheet in candidate-number order, with the centre's
 * marks; the highest and lowest marked. Before the sheet is submitted there is no sample.
 */
export async function getSample(sheetId: string): Promise<
  Result<{
    sheet: SampleSheet;
    submitted: boolean;
    rows: SampleRow[];
    cohort: number;
  }>
> {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const { caller } = a;
  const db = getPrisma();
  const sheet = await sheetOfCentre(db, caller.centreId, sheetId);
  if (!sheet) return refuse("notFound");
  const entries = await sheetEntries(db, sheet);
  const marks = await readMarks(
    db,
    sheet.componentId,
    "CENTRE",
    entries.map((e) => e.id),
  );
  const numeric = entries.flatMap((e) => {
    const total = marks.get(e.id)?.value.total;
    return typeof total === "number" ? [total] : [];
  });
  const submitted = sheet.status !== "OPEN";
  const { code, titleEn, titleCy, maxMark } = sheet.component;
  const dto: SampleSheet = {
    id: sheet.id,
    status: sheet.status,
    component: { code, titleEn, titleCy, maxMark },
    series: sheet.series,
    centre: sheet.centre,
    submittedAt: sheet.submittedAt,
  };
  if (!submitted) return { ok: true, sheet: dto, submitted, rows: [], cohort: numeric.length };
  const sampled = new Set(
    (await db.markSample.findMany({ where: { sheetId: sheet.id }, select: { entryId: true } })).map((s) => s.entryId),
  );
  const top = Math.max(...numeric);
  const bottom = Math.min(...numeric);
  const rows = entries
    .filter((e) => sampled.has(e.id))
    .map((e): SampleRow => {
      const mark = marks.get(e.id)?.value.total ?? null;
      return {
        entryId: e.id,
        candidateNumber: e.candidateNumber,
        name: nameOf(e),
        mark,
        highest: mark !== null && mark === top,
        lowest: mark !== null && mark === bottom,
      };
    });
  return { ok: true, sheet: dto, submitted, rows, cohort: numeric.length };
}
