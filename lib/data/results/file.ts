import "server-only";
import { getPrisma } from "@/lib/db/client";
import { isReleased, refuse, type Result } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import type { ResultsFileRow } from "@/lib/results/files";
import { checkedKey, type A2CKey } from "@/lib/data/a2c/keys";
import { openDownload } from "./download";

// The results file (layout: lib/results/files.ts): one row per result (candidate ×
// specification) of a centre in a series, in candidate-number order, then specification code.
// Served to a signed-in person (GET /api/results/file) and to the centre's A2C key (the A2C API),
// each after its own release check; the rows themselves are read here only.

type Options = { batchSize?: number };

/**
 * The caller's centre's results file for a series: not found before the caller's release time
 * (and recorded), audited when served. `rows` is read lazily, `batchSize` candidates at a time.
 */
export async function resultsFile(
  seriesCode: string,
  options: Options = {},
): Promise<Result<{ filename: string; seriesCode: string; rows: AsyncGenerator<ResultsFileRow> }>> {
  const download = await openDownload(seriesCode, "results.file-downloaded");
  if (!download.ok) return download;
  await download.record({});
  const { series, centreNumber, caller } = download;
  return {
    ok: true,
    filename: `results-${centreNumber}-${series.code}.csv`,
    seriesCode: series.code,
    rows: fileRows({ centreId: caller.centreId, seriesId: series.id }, options?.batchSize),
  };
}

// public: authenticates an A2C key, not a session
/**
 * The results file rows of an A2C key's centre for a series (by id; unknown → not found). Before
 * the key's release (lib/auth/release.ts, service "a2c") `released` is false and there are no
 * rows, exactly as for a series without results.
 */
export async function resultsFileForKey(
  key: A2CKey,
  seriesId: string,
  options: Options = {},
): Promise<Result<{ released: boolean; rows: AsyncGenerator<ResultsFileRow> }>> {
  const checked = await checkedKey(key);
  if (!checked.ok) return checked;
  const series = seriesId
    ? await getPrisma().series.findUnique({
        where: { id: seriesId },
        select: { id: true, restrictedReleaseAt: true, releaseAt: true },
      })
    : null;
  if (!series) return refuse("notFound");
  const released = isReleased(checked.key, series, "a2c", now());
  const rows = released
    ? fileRows({ centreId: checked.key.centreId, seriesId: series.id }, options?.batchSize)
    : none();
  return { ok: true, released, rows };
}

async function* none(): AsyncGenerator<ResultsFileRow> {}

/**
 * The rows of a centre's results file for a series. Reads `batchSize` candidates at a time with
 * keyset pagination on the candidate number (then their results in one query), so memory stays
 * flat however large the centre. Only ever called after the caller's release check above.
 */
async function* fileRows(
  scope: { centreId: string; seriesId: string },
  batchSize = 1000,
): AsyncGenerator<ResultsFileRow> {
  const db = getPrisma();
  const [centre, series] = await Promise.all([
    db.centre.findUnique({ where: { id: scope.centreId }, select: { number: true } }),
    db.series.findUnique({ where: { id: scope.seriesId }, select: { code: true } }),
  ]);
  if (!centre || !series) return;
  const size = Math.max(1, Math.floor(batchSize));
  let after = "";
  for (;;) {
    const candidates = await db.candidate.findMany({
      where: {
        centreId: scope.centreId,
        candidateNumber: { gt: after },
        entries: { some: { seriesId: scope.seriesId, result: { isNot: null } } },
      },
      select: { id: true, candidateNumber: true, uci: true, firstName: true, lastName: true, dateOfBirth: true },
      orderBy: { candidateNumber: "asc" },
      take: size,
    });
    if (candidates.length === 0) return;
    after = candidates[candidates.length - 1].candidateNumber;
    const results = await db.result.findMany({
      where: {
        centreId: scope.centreId,
        seriesId: scope.seriesId,
        entry: { candidateId: { in: candidates.map((c) => c.id) } },
      },
      select: {
        grade: true,
        uniformMark: true,
        entry: {
          select: {
            candidateId: true,
            specification: { select: { code: true, titleEn: true, qualification: { select: { code: true } } } },
          },
        },
        components: { select: { mark: true, component: { select: { code: true } } } },
      },
    });
    const byCandidate = new Map<string, typeof results>();
    for (const r of results) {
      const list = byCandidate.get(r.entry.candidateId);
      if (list) list.push(r);
      else byCandidate.set(r.entry.candidateId, [r]);
    }
    for (const c of candidates) {
      const list = (byCandidate.get(c.id) ?? []).sort((a, b) =>
        a.entry.specification.code.localeCompare(b.entry.specification.code),
      );
      for (const r of list) {
        const marks = r.components
          .map((x) => [x.component.code, x.mark] as const)
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([code, mark]) => `${code}:${mark}`)
          .join(";");
        yield {
          centreNumber: centre.number,
          seriesCode: series.code,
          candidateNumber: c.candidateNumber,
          uci: c.uci,
          surname: c.lastName,
          forenames: c.firstName,
          dateOfBirth: c.dateOfBirth.toISOString().slice(0, 10),
          qualification: r.entry.specification.qualification.code,
          specificationCode: r.entry.specification.code,
          specificationTitle: r.entry.specification.titleEn,
          grade: r.grade,
          uniformMark: r.uniformMark,
          componentMarks: marks,
        };
      }
    }
    if (candidates.length < size) return;
  }
}
