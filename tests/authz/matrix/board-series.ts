// The board's series and results days: board staff only.
import { form, type Row } from "../types";
import { componentSettingsForm, editSeriesForm, seriesValues } from "../board-series-fixtures";

const BOARD = "board staff only: series, release times and deadlines";

export const boardSeriesRows: Row[] = [
  { endpoint: "page /board/series", allow: ["board"], rule: BOARD },
  { endpoint: "page /board/series/new", allow: ["board"], rule: BOARD },
  {
    endpoint: "page /board/series/[id]",
    allow: ["board"],
    params: ({ fx }) => ({ id: fx.seriesId }),
    rule: BOARD,
  },
  {
    endpoint: "action app/(portal)/board/series/actions.ts#createSeriesAction",
    allow: ["board"],
    // A code of its own for each caller, so only the data layer's check answers.
    form: () => form(seriesValues()),
    rule: "only board staff create a series",
  },
  {
    endpoint: "action app/(portal)/board/series/actions.ts#updateSeriesAction",
    allow: ["board"],
    form: ({ fx }) => editSeriesForm(fx.prisma),
    rule: "only board staff edit a series",
  },
  {
    endpoint: "action app/(portal)/board/series/actions.ts#saveSeriesComponentsAction",
    allow: ["board"],
    form: ({ fx }) => componentSettingsForm(fx.prisma),
    rule: "only board staff set a series' mark deadlines and tolerances",
  },
];
