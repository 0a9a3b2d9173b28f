import { expect, test, type Page } from "@playwright/test";
import { sampleSize } from "../../lib/marks/moderation";
import { E2E } from "./fixtures-seed";
import { expectNoAxeViolations, signedIn, signIn } from "./helpers";

// IAMIS in a browser, on the demo board (prisma/seed/iamis.ts): a teacher holding the IAMIS
// permission keys marks into a sheet nobody has started — by keyboard, with a mark out of range
// caught beside its cell — and sees them again after a reload; a save that fails while the
// browser is offline is kept, the page warns before it is left, and the save goes through once
// back online. The same sheet open in two browsers: the stale save is refused, both marks are
// shown, and the person keeps theirs, so nothing is lost. The exams officer fills the rest by
// pasting a column, submits, and sees the sample. Every page passes axe, in English and Welsh.

test.describe.configure({ mode: "serial" });

const cells = (page: Page) => page.getByRole("textbox", { name: /^Mark for / });
const gridStatus = (page: Page) => page.getByTestId("grid-status");

/** The first sheet at 68101 nobody has started: its path. */
async function notStartedSheet(page: Page): Promise<string> {
  await page.goto("/iamis");
  const row = page.getByRole("row").filter({ hasText: "Not started" }).first();
  const link = row.getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/iamis\/[A-Za-z0-9_-]+$/);
  return href!;
}

// Marks stay at 40 or under: the sheet may be a component out of 40.
let sheetPath = "";

