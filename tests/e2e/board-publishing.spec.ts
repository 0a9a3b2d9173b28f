import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./fixtures-seed";
import { expectNoAxeViolations, setServerClock, signedIn, signIn } from "./helpers";
import { PUBLISHING } from "./publishing-fixtures";

// Publishing results in a browser (docs/results-import-format.md): board staff upload a small
// results file for the March 2029 series (tests/e2e/publishing-fixtures.ts), see the check's
// preview, load it and see it loaded — the background worker inside the server does the work
// while the page refreshes itself. A file with an error is previewed and not loadable. Then a
// teacher with the results permission sees nothing before 08:00 on results day and the results
// from 08:00 (the server's clock pinned; the teacher signs in only at 2029 times).

const HEADER =
  "record,centre_number,candidate_number,specification_code,grade,uniform_mark,component_code,mark,item_marks";
const BEFORE_EIGHT = new Date("2029-03-15T07:50:00Z"); // GMT: 07:50 London on results day
const EIGHT = new Date("2029-03-15T08:00:00Z");

function resultsFile(grades: readonly string[]): string {
  const rows = PUBLISHING.candidates.map((n, i) => `result,68101,${n},${PUBLISHING.specification},${grades[i]},,,,`);
  return `${[HEADER, ...rows, "boundary,,,,9,,9521/01,70,", "boundary,,,,4,,9521/01,30,"].join("\r\n")}\r\n`;
}

async function upload(page: Page, name: string, text: string) {
  await page.getByLabel("Results file (CSV)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Upload and check" }).click();
}

test.afterEach(async () => {
  await setServerClock(null);
});

test("board staff import a results file; a teacher sees it only from the release time", async ({ page, browser }) => {
  test.slow();
  await signedIn(page, "board@board.test");
  await page.goto(`/board/publishing?series=${PUBLISHING.series.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publishing results");
  await expectNoAxeViolations(page, "publishing results");

  // A file with a grade GCSE Latin does not have: previewed, with its line, and not loadable.
  await upload(page, "with-an-error.csv", resultsFile(["7", "A*", "5"]));
  await expect(page.getByText("The file has errors: nothing was loaded")).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole("row", { name: /^3 grade The grade is not one of the qualification's grades/ }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Load / })).toHaveCount(0);
  await expectNoAxeViolations(page, "publishing results with errors");

  // The corrected file: checked, previewed, loaded.
  await upload(page, "march-2029.csv", resultsFile(["7", "4", "5"]));
  await expect(page.getByText("The file has no errors")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("3 results", { exact: true })).toBeVisible();
  await expect(page.getByText("2 grade boundaries", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Load 3 results" }).click();
  await expect(page.getByText(/3 results, 0 component marks and 2 grade boundaries were loaded/)).toBeVisible({
    timeout: 30_000,
  });
  await expectNoAxeViolations(page, "publishing results loaded");

  // The page in Welsh (the choice is saved on the stored account: switch back).
  await page.getByRole("button", { name: /switch to Welsh/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cyhoeddi canlyniadau");
  await expectNoAxeViolations(page, "publishing results in Welsh");
  await page.getByRole("button", { name: /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The teacher: nothing before 08:00 on results day, the results from 08:00.
  const context = await browser.newContext();
  const teacher = await context.newPage();
  await setServerClock(BEFORE_EIGHT);
  await signIn(teacher, PUBLISHING.teacher.email, E2E.password, BEFORE_EIGHT);
  await teacher.goto(`/results?series=${PUBLISHING.series.code}`);
  await expect(teacher.getByText("Results are not yet released")).toBeVisible();
  await expect(teacher.getByRole("table")).toHaveCount(0);

  await setServerClock(EIGHT);
  await teacher.goto(`/results?series=${PUBLISHING.series.code}`);
  await expect(teacher.getByText("Results are not yet released")).toHaveCount(0);
  for (const number of PUBLISHING.candidates) await expect(teacher.getByRole("table").first()).toContainText(number);
  await context.close();
});
