// A results import file (docs/results-import-format.md) written from what a database holds for a
// series: the header, then each result row followed by its component rows, centre by centre,
// then the series' grade boundaries. The integration tests import it back; bench/
// results-import-file.ts writes a whole board's series with it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RESULTS_IMPORT_HEADER } from "@/lib/board/results-import";

type Db = Pick<PrismaClient, "$queryRawUnsafe">;

const line = (cells: readonly (string | number | null)[]) => `${cells.map((c) => c ?? "").join(",")}\r\n`;

/** The file's lines (CRLF-terminated), `centresPerBatch` centres per query. */
export async function* resultsImportLines(
  db: Db,
  seriesId: string,
  options: { centresPerBatch?: number } = {},
): AsyncGenerator<string> {
  const perBatch = options.centresPerBatch ?? 50;
  yield line(RESULTS_IMPORT_HEADER);
  const centres = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT DISTINCT "centreId" AS id FROM "Result" WHERE "seriesId" = $1 ORDER BY 1`,
    seriesId,
  );
  for (let i = 0; i < centres.length; i += perBatch) {
    const ids = centres.slice(i, i + perBatch).map((c) => c.id);
    const results = await db.$queryRawUnsafe<
      { id: string; centre: string; candidate: string; spec: string; grade: string; uniform: number | null }[]
    >(
      `SELECT r.id, c.number AS centre, ca."candidateNumber" AS candidate, s.code AS spec, r.grade,
              r."uniformMark" AS uniform
         FROM "Result" r
         JOIN "Entry" e ON e.id = r."entryId"
         JOIN "Candidate" ca ON ca.id = e."candidateId"
         JOIN "Centre" c ON c.id = r."centreId"
         JOIN "Specification" s ON s.id = e."specificationId"
        WHERE r."seriesId" = $1 AND r."centreId" = ANY($2::text[])
        ORDER BY c.number, ca."candidateNumber", s.code`,
      seriesId,
      ids,
    );
    const components = await db.$queryRawUnsafe<{ resultId: string; code: string; mark: number; items: string }[]>(
      `SELECT cr."resultId", co.code, cr.mark, array_to_string(cr."itemMarks", ';') AS items
         FROM "ComponentResult" cr
         JOIN "Result" r ON r.id = cr."resultId"
         JOIN "Component" co ON co.id = cr."componentId"
        WHERE r."seriesId" = $1 AND r."centreId" = ANY($2::text[])
        ORDER BY co.code`,
      seriesId,
      ids,
    );
    const byResult = new Map<string, typeof components>();
    for (const c of components) {
      const list = byResult.get(c.resultId);
      if (list) list.push(c);
      else byResult.set(c.resultId, [c]);
    }
    let chunk = "";
    for (const r of results) {
      chunk += line(["result", r.centre, r.candidate, r.spec, r.grade, r.uniform, "", "", ""]);
      for (const c of byResult.get(r.id) ?? [])
        chunk += line(["component", r.centre, r.candidate, r.spec, "", "", c.code, c.mark, c.items]);
    }
    yield chunk;
  }
  const boundaries = await db.$queryRawUnsafe<{ code: string; grade: string; minMark: number }[]>(
    `SELECT co.code, b.grade, b."minMark" FROM "GradeBoundary" b JOIN "Component" co ON co.id = b."componentId"
      WHERE b."seriesId" = $1 ORDER BY co.code, b."minMark" DESC`,
    seriesId,
  );
  let chunk = "";
  for (const b of boundaries) chunk += line(["boundary", "", "", "", b.grade, "", b.code, b.minMark, ""]);
  yield chunk;
}

/** The whole file as one string (small series only). */
export async function resultsImportCsv(db: Db, seriesId: string): Promise<string> {
  let text = "";
  for await (const part of resultsImportLines(db, seriesId)) text += part;
  return text;
}
