// Board staff's series and results days (docs/product-rules.md, "Results embargo"), on a real
// database: through the server actions as the form posts them (London dates and times), and the
// data layer behind them. The caller and the clock come from actAs (tests/utils/act-as.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { redirectTarget } from "../utils/next-mocks";
import { createCentre } from "../factories/centres";
import type { CreateUserOptions } from "../factories/users";
import { signedInActor } from "../utils/sessions";
import { createQualificationCatalogue, type Catalogue } from "../factories/catalogue";
import { createSeries as seriesFactory } from "../factories/series";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { createSeries, getSeries, listSeries, updateSeries } from "@/lib/data/board/series";
import { saveSeriesComponents } from "@/lib/data/board/series-components";
import { welcomePanel } from "@/lib/data/services/welcome";
import { myMarkDeadlines } from "@/lib/data/marks/appointee-deadlines";
import { parseCalendarDate } from "@/lib/board/series-times";
import type { ActionState } from "@/lib/validation/action-state";
import {
  createSeriesAction,
  saveSeriesComponentsAction,
  updateSeriesAction,
} from "@/app/(portal)/board/series/actions";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
let catalogue: Catalogue;
let board: LiveSession;
const T0 = new Date("2026-01-10T10:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  catalogue = await createQualificationCatalogue(db.prisma);
  board = await actor({ role: "BOARD_STAFF", centre: null });
});
afterAll(async () => db?.close());

const actor = (options: CreateUserOptions) => signedInActor(db.prisma, options, T0);

let minutes = 0;
/** `session` calls next, a minute after the last call by default (so audit rows fall in order). */
const as = (session: LiveSession | null, at = new Date(T0.getTime() + ++minutes * 60_000)) =>
  actAs(db.prisma, session, at);

/** The latest audit row of an action about a series. */
const lastEvent = (action: string, seriesId: string) =>
  db.prisma.auditEvent.findFirstOrThrow({
    where: { action, details: { path: ["seriesId"], equals: seriesId } },
    orderBy: { at: "desc" },
  });