test("a teacher with the IAMIS permission keys marks, which are there after a reload", async ({ page }) => {
  test.slow();
  await signedIn(page, "results.teacher@68101.test");
  await page.getByRole("main").getByRole("link", { name: "IAMIS mark input" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("IAMIS mark input");
  await expect(page.getByLabel("Series")).toHaveValue("2027-06");
  await expectNoAxeViolations(page, "IAMIS sheets");

  sheetPath = await notStartedSheet(page);
  await page.goto(sheetPath);
  await expect(page.getByText("Not started", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "a sheet not started");

  // By keyboard: a mark, Enter, a code, ↓, a mark out of range.
  await cells(page).first().click();
  await page.keyboard.type("34");
  await page.keyboard.press("Enter");
  await page.keyboard.type("a");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.type("99");
  await expect(page.getByText("This is more than the maximum mark")).toBeVisible();
  await expect(cells(page).nth(2)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "a sheet with a mark out of range");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("38");
  await page.keyboard.press("ArrowUp");
  await expect(cells(page).nth(1)).toBeFocused();
  await expect(gridStatus(page)).toHaveText(/All marks saved at \d\d:\d\d/);

  await page.reload();
  await expect(cells(page).nth(0)).toHaveValue("34");
  await expect(cells(page).nth(1)).toHaveValue("A");
  await expect(cells(page).nth(2)).toHaveValue("38");
  await expect(page.getByText("In progress", { exact: true })).toBeVisible();

  // Offline: the save fails, is kept, and the page warns before it is left; back online it is saved.
  await page.context().setOffline(true);
  await cells(page).nth(3).fill("17");
  await expect(page.getByRole("row").filter({ hasText: "Not saved — retrying" })).toHaveCount(1);
  await expect(gridStatus(page)).toContainText("not saved yet — retrying");
  const warns = await page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(warns).toBe(true);
  await page.context().setOffline(false);
  await expect(gridStatus(page)).toHaveText(/All marks saved at/, { timeout: 20_000 });
  await page.reload();
  await expect(cells(page).nth(3)).toHaveValue("17");
});

test("the same sheet in two browsers: the stale save is refused, both marks are shown, nothing is lost", async ({
  page,
  browser,
}) => {
  test.slow();
  await signedIn(page, "results.teacher@68101.test");
  const other = await browser.newContext();
  const admin = await other.newPage();
  await signedIn(admin, "admin@68101.test");
  await page.goto(sheetPath);
  await admin.goto(sheetPath);

  // The teacher saves first; the admin's page still shows the sheet as it was.
  await cells(page).nth(4).fill("20");
  await expect(gridStatus(page)).toHaveText(/All marks saved at/);
  await cells(admin).nth(4).fill("25");
  const choice = admin.getByRole("group", { name: /^Choose the mark for / });
  await expect(choice).toBeVisible();
  await expect(choice).toContainText("Yours: 25");
  await expect(choice).toContainText(/Saved by Ffion Rhydderch at \d\d:\d\d: 20/);
  await expect(gridStatus(admin)).toContainText("saved by someone else");
  await expectNoAxeViolations(admin, "a sheet with a conflict");
  await choice.getByRole("button", { name: "Keep mine" }).click();
  await expect(choice).toBeHidden();
  await expect(gridStatus(admin)).toHaveText(/All marks saved at/);

  await page.reload();
  await expect(cells(page).nth(4)).toHaveValue("25");
  await other.close();
});

test("the exams officer pastes the rest, submits, and sees the sample to send, in English and Welsh", async ({
  page,
}) => {
  test.slow();
  await signedIn(page, "eo@68101.test");
  await page.goto(sheetPath);
  const count = await cells(page).count();
  expect(count).toBeGreaterThan(5);
  // A column copied from a spreadsheet, pasted into the sixth cell: fills down to the last row.
  const column = Array.from({ length: count - 5 }, (_, i) => (i === 2 ? "W" : String(8 + ((i * 13) % 30))));
  await cells(page).nth(5).focus();
  await page.evaluate(
    (text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    `${column.join("\r\n")}\r\n`,
  );
  await expect(cells(page).nth(5)).toHaveValue(column[0]);
  await expect(cells(page).nth(count - 1)).toHaveValue(column[column.length - 1]);
  await expect(gridStatus(page)).toHaveText(/All marks saved at/, { timeout: 20_000 });

  // The import page, checked for access (the marks are all in already).
  await page.getByRole("link", { name: "Import marks from a CSV file" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Import marks for");
  await expectNoAxeViolations(page, "import marks");
  await page.getByRole("link", { name: "Back to the mark sheet" }).click();

  await page.getByRole("button", { name: "Submit marks" }).click();
  await expect(page.getByText("Confirm that the candidates have been told their marks").first()).toBeVisible();
  await page.getByLabel("I confirm that the candidates have been told their marks").check();
  await page.getByRole("button", { name: "Submit marks" }).click();
  await expect(page).toHaveURL(/\/sample\?done=submitted$/);
  await expect(page.getByText("The marks have been submitted and locked.")).toBeVisible();
  const sample = page.getByRole("table", { name: /Candidates whose work to send/ });
  // Drawn from the candidates with a mark: all but the one absent and the one withdrawn.
  await expect(sample.getByRole("row")).toHaveCount(1 + sampleSize(count - 2));
  await expect(sample).toContainText("Highest mark");
  await expect(sample).toContainText("Lowest mark");
  await expectNoAxeViolations(page, "the sample");

  await page.goto(sheetPath);
  await expect(page.getByText("These marks have been submitted and are locked.")).toBeVisible();
  await expect(cells(page)).toHaveCount(0);
  await expectNoAxeViolations(page, "a submitted sheet");
  await page.goto("/moderator-reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderator reports");
  await expectNoAxeViolations(page, "moderator reports");

  // In Welsh (the choice is saved on the stored account: switched back at the end).
  await page.getByRole("button", { name: /switch to Welsh/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Adroddiadau cymedrolwyr");
  await expectNoAxeViolations(page, "moderator reports in Welsh");
  await page.goto("/iamis");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mewnbynnu marciau IAMIS");
  await expectNoAxeViolations(page, "IAMIS sheets in Welsh");
  await page.goto(sheetPath);
  await expect(page.getByText("Mae'r marciau hyn wedi'u cyflwyno ac wedi'u cloi.")).toBeVisible();
  await expectNoAxeViolations(page, "a submitted sheet in Welsh");
  await page.goto(`${sheetPath}/sample`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sampl cymedroli");
  await expectNoAxeViolations(page, "the sample in Welsh");
  await page.goto("/iamis");
  const open = page.getByRole("row").filter({ hasText: "Ar waith" }).first().getByRole("link");
  await open.click();
  await expect(page.getByRole("textbox", { name: /^Marc ar gyfer / }).first()).toBeVisible();
  await expectNoAxeViolations(page, "an open sheet in Welsh");
  await page.getByRole("link", { name: "Mewnforio marciau o ffeil CSV" }).click();
  await expectNoAxeViolations(page, "import marks in Welsh");
  await page.getByRole("button", { name: /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a centre reads its released moderator report, in English and Welsh", async ({ page }) => {
  test.slow();
  // 68102's moderated sheet (prisma/seed/moderation.ts) has a released report; an Admin of
  // 68102 with IAMIS reads it (its EO signs in at pinned times in exams-office.spec.ts).
  await signIn(page, E2E.reportsAdmin.email, E2E.password);
  await page.goto("/moderator-reports");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Moderator report:");
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Marks before and after moderation/ })).toBeVisible();
  await expectNoAxeViolations(page, "a moderator report");
  await page.getByRole("button", { name: /switch to Welsh/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Adroddiad cymedrolwr:");
  await expectNoAxeViolations(page, "a moderator report in Welsh");
  await page.getByRole("button", { name: /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
