// The world of the IAMIS tests (tests/integration/iamis-*.test.ts): the catalogue and the June
// 2027 series; centre A with candidates entered for GCSE Welsh Language (its oracy, 9541/01,
// is internally assessed, out of 60) and centre B with one of its own; signed-in sessions for
// every kind of caller. Each test file builds its own world on its own database, with the
// next-mocks' vi.mock lines in the file.
import { randomBytes } from "node:crypto";
import type { Centre, Component, Series } from "@/lib/generated/prisma/client";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { listSheets } from "@/lib/data/marks/iamis-sheets";
import { saveSheetMark } from "@/lib/data/marks/iamis-save";
import type { MarkValue } from "@/lib/marks/rules";
import { createCandidates, createCentre, createQualificationCatalogue, createSeries } from "../../factories";
import type { CreateUserOptions } from "../../factories/users";
import { actAs } from "../../utils/act-as";
import { signedInActor } from "../../utils/sessions";
import { createTestDb, type TestDb } from "../../utils/test-db";

/** Before the oracy deadline (23:59 on 5 May 2027, London). */
export const T0 = new Date("2027-04-01T09:00:00Z");
export const ORACY_DEADLINE = new Date("2027-05-05T22:59:00Z");

export type Who = "eo" | "admin" | "adminBare" | "userIamis" | "user" | "appointee" | "board" | "eoB";

export type IamisWorld = {
  db: TestDb;
  centreA: Centre;
  centreB: Centre;
  series: Series;
  oracy: Component;
  s: Record<Who, LiveSession>;
  /** The caller (and the server's clock) of the next data-layer calls; a minute on each time by default. */
  as(who: Who | null, at?: Date): Promise<void>;
  /** `n` more candidates of a centre entered for Welsh Language in a series; their entry ids in number order. */
  enter(centre: Centre, n: number, series?: Series): Promise<string[]>;
  /** A centre's oracy sheet in a series (made as its EO lists the series); its id. */
  sheetOf(centre: Centre, series?: Series): Promise<string>;
  /** A new series (each has its own sheets). */
  newSeries(): Promise<Series>;
};

export const mark = (total: number | null, code: "A" | "W" | null = null): MarkValue => ({ code, total, items: null });
export const key = () => randomBytes(16).toString("hex");

/** A save as the grid sends it. */
export const saveOf = (value: MarkValue, baseVersion: number, k = key()) => ({ key: k, baseVersion, value });

export async function buildIamisWorld(): Promise<IamisWorld> {
  const db = await createTestDb();
  try {
    return await populate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function populate(db: TestDb): Promise<IamisWorld> {
  const p = db.prisma;
  const centreA = await createCentre(p);
  const centreB = await createCentre(p);
  await createQualificationCatalogue(p, { only: ["9521", "9541"] });
  const series = await createSeries(p);
  const oracy = await p.component.findUniqueOrThrow({ where: { code: "9541/01" } });
  const actor = (options: CreateUserOptions) => signedInActor(p, options, T0);
  const s: IamisWorld["s"] = {
    eo: await actor({ role: "EXAMS_OFFICER", centre: centreA, name: "Siân Prys" }),
    admin: await actor({ role: "ADMIN", centre: centreA, grants: ["iamis"], name: "Catrin Huws" }),
    adminBare: await actor({ role: "ADMIN", centre: centreA, grants: [] }),
    userIamis: await actor({ role: "USER", centre: centreA, grants: ["iamis"], name: "Ffion Rhydderch" }),
    user: await actor({ role: "USER", centre: centreA, grants: [] }),
    appointee: await actor({ role: "APPOINTEE", centre: null, appointeeType: "MODERATOR" }),
    board: await actor({ role: "BOARD_STAFF", centre: null }),
    eoB: await actor({ role: "EXAMS_OFFICER", centre: centreB }),
  };
  const numbers = new Map<string, number>();
  let minutes = 0;

  const world: IamisWorld = {
    db,
    centreA,
    centreB,
    series,
    oracy,
    s,
    async as(who, at) {
      const when = at ?? new Date(T0.getTime() + ++minutes * 60_000);
      await actAs(p, who ? s[who] : null, when);
    },
    async enter(centre, n, inSeries = series) {
      const from = (numbers.get(centre.id) ?? 0) + 1;
      numbers.set(centre.id, from + n - 1);
      const candidates = await createCandidates(p, centre, n, { startNumber: from, cohort: "gcse" });
      const entries = await p.entry.createManyAndReturn({
        data: candidates.map((c) => ({
          centreId: centre.id,
          candidateId: c.id,
          seriesId: inSeries.id,
          specificationId: oracy.specificationId,
        })),
      });
      const byCandidate = new Map(entries.map((e) => [e.candidateId, e.id]));
      return candidates.map((c) => byCandidate.get(c.id)!);
    },
    async sheetOf(centre, inSeries = series) {
      const existing = await p.markSheet.findUnique({
        where: { centreId_seriesId_componentId: { centreId: centre.id, seriesId: inSeries.id, componentId: oracy.id } },
      });
      if (existing) return existing.id;
      await world.as(centre.id === centreA.id ? "eo" : "eoB");
      const listed = await listSheets(inSeries.code);
      if (!listed.ok) throw new Error(`cannot list: ${JSON.stringify(listed)}`);
      const sheet = listed.sheets.find((x) => x.componentCode === "9541/01");
      if (!sheet) throw new Error("no oracy sheet listed");
      return sheet.id;
    },
    async newSeries() {
      const year = 2030 + Math.floor(Math.random() * 60);
      const month = 1 + Math.floor(Math.random() * 12);
      return createSeries(p, { code: `${year}-${String(month).padStart(2, "0")}-${key().slice(0, 6)}` });
    },
  };
  return world;
}

/** Saves marks for entries of a sheet (from version 0), as whoever is acting. */
export async function fill(sheetId: string, entryIds: readonly string[], marks: readonly MarkValue[]) {
  for (let i = 0; i < entryIds.length; i++) {
    const r = await saveSheetMark(sheetId, entryIds[i], saveOf(marks[i], 0));
    if (!r.ok) throw new Error(`save ${i} refused: ${JSON.stringify(r)}`);
  }
}
