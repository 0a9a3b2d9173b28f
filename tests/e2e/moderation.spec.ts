import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signedIn } from "./helpers";

// Moderation in a browser, on the demo board (prisma/seed/iamis.ts, prisma/seed/moderation.ts):
// the demo moderator sees their component with its totals, works as the moderator they lead and
// back, marks 68101's sample 3 marks above the centre's (by keyboard), sees the differences and
// the whole cohort moved by the adjustment before confirming, writes the report and submits it.
// Board staff release the component's reports; the exams officer of 68101 reads the report.
// Every new page passes axe, in English and Welsh.

test.describe.configure({ mode: "serial" });

const cells = (page: Page) => page.getByRole("textbox", { name: /^Mark for / });

/** Switches the page's language with the header's toggle and waits for it. */
async function language(page: Page, wanted: "en" | "cy") {
  if ((await page.locator("html").getAttribute("lang")) === wanted) return;
  await page.getByRole("button", { name: wanted === "cy" ? /switch to Welsh/ : /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", wanted);
}

/** axe on the page as it is, then again in Welsh; back in English after. */
async function axeBoth(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
  await language(page, "cy");
  await expectNoAxeViolations(page, `${label} (Welsh)`);
  await language(page, "en");
}

let sheetPath = "";
let componentCode = "";

test("the moderator marks 68101's sample, checks the adjustment on the whole cohort and submits a report", async ({
  page,
}) => {
  test.slow();
  await signedIn(page, "moderator@appointees.test");
  await page.getByRole("main").getByRole("link", { name: "Moderator mark input" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderator mark input");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: /^Review marks \(\d+ remaining\)/ }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").first()).toHaveText(/^GCSE June 2027 .+ \((\d{4}\/\d{2})\)$/);
  componentCode = (await row.getByRole("cell").first().textContent())!.match(/\((\d{4}\/\d{2})\)$/)![1];
  await axeBoth(page, "moderator mark input");

  // Work as the moderator they lead, and back.
  await page.getByLabel("Work as:").selectOption({ label: "Owain Pugh" });
  await page.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(page.getByText(/You are working as Owain Pugh/)).toBeVisible();
  await expectNoAxeViolations(page, "working as a team member");
  await page.getByLabel("Work as:").selectOption({ label: "Helen Charles (you)" });
  await page.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(page.getByText(/You are working as/)).toHaveCount(0);

  await page.getByRole("link", { name: /^Review marks/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(componentCode);
  await axeBoth(page, "an allocation's centres");
  await page.getByRole("link", { name: "Moderate centre 68101" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Centre 68101: /);
  sheetPath = new URL(page.url()).pathname;
  await axeBoth(page, "a sample to moderate");

  // The maximum is in the mark column's heading; each row shows the centre's mark.
  const max = Number(
    (await page.getByRole("columnheader", { name: /^Mark \(out of \d+\)$/ }).textContent())!.match(/\d+/)![0],
  );
  const rows = page.getByRole("row").filter({ has: cells(page) });
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  await cells(page).first().click();
  for (let i = 0; i < count; i++) {
    const centre = Number(await rows.nth(i).getByRole("cell").nth(2).textContent());
    await page.keyboard.type(String(Math.min(max, centre + 3)));
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("grid-status")).toHaveText(/All marks saved at \d\d:\d\d/);

  // The differences and the whole cohort, before anything is confirmed.
  await page.getByRole("link", { name: "Differences, adjustment and report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Differences, adjustment and report");
  await expect(page.getByTestId("moderation-outcome")).toHaveText(
    /beyond the tolerance: every candidate's mark moves by \+3/,
  );
  const cohort = page.getByRole("table", { name: "Every candidate's mark before and after the adjustment" });
  const first = cohort.getByRole("row").nth(1).getByRole("cell");
  const before = Number(await first.nth(2).textContent());
  if (!Number.isNaN(before)) await expect(first.nth(3)).toHaveText(String(Math.min(max, before + 3)));
  await axeBoth(page, "the differences and the report form");

  // Submitting without the confirmation is refused, with the report kept.
  await page.getByLabel("Administration").fill("The sample and forms arrived on time.");
  await page.getByLabel("Application of the marking criteria").fill("Marking was a little severe across the range.");
  await page.getByLabel("Annotation").fill("Clear, referring to the criteria.");
  await page.getByLabel("Advice to the centre").fill("Compare the upper bands with the exemplars.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Your draft has been saved.")).toBeVisible();
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByLabel("Advice to the centre")).toHaveValue("Compare the upper bands with the exemplars.");
  await expectNoAxeViolations(page, "the report form with an error");
  await page.getByLabel(/confirm that every candidate's mark moves by \+3/).check();
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByText("The report has been submitted.")).toBeVisible();
  await expect(page.getByText("Not yet released to the centre.")).toBeVisible();
  await axeBoth(page, "a submitted report");

  // The marks are locked now.
  await page.goto(sheetPath);
  await expect(page.getByText("The report has been submitted: these marks can no longer be changed.")).toBeVisible();
  await expect(cells(page)).toHaveCount(0);
});

test("board staff release the component's reports, and the exams officer reads 68101's", async ({ page }) => {
  test.slow();
  await signedIn(page, "board@board.test");
  await page.getByRole("main").getByRole("link", { name: "Moderation", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderation");
  await axeBoth(page, "the board's moderation");
  const section = page.getByRole("region", { name: new RegExp(`^${componentCode.replace("/", "\\/")} `) });
  const sheets = section.getByRole("table");
  await expect(sheets.getByRole("row").filter({ hasText: "68101" })).toContainText("Submitted, not released");
  await expect(sheets.getByRole("row").filter({ hasText: "68102" })).toContainText("Released");
  await section.getByRole("button", { name: /^Release moderator reports \(1\)/ }).click();
  await expect(page.getByText("The moderator reports have been released to their centres.")).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: new RegExp(`^${componentCode.replace("/", "\\/")} `) })
      .getByRole("row")
      .filter({ hasText: "68101" }),
  ).toContainText("Released");

  // An unlockable sheet (another component's submitted sheet, if the demo has one) shows its page.
  const unlock = page.getByRole("link", { name: /^Unlock centre/ }).first();
  if (await unlock.count()) {
    await unlock.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unlock a mark sheet");
    await page.getByRole("button", { name: "Unlock sheet" }).click();
    await expect(page.getByText("Give the reason for unlocking the sheet").first()).toBeVisible();
    await axeBoth(page, "unlocking a sheet, with an error");
  }

  await signedIn(page, "eo@68101.test");
  await page.goto("/moderator-reports");
  await page.getByRole("link", { name: new RegExp(`^${componentCode.replace("/", "\\/")} `) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(componentCode);
  await expect(page.getByText("Compare the upper bands with the exemplars.")).toBeVisible();
  await expect(page.getByText(/every candidate's mark moves by 3/)).toBeVisible();
});
