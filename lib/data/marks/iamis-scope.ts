import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { getPrisma } from "@/lib/db/client";
import { recordIdSchema } from "@/lib/validation/ids";
import { markDeadlineOf } from "@/lib/marks/iamis";
import type { MarkShape } from "@/lib/marks/rules";

// The building blocks every IAMIS function shares (docs/marks.md, "IAMIS"): a sheet of the
// caller's centre (another centre's is simply not found), its candidates — the centre's live
// entries for the component's specification in the series, in candidate-number order — its
// shape and its deadline. They run after the caller's function has authorized the caller.

type Db = Prisma.TransactionClient | ReturnType<typeof getPrisma>;

const SHEET_INCLUDE = {
  component: {
    include: {
      specification: { select: { code: true, titleEn: true, titleCy: true } },
      questions: { orderBy: { number: "asc" as const }, select: { label: true, maxMark: true } },
    },
  },
  series: { select: { id: true, code: true, nameEn: true, nameCy: true } },
  centre: { select: { id: true, number: true, nameEn: true, nameCy: true } },
} satisfies Prisma.MarkSheetInclude;

export type ScopedSheet = Prisma.MarkSheetGetPayload<{ include: typeof SHEET_INCLUDE }> & {
  deadline: Date | null;
  shape: MarkShape;
};

// internal: the caller's function has authorized a centre caller; scoped by that centre
/** The sheet with this id at this centre, with its component, series, deadline and shape; null when there is none. */
export async function sheetOfCentre(db: Db, centreId: string, sheetId: unknown): Promise<ScopedSheet | null> {
  const id = recordIdSchema.safeParse(sheetId);
  if (!id.success) return null;
  const sheet = await db.markSheet.findFirst({ where: { id: id.data, centreId }, include: SHEET_INCLUDE });
  if (!sheet) return null;
  const perSeries = await db.seriesComponent.findUnique({
    where: { seriesId_componentId: { seriesId: sheet.seriesId, componentId: sheet.componentId } },
    select: { markDeadline: true },
  });
  return {
    ...sheet,
    deadline: markDeadlineOf(perSeries?.markDeadline, sheet.component.markDeadline),
    shape: { maxMark: sheet.component.maxMark, questions: sheet.component.questions },
  };
}

export type SheetEntry = { id: string; candidateNumber: string; firstName: string; lastName: string };

// internal: a where-clause for a sheet the caller's function has already scoped to its centre
/** Where-clause of a sheet's candidates: the centre's live entries for the component's specification in the series. */
export function sheetEntriesWhere(sheet: {
  centreId: string;
  seriesId: string;
  component: { specificationId: string };
}): Prisma.EntryWhereInput {
  return {
    centreId: sheet.centreId,
    seriesId: sheet.seriesId,
    specificationId: sheet.component.specificationId,
    status: "ENTERED",
  };
}

// internal: reads the candidates of a sheet the caller's function has already scoped to its centre
/** The sheet's candidates in candidate-number order. */
export async function sheetEntries(db: Db, sheet: ScopedSheet): Promise<SheetEntry[]> {
  const rows = await db.entry.findMany({
    where: sheetEntriesWhere(sheet),
    select: { id: true, candidate: { select: { candidateNumber: true, firstName: true, lastName: true } } },
    orderBy: { candidate: { candidateNumber: "asc" } },
  });
  return rows.map((r) => ({ id: r.id, ...r.candidate }));
}

// internal: formats a name the caller's function has already read
/** A candidate's name as the sheets show it. */
export const nameOf = (c: { firstName: string; lastName: string }) => `${c.lastName}, ${c.firstName}`;

// internal: locks a sheet the caller's function has already scoped, inside its transaction
/**
 * The sheet's status, read with a lock: FOR SHARE lets saves run side by side but makes a
 * submit wait for them (and them for it); FOR UPDATE is the submit's own.
 */
export async function lockedStatus(
  tx: Prisma.TransactionClient,
  sheetId: string,
  mode: "share" | "update",
): Promise<string | null> {
  const rows =
    mode === "share"
      ? await tx.$queryRaw<
          { status: string }[]
        >`SELECT "status"::text AS "status" FROM "MarkSheet" WHERE "id" = ${sheetId} FOR SHARE`
      : await tx.$queryRaw<
          { status: string }[]
        >`SELECT "status"::text AS "status" FROM "MarkSheet" WHERE "id" = ${sheetId} FOR UPDATE`;
  return rows[0]?.status ?? null;
}