let codes = 0;
/** A series code no test has used yet (years 2040 on). */
const freshCode = () => {
  const n = codes++;
  return `${2040 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
};

const fd = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

/** The series form as a board member fills it in: results day in August, release times left to the defaults. */
const seriesForm = (overrides: Record<string, string> = {}) => ({
  code: freshCode(),
  nameEn: "June 2027",
  nameCy: "Mehefin 2027",
  resultsDay: "2027-08-19",
  restrictedDate: "",
  restrictedTime: "",
  releaseDate: "",
  releaseTime: "",
  entryDeadlineDate: "2027-02-21",
  entryDeadlineTime: "23:59",
  ...overrides,
});

/** Posts an action; its redirect target when it succeeded, else its state. */
async function post(
  action: (prev: ActionState, data: FormData) => Promise<ActionState>,
  values: Record<string, string>,
): Promise<{ redirect: string } | { state: ActionState }> {
  try {
    return { state: await action({}, fd(values)) };
  } catch (error) {
    const to = redirectTarget(error);
    if (to === null) throw error;
    return { redirect: to };
  }
}

const seriesIdOf = (outcome: { redirect: string } | { state: ActionState }) => {
  if (!("redirect" in outcome)) throw new Error(`not created: ${JSON.stringify(outcome.state)}`);
  return outcome.redirect.match(/^\/board\/series\/([^/?#]+)/)![1];
};

const auditCount = () => db.prisma.auditEvent.count({ where: { action: { startsWith: "series." } } });
const snapshot = async () => ({
  series: await db.prisma.series.findMany({ orderBy: { id: "asc" } }),
  audit: await auditCount(),
});

function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe("creating a series", () => {
  it("blank release times take the defaults: 00:00 and 08:00 UK time, BST in August; the creation is audited", async () => {
    await as(board);
    const form = seriesForm();
    const id = seriesIdOf(await post(createSeriesAction, form));
    const series = await db.prisma.series.findUniqueOrThrow({ where: { id } });
    expect(series).toMatchObject({ code: form.code, nameEn: "June 2027", nameCy: "Mehefin 2027" });
    expect(series.resultsDay).toEqual(new Date("2027-08-19T00:00:00Z"));
    expect(series.restrictedReleaseAt.toISOString()).toBe("2027-08-17T23:00:00.000Z");
    expect(series.releaseAt.toISOString()).toBe("2027-08-19T07:00:00.000Z");
    expect(series.entryDeadline.toISOString()).toBe("2027-02-21T23:59:00.000Z");
    const event = await lastEvent("series.created", id);
    expect(event).toMatchObject({ actorId: board.userId, outcome: "success" });
    expect(event.details).toMatchObject({
      seriesId: id,
      code: form.code,
      resultsDay: "2027-08-19",
      releaseAt: "2027-08-19T07:00:00.000Z",
    });
    const listed = expectOk(await listSeries()).series.find((s) => s.id === id);
    expect(listed).toMatchObject({ code: form.code, entries: 0, results: 0 });
  });

  it("times at the clock changes: 00:00 on 29 March 2026 is GMT, 00:00 on 25 October 2026 is BST", async () => {
    await as(board);
    const spring = seriesIdOf(
      await post(
        createSeriesAction,
        seriesForm({
          resultsDay: "2026-03-30",
          restrictedDate: "2026-03-29",
          restrictedTime: "00:00",
          releaseDate: "2026-03-30",
          releaseTime: "08:00",
          entryDeadlineDate: "2026-01-31",
          entryDeadlineTime: "23:59",
        }),
      ),
    );
    const autumn = seriesIdOf(
      await post(
        createSeriesAction,
        seriesForm({ resultsDay: "2026-10-26", entryDeadlineDate: "2026-07-31", entryDeadlineTime: "12:00" }),
      ),
    );
    const s = await db.prisma.series.findUniqueOrThrow({ where: { id: spring } });
    expect([s.restrictedReleaseAt.toISOString(), s.releaseAt.toISOString()]).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ]);
    const a = await db.prisma.series.findUniqueOrThrow({ where: { id: autumn } });
    expect([a.restrictedReleaseAt.toISOString(), a.releaseAt.toISOString(), a.entryDeadline.toISOString()]).toEqual([
      "2026-10-24T23:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
      "2026-07-31T11:00:00.000Z",
    ]);
    // An explicit 00:00 on 25 October is the same BST midnight the default gives.
    const explicit = seriesIdOf(
      await post(
        createSeriesAction,
        seriesForm({
          resultsDay: "2026-10-26",
          restrictedDate: "2026-10-25",
          restrictedTime: "00:00",
          entryDeadlineDate: "2026-07-31",
        }),
      ),
    );
    expect((await db.prisma.series.findUniqueOrThrow({ where: { id: explicit } })).restrictedReleaseAt).toEqual(
      a.restrictedReleaseAt,
    );
  });

  it("a duplicate code, bad dates or a restricted release after the release are refused and change nothing", async () => {
    await as(board);
    const taken = seriesForm();
    seriesIdOf(await post(createSeriesAction, taken));
    const before = await snapshot();
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ code: taken.code }, { code: ["seriesCodeTaken"] }],
      [{ code: "June 2027" }, { code: ["seriesCodeFormat"] }],
      [{ resultsDay: "2027-02-30" }, { resultsDay: ["seriesDateInvalid"] }],
      [{ resultsDay: "" }, { resultsDay: ["seriesResultsDayRequired"] }],
      [{ releaseDate: "2027-08-19", releaseTime: "25:00" }, { releaseTime: ["seriesTimeInvalid"] }],
      [{ releaseDate: "2027-08-19" }, { releaseTime: ["seriesTimeRequired"] }],
      [{ restrictedTime: "00:00" }, { restrictedDate: ["seriesDateRequired"] }],
      [{ releaseDate: "2026-03-29", releaseTime: "01:30" }, { releaseTime: ["seriesTimeSkipped"] }],
      [{ entryDeadlineDate: "", entryDeadlineTime: "" }, { entryDeadlineDate: ["seriesEntryDeadlineRequired"] }],
      [
        { restrictedDate: "2027-08-19", restrictedTime: "08:01", releaseDate: "2027-08-19", releaseTime: "08:00" },
        { restrictedDate: ["seriesRestrictedAfterRelease"] },
      ],
      // The default release (08:00 on results day) is before a restricted release typed for 09:00.
      [{ restrictedDate: "2027-08-19", restrictedTime: "09:00" }, { restrictedDate: ["seriesRestrictedAfterRelease"] }],
      [
        { entryDeadlineDate: "2027-08-18", entryDeadlineTime: "00:00" },
        { entryDeadlineDate: ["seriesEntryDeadlineAfterRelease"] },
      ],
      [{ nameCy: "" }, { nameCy: ["seriesNameCyRequired"] }],
      [{ nameEn: "June\u00002027" }, { nameEn: ["invalid"] }],
    ];
    for (const [change, fieldErrors] of cases) {
      const outcome = await post(createSeriesAction, seriesForm(change));
      expect(outcome, JSON.stringify(change)).toMatchObject({ state: { fieldErrors } });
    }
    expect(await post(createSeriesAction, { ...seriesForm(), seriesId: "x" })).toEqual({
      state: { formError: "tampered" },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("editing a series", () => {
  const editForm = (id: string, values: Record<string, string>, extra: Record<string, string> = {}) => ({
    seriesId: id,
    ...values,
    ...extra,
  });

  it("shows back what was typed, in UK time; an edit is audited with old and new values", async () => {
    await as(board);
    const form = seriesForm({ restrictedDate: "2027-08-18", restrictedTime: "06:00" });
    const id = seriesIdOf(await post(createSeriesAction, form));
    const got = expectOk(await getSeries(id));
    expect(got.series.restrictedReleaseAt.toISOString()).toBe("2027-08-18T05:00:00.000Z");
    expect(got.releaseChangeNeedsConfirmation).toBe(false);
    // No results yet: moving the release needs no confirmation.
    const moved = editForm(id, { ...form, releaseDate: "2027-08-19", releaseTime: "09:30", nameCy: "Haf 2027" });
    await as(board);
    expect(await post(updateSeriesAction, moved)).toEqual({ redirect: `/board/series/${id}?done=updated` });
    const after = await db.prisma.series.findUniqueOrThrow({ where: { id } });
    expect(after.releaseAt.toISOString()).toBe("2027-08-19T08:30:00.000Z");
    expect(after.nameCy).toBe("Haf 2027");
    const event = await lastEvent("series.updated", id);
    expect(event.details).toEqual({
      seriesId: id,
      code: form.code,
      changes: {
        nameCy: { from: "Mehefin 2027", to: "Haf 2027" },
        releaseAt: { from: "2027-08-19T07:00:00.000Z", to: "2027-08-19T08:30:00.000Z" },
      },
    });
    // The same values again: nothing to change, nothing written.
    const audits = await auditCount();
    expect(await post(updateSeriesAction, moved)).toEqual({ redirect: `/board/series/${id}?done=unchanged` });
    expect(await auditCount()).toBe(audits);
  });

  it("refuses bad values and a code another series has, and changes nothing", async () => {
    await as(board);
    const other = seriesForm();
    seriesIdOf(await post(createSeriesAction, other));
    const form = seriesForm();
    const id = seriesIdOf(await post(createSeriesAction, form));
    const before = await snapshot();
    const refusedWith = async (change: Record<string, string>, fieldErrors: Record<string, string[]>) =>
      expect(await post(updateSeriesAction, editForm(id, { ...form, ...change }))).toMatchObject({
        state: { fieldErrors },
      });
    await refusedWith({ code: other.code }, { code: ["seriesCodeTaken"] });
    await refusedWith(
      { restrictedDate: "2027-08-20", restrictedTime: "00:00" },
      { restrictedDate: ["seriesRestrictedAfterRelease"] },
    );
    await refusedWith({ entryDeadlineDate: "2027-13-01" }, { entryDeadlineDate: ["seriesDateInvalid"] });
    expect(await post(updateSeriesAction, editForm("no-such-series", form))).toMatchObject({
      state: { formError: "notFound" },
    });
    expect(await post(updateSeriesAction, editForm(id, form, { role: "x" }))).toEqual({
      state: { formError: "tampered" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("after results are loaded, moving a release time needs the confirmation, and the audit keeps both times", async () => {
    await as(board);
    const form = seriesForm();
    const id = seriesIdOf(await post(createSeriesAction, form));
    await loadOneResult(id);
    expect(expectOk(await getSeries(id))).toMatchObject({ results: 1, releaseChangeNeedsConfirmation: true });
    const moved = editForm(id, { ...form, releaseDate: "2027-08-19", releaseTime: "10:00" });
    const before = await snapshot();
    expect(await post(updateSeriesAction, moved)).toMatchObject({
      state: { fieldErrors: { confirmRelease: ["seriesReleaseNotConfirmed"] } },
    });
    expect(await post(updateSeriesAction, { ...moved, confirmRelease: "no" })).toMatchObject({
      state: { fieldErrors: { confirmRelease: ["seriesReleaseNotConfirmed"] } },
    });
    expect(await snapshot()).toEqual(before);
    // Not a release time: no confirmation asked.
    expect(await post(updateSeriesAction, editForm(id, { ...form, nameEn: "Summer 2027" }))).toEqual({
      redirect: `/board/series/${id}?done=updated`,
    });
    await as(board);
    expect(await post(updateSeriesAction, { ...moved, nameEn: "Summer 2027", confirmRelease: "yes" })).toEqual({
      redirect: `/board/series/${id}?done=updated`,
    });
    const after = await db.prisma.series.findUniqueOrThrow({ where: { id } });
    expect(after.releaseAt.toISOString()).toBe("2027-08-19T09:00:00.000Z");
    const event = await lastEvent("series.updated", id);
    expect(event.details).toEqual({
      seriesId: id,
      code: form.code,
      changes: { releaseAt: { from: "2027-08-19T07:00:00.000Z", to: "2027-08-19T09:00:00.000Z" } },
      resultsLoaded: 1,
      releaseChangeConfirmed: true,
    });
    // The data layer holds the rule for any caller of it, not only the form.
    const input = {
      ...after,
      restrictedReleaseAt: new Date("2027-08-18T05:00:00Z"),
    };
    expect(await updateSeries(id, input)).toEqual({
      ok: false,
      error: "conflict",
      reason: "seriesReleaseNotConfirmed",
    });
  });
});

describe("component settings of a series", () => {
  it("sets a mark deadline and tolerance per internally assessed component; the welcome panel shows the series' deadline", async () => {
    await as(board);
    const id = seriesIdOf(await post(createSeriesAction, seriesForm()));
    const oracy = catalogue.components.find((c) => c.code === "9541/01")!;
    const latin = catalogue.components.find((c) => c.code === "9521/01")!;
    // Every component is listed, each with its kind: the page groups them by it.
    const listed = expectOk(await getSeries(id)).components;
    expect(listed.find((c) => c.id === oracy.id)).toMatchObject({ internallyAssessed: true, markDeadline: null });
    expect(listed.find((c) => c.id === latin.id)).toMatchObject({ internallyAssessed: false, markDeadline: null });
    expect(listed).toHaveLength(catalogue.components.length);
    // The component's own deadline is 23:59 on 5 May 2027; this series sets 12:00 on 30 April (BST).
    await as(board);
    const values = {
      seriesId: id,
      [`markDate-${oracy.id}`]: "2027-04-30",
      [`markTime-${oracy.id}`]: "12:00",
      [`tolerance-${oracy.id}`]: "3",
    };
    expect(await post(saveSeriesComponentsAction, values)).toEqual({
      redirect: `/board/series/${id}?done=componentsSaved#components`,
    });
    const row = await db.prisma.seriesComponent.findUniqueOrThrow({
      where: { seriesId_componentId: { seriesId: id, componentId: oracy.id } },
    });
    expect(row.markDeadline?.toISOString()).toBe("2027-04-30T11:00:00.000Z");
    expect(row.tolerance).toBe(3);
    const event = await lastEvent("series.updated", id);
    expect(event.details).toMatchObject({
      seriesId: id,
      components: {
        "9541/01": { markDeadline: { from: null, to: "2027-04-30T11:00:00.000Z" }, tolerance: { from: null, to: 3 } },
      },
    });

    // Refused, and nothing changes: a tolerance over the maximum mark, a deadline after the
    // restricted release, a bad time.
    const before = await snapshot();
    const rows = async () => db.prisma.seriesComponent.findMany({ where: { seriesId: id } });
    const saved = await rows();
    expect(
      await post(saveSeriesComponentsAction, { ...values, [`tolerance-${oracy.id}`]: String(oracy.maxMark + 1) }),
    ).toEqual({
      state: { formError: "seriesToleranceTooLarge", values: expect.any(Object) },
    });
    expect(await post(saveSeriesComponentsAction, { ...values, [`markDate-${oracy.id}`]: "2027-08-18" })).toMatchObject(
      {
        state: { formError: "seriesMarkDeadlineAfterRelease" },
      },
    );
    expect(await post(saveSeriesComponentsAction, { ...values, [`markTime-${oracy.id}`]: "noon" })).toMatchObject({
      state: { fieldErrors: { [`markTime-${oracy.id}`]: ["seriesTimeInvalid"] } },
    });
    expect(await post(saveSeriesComponentsAction, { ...values, [`tolerance-${oracy.id}`]: "-1" })).toMatchObject({
      state: { fieldErrors: { [`tolerance-${oracy.id}`]: ["seriesToleranceInvalid"] } },
    });
    expect(await post(saveSeriesComponentsAction, { ...values, extra: "1" })).toEqual({
      state: { formError: "tampered" },
    });
    expect(await rows()).toEqual(saved);
    expect(await snapshot()).toEqual(before);

    // A centre's welcome panel: the series' deadline for Oracy, not the component's own.
    const centre = await createCentre(db.prisma);
    const eo = await actor({ role: "EXAMS_OFFICER", centre });
    await as(eo, new Date("2027-04-01T09:00:00Z"));
    const panel = expectOk(await welcomePanel());
    expect(panel.deadline).toMatchObject({ code: "9541/01", markDeadline: new Date("2027-04-30T11:00:00Z") });
    // Once it has passed, the next is Fieldwork Enquiry's own (23:59 BST on 5 May): Oracy's own
    // deadline no longer counts, since this series set one for it.
    await as(eo, new Date("2027-04-30T12:00:00Z"));
    const later = expectOk(await welcomePanel());
    expect(later.deadline).toMatchObject({ code: "9551/03", markDeadline: new Date("2027-05-05T22:59:00Z") });
  });

  it("sets the examiners' mark deadline of a written component, audited, and shown to its examiners; a tolerance for it is refused", async () => {
    await as(board);
    const id = seriesIdOf(await post(createSeriesAction, seriesForm()));
    const oracy = catalogue.components.find((c) => c.code === "9541/01")!;
    const latin = catalogue.components.find((c) => c.code === "9521/01")!;
    const rows = () => db.prisma.seriesComponent.findMany({ where: { seriesId: id }, orderBy: { componentId: "asc" } });
    // The form posts no tolerance for a written component: its deadline only, 12:00 BST on 3 July.
    await as(board);
    const written = { seriesId: id, [`markDate-${latin.id}`]: "2027-07-03", [`markTime-${latin.id}`]: "12:00" };
    expect(await post(saveSeriesComponentsAction, written)).toEqual({
      redirect: `/board/series/${id}?done=componentsSaved#components`,
    });
    const row = await db.prisma.seriesComponent.findUniqueOrThrow({
      where: { seriesId_componentId: { seriesId: id, componentId: latin.id } },
    });
    expect(row).toMatchObject({ markDeadline: new Date("2027-07-03T11:00:00Z"), tolerance: null });
    expect((await lastEvent("series.updated", id)).details).toEqual({
      seriesId: id,
      code: expect.any(String),
      components: { "9521/01": { markDeadline: { from: null, to: "2027-07-03T11:00:00.000Z" } } },
    });
    expect(expectOk(await getSeries(id)).components.find((c) => c.id === latin.id)).toMatchObject({
      internallyAssessed: false,
      markDeadline: new Date("2027-07-03T11:00:00Z"),
    });

    // An examiner allocated to Latin in this series sees the series' deadline, not the component's own.
    const examiner = await actor({ role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
    await db.prisma.allocation.create({
      data: { kind: "EXAMINER", appointeeId: examiner.userId, seriesId: id, componentId: latin.id },
    });
    await as(examiner, new Date("2027-06-20T09:00:00Z"));
    const mine = expectOk(await myMarkDeadlines()).deadlines;
    expect(mine.map((d) => [d.code, d.markDeadline])).toEqual([["9521/01", new Date("2027-07-03T11:00:00Z")]]);

    // Refused, and nothing is written: a tolerance for the written component (even beside a
    // valid change of an internally assessed one), or its deadline after the restricted release.
    await as(board);
    const before = await snapshot();
    const saved = await rows();
    expect(
      await post(saveSeriesComponentsAction, {
        ...written,
        [`tolerance-${latin.id}`]: "2",
        [`markDate-${oracy.id}`]: "2027-04-30",
        [`markTime-${oracy.id}`]: "12:00",
        [`tolerance-${oracy.id}`]: "3",
      }),
    ).toEqual({ state: { formError: "seriesToleranceWrittenComponent", values: expect.any(Object) } });
    expect(await saveSeriesComponents(id, [{ componentId: latin.id, markDeadline: null, tolerance: 0 }])).toEqual({
      ok: false,
      error: "invalid",
      reason: "seriesToleranceWrittenComponent",
    });
    expect(
      await post(saveSeriesComponentsAction, { ...written, [`markDate-${latin.id}`]: "2027-08-18" }),
    ).toMatchObject({ state: { formError: "seriesMarkDeadlineAfterRelease" } });
    expect(await rows()).toEqual(saved);
    expect(await snapshot()).toEqual(before);

    // Blanked, the component's own deadline applies again; the audit keeps the old value.
    await as(board);
    expect(
      await post(saveSeriesComponentsAction, {
        seriesId: id,
        [`markDate-${latin.id}`]: "",
        [`markTime-${latin.id}`]: "",
      }),
    ).toEqual({ redirect: `/board/series/${id}?done=componentsSaved#components` });
    expect((await lastEvent("series.updated", id)).details).toMatchObject({
      components: { "9521/01": { markDeadline: { from: "2027-07-03T11:00:00.000Z", to: null } } },
    });
    await as(examiner, new Date("2027-06-20T09:00:00Z"));
    const own = latin.markDeadline;
    expect(expectOk(await myMarkDeadlines()).deadlines.map((d) => d.markDeadline)).toEqual(own ? [own] : []);
  });
});

