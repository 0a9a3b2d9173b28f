// Publishing results (board staff only): the page, the upload route and the load action.
import type { Row } from "../types";
import { newPublishingSeries, newReadyImport, resultsUploadForm } from "../publishing-fixtures";
import { form } from "../types";

export const publishingRows: Row[] = [
  { endpoint: "page /board/publishing", allow: ["board"], rule: "board staff only" },
  {
    endpoint: "route POST /api/board/results-imports",
    allow: ["board"],
    rule: "board staff upload a series' results file; everyone else is refused before the body is read",
    request: async ({ fx }) => {
      const series = await newPublishingSeries(fx.prisma);
      return new Request(`http://localhost/api/board/results-imports?series=${series.code}`, {
        method: "POST",
        body: resultsUploadForm(series.code),
      });
    },
    success: {
      because: "a native form post: board staff are sent back to the page showing their new import (303)",
      test: (value) =>
        value instanceof Response && value.status === 303 && /[?&]job=/.test(value.headers.get("location") ?? ""),
    },
  },
  {
    endpoint: "action app/(portal)/board/publishing/actions.ts#loadResultsAction",
    allow: ["board"],
    rule: "board staff load a checked import (a fresh one of a fresh series per caller)",
    form: async ({ fx }) => form({ importJobId: await newReadyImport(fx.prisma, fx.userIds.board!) }),
  },
];
