// The board's uploads ("Resources and papers") and post-results ("Reviews and scripts"), the
// centre's pre-release material, and recording a candidate's consent to see their scripts
// (docs/product-rules.md ("Board uploads"), ("Post-results services")).
import { form, type Actor, type Row } from "../types";
import {
  newDocument,
  newPaperSeries,
  newQuestionPaper,
  newReviewRequest,
  uploadForm,
} from "../board-resources-fixtures";

/** Every fully signed-in account of centre A, and centre B's EO (pages about the caller's own centre). */
const ANY_CENTRE: Actor[] = [
  "eo",
  "admin",
  "adminBare",
  "user",
  "user+iamis",
  "user+access_arrangements",
  "user+entries",
  "user+results",
  "user+scripts",
  "otherCentre",
];

export const boardResourcesRows: Row[] = [
  { endpoint: "page /board/resources", allow: ["board"], rule: "board staff only" },
  { endpoint: "page /board/resources/upload", allow: ["board"], rule: "board staff only" },
  {
    endpoint: "page /board/resources/question-papers",
    allow: ["board"],
    searchParams: ({ fx }) => ({ series: fx.seriesCode }),
    rule: "board staff only",
  },
  {
    endpoint: "action app/(portal)/board/resources/actions.ts#uploadDocumentAction",
    allow: ["board"],
    form: () =>
      uploadForm({
        kind: "PAST_PAPER",
        titleEn: "Matrix past paper",
        titleCy: "Cyn-bapur matrics",
        specification: "9521",
        series: "",
        component: "",
        year: "2027",
        language: "en",
        secure: "yes",
        availableDate: "",
        availableTime: "",
      }),
    rule: "only board staff upload documents",
  },
  {
    endpoint: "action app/(portal)/board/resources/actions.ts#replaceDocumentAction",
    allow: ["board"],
    form: async ({ fx }) => uploadForm({ resourceId: await newDocument(fx) }),
    rule: "only board staff replace a document's file",
  },
  {
    endpoint: "action app/(portal)/board/resources/actions.ts#removeDocumentAction",
    allow: ["board"],
    form: async ({ fx }) => form({ resourceId: await newDocument(fx), confirm: "yes" }),
    rule: "only board staff remove documents",
  },
  {
    endpoint: "action app/(portal)/board/resources/actions.ts#uploadQuestionPaperAction",
    allow: ["board"],
    // A series of its own for each caller, so the component has no paper yet.
    form: async ({ fx }) =>
      uploadForm({
        series: await newPaperSeries(fx),
        component: "9521/01",
        availableDate: "2027-06-07",
        availableTime: "08:30",
        replace: "",
      }),
    rule: "only board staff upload question papers",
  },
  {
    endpoint: "action app/(portal)/board/resources/actions.ts#changeQuestionPaperAction",
    allow: ["board"],
    form: async ({ fx }) => {
      const paper = await newQuestionPaper(fx);
      return form({ paperId: paper.id, series: paper.series, availableDate: "2027-06-07", availableTime: "09:00" });
    },
    rule: "only board staff change a paper's time or file",
  },
  {
    endpoint: "action app/(portal)/board/resources/actions.ts#removeQuestionPaperAction",
    allow: ["board"],
    form: async ({ fx }) => {
      const paper = await newQuestionPaper(fx);
      return form({ paperId: paper.id, series: paper.series, confirm: "yes" });
    },
    rule: "only board staff remove question papers",
  },
  {
    endpoint: "page /resources/pre-release",
    allow: ANY_CENTRE,
    rule: "every centre account (resources: always); what is in it is the centre's entries' and the clock's",
  },
  { endpoint: "page /board/post-results", allow: ["board"], rule: "board staff only" },
  {
    endpoint: "page /board/post-results/[id]",
    allow: ["board"],
    params: async ({ fx }) => ({ id: (await newReviewRequest(fx, "COPY_OF_SCRIPT", "in_progress")).id }),
    rule: "board staff only: any centre's request",
  },
  {
    endpoint: "action app/(portal)/board/post-results/actions.ts#startReviewAction",
    allow: ["board"],
    form: async ({ fx }) => form({ requestId: (await newReviewRequest(fx, "REVIEW_OF_MARKING", "requested")).id }),
    rule: "only board staff move a request on",
  },
  {
    endpoint: "action app/(portal)/board/post-results/actions.ts#completeReviewAction",
    allow: ["board"],
    form: async ({ fx }) =>
      form({
        requestId: (await newReviewRequest(fx, "REVIEW_OF_MARKING", "in_progress")).id,
        outcome: "grade_changed",
        newGrade: "7",
      }),
    rule: "only board staff record an outcome (a grade change is written to the result and emailed)",
  },
  {
    endpoint: "action app/(portal)/board/post-results/actions.ts#uploadReviewScriptAction",
    allow: ["board"],
    form: async ({ fx }) => {
      const request = await newReviewRequest(fx, "COPY_OF_SCRIPT", "in_progress");
      return uploadForm({ requestId: request.id, componentResultId: request.componentResultId });
    },
    rule: "only board staff upload copies of scripts",
  },
  {
    endpoint: "action app/(portal)/entries/candidates/[id]/actions.ts#setScriptConsentAction",
    allow: ["eo", "admin", "adminBare"],
    form: async ({ fx }) => form({ candidateId: (await fx.newCandidate()).id, consent: "yes" }),
    rule: "the exams office (EO/Admin with scripts or entries) records consent, for its own centre's candidates",
  },
];