describe("only board staff", () => {
  it("centre staff, appointees and the signed-out are refused everything, and nothing changes", async () => {
    const series = await seriesFactory(db.prisma, { code: freshCode() });
    const centre = await createCentre(db.prisma);
    const oracy = catalogue.components.find((c) => c.code === "9541/01")!;
    const input = {
      code: freshCode(),
      nameEn: "x",
      nameCy: "x",
      resultsDay: parseCalendarDate("2027-08-19")!,
      restrictedReleaseAt: null,
      releaseAt: null,
      entryDeadline: new Date("2027-02-21T23:59:00Z"),
    };
    const before = await snapshot();
    for (const who of [
      await actor({ role: "EXAMS_OFFICER", centre }),
      await actor({ role: "USER", centre, grants: ["results"] }),
      await actor({ role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" }),
      null,
    ]) {
      await as(who);
      const error = who ? "forbidden" : "unauthenticated";
      const refusal = { ok: false, error };
      expect(await listSeries()).toEqual(refusal);
      expect(await getSeries(series.id)).toEqual(refusal);
      expect(await createSeries(input)).toEqual(refusal);
      expect(await updateSeries(series.id, { ...input, code: series.code }, true)).toEqual(refusal);
      expect(
        await saveSeriesComponents(series.id, [{ componentId: oracy.id, markDeadline: null, tolerance: 1 }]),
      ).toEqual(refusal);
      if (who) {
        expect(await post(createSeriesAction, seriesForm())).toMatchObject({ state: { formError: "forbidden" } });
        expect(
          await post(updateSeriesAction, {
            seriesId: series.id,
            ...seriesForm({ code: series.code }),
            confirmRelease: "yes",
          }),
        ).toMatchObject({ state: { formError: "forbidden" } });
      }
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.seriesComponent.count({ where: { seriesId: series.id } })).toBe(0);
  });
});

/** A centre, a candidate entered for Latin in the series, and a result for the entry. */
async function loadOneResult(seriesId: string) {
  const centre = await createCentre(db.prisma);
  const candidate = await db.prisma.candidate.create({
    data: {
      centreId: centre.id,
      candidateNumber: "0001",
      uci: `${centre.number}27000001X`.slice(0, 13),
      firstName: "Alys",
      lastName: "Evans",
      dateOfBirth: new Date(Date.UTC(2010, 0, 1)),
    },
  });
  const spec = catalogue.spec("9521");
  const entry = await db.prisma.entry.create({
    data: { centreId: centre.id, candidateId: candidate.id, seriesId, specificationId: spec.id },
  });
  await db.prisma.result.create({ data: { entryId: entry.id, centreId: centre.id, seriesId, grade: "7" } });
}
