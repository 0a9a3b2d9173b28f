import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "../factories/files";
import { E2E } from "./fixtures-seed";
import { PAPERS } from "./board-resources-fixtures";
import { expectNoAxeViolations, setServerClock, signedIn, signIn, switchTo } from "./helpers";

// The board's uploads and post-results in a browser (docs/product-rules.md ("Board uploads"),
// ("Post-results services")). Board staff upload the 9521/01 question paper of the January 2026
// series (tests/e2e/board-resources-fixtures.ts: a series and a centre of their own), to open at
// 08:45 London (GMT) on Tuesday 13 January 2026; the centre's exams officer, signing in only at
// pinned times, sees it listed but cannot download it at 08:44 and downloads exactly the uploaded
// file from 08:45. Every new page is checked with axe in English and Welsh.

const UPLOAD_DAY = "2026-01-13";
const BEFORE = new Date("2026-01-13T08:40:00Z"); // 08:40 GMT
const ONE_MINUTE_BEFORE = new Date("2026-01-13T08:44:00Z");
const OPEN = new Date("2026-01-13T08:45:00Z");

/** Switches the page's language with the header's toggle (a signed-in account also saves it). */
/** axe on the page in English, then in Welsh (and back to English: the choice is saved on the account). */
async function axeInBothLanguages(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
  await switchTo(page, "cy");
  await expectNoAxeViolations(page, `${label} (cy)`);
  await switchTo(page, "en");
}

test.afterEach(async () => {
  await setServerClock(null);
});

test("board staff upload a question paper that the exams officer downloads only from its time on the exam day", async ({
  page,
  browser,
}) => {
  test.slow();
  const pdf = Buffer.from(await makePdf("9521/01 January 2026", "Papur 9521/01 Ionawr 2026"));

  // Board staff: the series' question papers, then the upload.
  await signedIn(page, "board@board.test");
  await page.goto(`/board/resources/question-papers?series=${PAPERS.series.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Question papers");
  await expect(page.getByText("No question papers have been uploaded for January 2026.")).toBeVisible();
  await axeInBothLanguages(page, "board question papers");

  // A text file named .pdf is refused, and nothing is listed.
  await page.locator("#series").selectOption(PAPERS.series.code);
  await page.locator("#component").selectOption(PAPERS.component);
  await page.getByLabel("Date centres can download it", { exact: true }).fill(UPLOAD_DAY);
  await page.getByLabel("From (time)", { exact: true }).fill("08:45");
  await page
    .getByLabel("PDF file", { exact: true })
    .setInputFiles({ name: "paper.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a PDF at all") });
  await page.getByRole("button", { name: "Upload the question paper" }).click();
  await expect(page.getByRole("alert").getByText(/The file must be a PDF document/)).toBeVisible();
  await expectNoAxeViolations(page, "board question papers with an error");

  // The real paper.
  await page.locator("#series").selectOption(PAPERS.series.code);
  await page.locator("#component").selectOption(PAPERS.component);
  await page.getByLabel("Date centres can download it", { exact: true }).fill(UPLOAD_DAY);
  await page.getByLabel("From (time)", { exact: true }).fill("08:45");
  await page
    .getByLabel("PDF file", { exact: true })
    .setInputFiles({ name: "9521-01.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Upload the question paper" }).click();
  await expect(page.getByText("The question paper has been uploaded.")).toBeVisible();
  const row = page.getByRole("row", { name: /9521\/01/ });
  await expect(row).toContainText("08:45 on Tuesday 13 January 2026");
  const paperId = await row.locator('input[name="paperId"]').first().inputValue();
  await expectNoAxeViolations(page, "board question papers with a paper");

  // The exams officer, on the exam day: listed with its time, not downloadable before it.
  const context = await browser.newContext({ acceptDownloads: true });
  const eo = await context.newPage();
  await setServerClock(BEFORE);
  await signIn(eo, PAPERS.eo.email, E2E.password, BEFORE);
  await setServerClock(ONE_MINUTE_BEFORE);
  await eo.goto("/key-information/question-papers");
  const listed = eo.getByRole("row", { name: /9521\/01/ });
  await expect(listed).toContainText("Available at 08:45");
  await expect(listed.getByRole("link")).toHaveCount(0);
  expect((await eo.request.get(`/api/files/question-papers/${paperId}`)).status()).toBe(404);

  // From its time: the link, and exactly the uploaded file.
  await setServerClock(OPEN);
  await eo.goto("/key-information/question-papers");
  const [download] = await Promise.all([
    eo.waitForEvent("download"),
    eo
      .getByRole("row", { name: /9521\/01/ })
      .getByRole("link", { name: /Download/ })
      .click(),
  ]);
  const body = Buffer.concat(await (await download.createReadStream()).toArray());
  expect(body.equals(pdf)).toBe(true);
  expect(download.suggestedFilename()).toMatch(/^2026-01-9521-01-[0-9a-f]+\.pdf$/);

  // The centre's side of the new pages: pre-release material, and a candidate's script consent.
  await eo.goto("/resources/pre-release");
  await expect(eo.getByRole("heading", { level: 1 })).toHaveText("Pre-release material");
  await axeInBothLanguages(eo, "pre-release material");
  await eo.goto("/entries/candidates");
  await eo.getByRole("link", { name: /Gwenllian Papurau/ }).click();
  await expect(eo.getByRole("heading", { name: "Consent to see scripts" })).toBeVisible();
  await expect(eo.getByText(/^Not recorded/)).toBeVisible();
  await eo.getByRole("button", { name: "Record consent" }).click();
  await expect(eo.getByText(/^Recorded:/)).toBeVisible();
  await expect(eo.getByRole("button", { name: "Withdraw consent" })).toBeVisible();
  await axeInBothLanguages(eo, "candidate with script consent");
  await context.close();
});

test("the board's documents, upload form and review queue are accessible in English and Welsh", async ({ page }) => {
  test.slow();
  await signedIn(page, "board@board.test");

  await page.goto("/board/resources");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Resources and papers");
  await axeInBothLanguages(page, "board documents");
  // A document's replace and remove forms, opened.
  await page.locator("details summary").first().click();
  await expectNoAxeViolations(page, "board documents, one opened");

  await page.goto("/board/resources/upload");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upload a document");
  await axeInBothLanguages(page, "upload a document");
  // Sent empty: the error summary and the fields' errors.
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("alert").getByText("Choose what kind of document this is")).toBeVisible();
  await expectNoAxeViolations(page, "upload a document with errors");

  await page.goto("/board/post-results");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reviews and scripts");
  await axeInBothLanguages(page, "review queue");
  const first = page.getByRole("table").getByRole("link").first();
  if ((await first.count()) > 0) {
    await first.click();
    await expect(page.getByRole("heading", { level: 2, name: "The request" })).toBeVisible();
    await axeInBothLanguages(page, "one request");
  }
});
