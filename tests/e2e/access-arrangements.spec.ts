import { expect, test, type Page } from "@playwright/test";
import { approvalExpiry } from "../../lib/access-arrangements/expiry";
import { formatDate } from "../../lib/i18n/dates";
import { AA } from "./access-arrangements-fixtures";
import { E2E } from "./fixtures-seed";
import { expectNoAxeViolations, latestMessage, signIn, signedIn } from "./helpers";

// Access arrangements in a browser: a teacher who holds the permission finds a candidate by
// number and applies for 25% extra time — with qualifying scores it is approved at once with a
// reference and its expiry; with one low score it is referred to the board. Board staff approve
// the referral, the centre is emailed and the teacher sees the approval. Every new page passes
// axe, in English and in Welsh.

async function toggleLanguage(page: Page) {
  await page.getByRole("button", { name: /switch to Welsh|Switch to English/i }).click();
}

/** From the list page: finds a candidate by number and applies for 25% extra time with two scores. */
async function applyForExtraTime(page: Page, candidateNumber: string, secondScore: string, check = false) {
  await page.goto("/access-arrangements");
  const search = page.getByRole("search");
  await search.getByLabel("Candidate").fill(candidateNumber);
  await search.getByRole("button", { name: "Find" }).click();
  await page.getByRole("link", { name: new RegExp(`^${candidateNumber} `) }).click();
  await expect(page.getByTestId("candidate-details")).toContainText(candidateNumber);
  if (check) await expectNoAxeViolations(page, "a candidate's arrangements");
  await page.getByRole("link", { name: "Apply for an arrangement that needs approval" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apply for an arrangement");
  if (check) await expectNoAxeViolations(page, "the application form");
  await page.getByLabel("25% extra time", { exact: true }).check();
  await page.getByLabel("Assessor's name").fill("Dr Eira Hughes");
  await page.getByLabel("Assessor's qualification").fill("PG Cert in specialist assessment (CPT3A)");
  await page.getByLabel("Date of the assessment").fill("2025-10-06");
  const scores: [string, string, string][] = [
    ["TOWRE-2", "Speed of reading", "84"],
    ["DASH", "Speed of writing", secondScore],
  ];
  for (const [i, [name, area, score]] of scores.entries()) {
    const row = page.getByRole("group", { name: `Score ${i + 1}` });
    await row.getByLabel("Test").fill(name);
    await row.getByLabel("What it measures").selectOption({ label: area });
    await row.getByLabel("Standardised score").fill(score);
  }
  await page.getByLabel("This is the candidate's normal way of working in the centre").check();
  await page
    .getByLabel("The candidate has been told that their personal data will be processed for this application")
    .check();
  await page
    .getByLabel("I declare that the information given is accurate and that the evidence is held at the centre")
    .check();
  await page.getByRole("button", { name: "Send the application" }).click();
}

test("a teacher applies for 25% extra time: approved at once, or referred and then approved by the board", async ({
  page,
  browser,
}) => {
  test.slow();
  await signIn(page, AA.teacher.email, E2E.password);
  await page.getByRole("main").getByRole("link", { name: "Access arrangements" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access arrangements");
  await expectNoAxeViolations(page, "access arrangements");

  // Two qualifying scores in different areas (84 and 89): approved at once.
  await applyForExtraTime(page, AA.qualifying, "89", true);
  const outcome = page.getByTestId("outcome");
  await expect(outcome).toContainText("Approved");
  await expect(outcome).toContainText(/Reference AA68101-[0-9A-Z]{6}\./);
  await expect(outcome).toContainText(
    `The approval expires on ${formatDate(approvalExpiry(new Date()), "date", "en")}.`,
  );
  await expect(page.getByTestId("arrangement-status")).toContainText("Approved");
  await expectNoAxeViolations(page, "an approved application");

  // One score of 84 and one of 90: referred, with the reason.
  await applyForExtraTime(page, AA.referred, "90");
  await expect(page.getByTestId("outcome")).toContainText("Referred to the board");
  await expect(page.getByTestId("outcome")).toContainText("Only one score is low");
  await expectNoAxeViolations(page, "a referred application");
  const referredPage = page.url();

  // The same pages in Welsh.
  await toggleLanguage(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByTestId("outcome")).toContainText("Wedi'i gyfeirio at y bwrdd");
  await expectNoAxeViolations(page, "a referred application in Welsh");
  await page.getByRole("link", { name: "Yn ôl i'r ymgeisydd" }).click();
  await expect(page.getByTestId("candidate-details")).toContainText(AA.referred);
  await expectNoAxeViolations(page, "a candidate's arrangements in Welsh");
  await page.getByRole("link", { name: "Gwneud cais am drefniant y mae angen cymeradwyaeth arno" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gwneud cais am drefniant");
  await expectNoAxeViolations(page, "the application form in Welsh");
  await page.goto("/access-arrangements");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trefniadau mynediad");
  await expectNoAxeViolations(page, "access arrangements in Welsh");
  await page.goto("/access-arrangements/modified-papers?series=2027-06");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Papurau wedi'u haddasu");
  await expectNoAxeViolations(page, "modified papers in Welsh");
  await toggleLanguage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modified papers");
  await expect(page.getByTestId("papers-deadline")).toContainText("31 January 2027");
  await expectNoAxeViolations(page, "modified papers");

  // Board staff approve the referral.
  const started = Date.now();
  const context = await browser.newContext();
  const board = await context.newPage();
  await signedIn(board, "board@board.test");
  await board.getByRole("main").getByRole("link", { name: "Access arrangements" }).click();
  await expect(board.getByRole("heading", { level: 1 })).toHaveText("Access arrangements");
  await expectNoAxeViolations(board, "the referred queue");
  const row = board.getByRole("row").filter({ hasText: "68101" }).filter({ hasText: AA.referred });
  await row.getByRole("link").click();
  await expect(board.getByRole("heading", { level: 1 })).toHaveText(`25% extra time for candidate ${AA.referred}`);
  await expect(board.getByTestId("arrangement-evidence")).toContainText("Dr Eira Hughes");
  await expectNoAxeViolations(board, "a referred application");
  await toggleLanguage(board);
  await expect(board.getByRole("heading", { level: 1 })).toHaveText(
    `25% o amser ychwanegol ar gyfer ymgeisydd ${AA.referred}`,
  );
  await expectNoAxeViolations(board, "a referred application in Welsh");
  await toggleLanguage(board);
  await expect(board.locator("html")).toHaveAttribute("lang", "en");
  await board.getByLabel("Approve").check();
  await board.getByRole("button", { name: "Record the decision" }).click();
  await expect(board.getByText("The application has been approved and the centre has been emailed.")).toBeVisible();
  await expect(board.getByTestId("arrangement-status")).toContainText("Approved");
  await expectNoAxeViolations(board, "a decided application");
  await board.goto("/board/access-arrangements/deadlines");
  await expect(board.getByRole("heading", { level: 1 })).toHaveText("Modified paper deadlines");
  await expectNoAxeViolations(board, "modified paper deadlines");
  await toggleLanguage(board);
  await expect(board.getByRole("heading", { level: 1 })).toHaveText("Terfynau amser papurau wedi'u haddasu");
  await expectNoAxeViolations(board, "modified paper deadlines in Welsh");
  await board.goto("/board/access-arrangements");
  await expect(board.getByRole("heading", { level: 1 })).toHaveText("Trefniadau mynediad");
  await expectNoAxeViolations(board, "the referred queue in Welsh");
  await toggleLanguage(board);
  await expect(board.locator("html")).toHaveAttribute("lang", "en");
  await context.close();

  // The centre is told, and sees the approval.
  const mail = await latestMessage("eo@68101.test", started);
  expect(mail.subject).toContain("An access arrangement application has been approved");
  expect(mail.text).toContain(`candidate ${AA.referred}`);
  await page.goto(referredPage.replace(/\?.*$/, ""));
  await expect(page.getByTestId("arrangement-status")).toContainText("Approved");
  await expect(page.getByTestId("arrangement-status")).toContainText(/AA68101-[0-9A-Z]{6}/);
});
