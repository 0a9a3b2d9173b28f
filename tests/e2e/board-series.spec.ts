import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signedIn } from "./helpers";

// Series and results days in a browser: board staff create a series with the release times left
// to their defaults and see them back in UK time, in English and Welsh. Its dates sit at the
// clock changes of 2098 — results day Monday 27 October, the day after the clocks go back, so
// the restricted release (00:00 on Sunday 26 October) is BST and the release (08:00 on the
// Monday) GMT; the entry deadline on Sunday 30 March, the day the clocks go forward. At the end
// results day is moved to 2001 (the release times stay in 2098), so this series is the oldest and
// never released: no other test's default series (the latest results day, or the next release)
// changes. Its components' settings (an examiners' deadline for Latin Language, a tolerance for
// Oracy) belong to this series alone.

const CODE = "2098-10";

/** The value shown beside a term of the page's "Dates and times" list. */
const shown = (page: Page, term: string) => page.getByTestId("series-times").locator(`dt:text-is("${term}") + dd`);

test("board staff create a series and see its times back in UK time, in English and Welsh", async ({ page }) => {
  test.slow();
  await signedIn(page, "board@board.test");
  await page.getByRole("main").getByRole("link", { name: "Series and results days" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Series and results days");
  await expectNoAxeViolations(page, "series list");

  await page.getByRole("link", { name: "Create a series" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a series");
  await expectNoAxeViolations(page, "create a series");
  await page.getByLabel("Series code").fill(CODE);
  await page.getByLabel("Name in English").fill("October 2098");
  await page.getByLabel("Name in Welsh").fill("Hydref 2098");
  await page.getByLabel("Results day").fill("2098-10-27");
  const deadline = page.getByRole("group", { name: /^Entry deadline/ });
  await deadline.getByLabel("Date").fill("2098-03-30");
  // 01:30 does not happen that night: the clocks go from 01:00 to 02:00.
  await deadline.getByLabel("Time").fill("01:30");
  await page.getByRole("button", { name: "Create series" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: /That time does not exist in the UK on that day/ })).toBeVisible();
  await expectNoAxeViolations(page, "create a series, with an error");
  await deadline.getByLabel("Time").fill("09:00");
  await page.getByRole("button", { name: "Create series" }).click();

  await expect(page.getByText("The series has been created.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`October 2098 (${CODE})`);
  await expect(shown(page, "Results day")).toHaveText("Monday 27 October 2098");
  await expect(shown(page, "Restricted release")).toHaveText("00:00 on Sunday 26 October 2098");
  await expect(shown(page, "Release")).toHaveText("08:00 on Monday 27 October 2098");
  await expect(shown(page, "Entry deadline")).toHaveText("09:00 on Sunday 30 March 2098");
  // The form holds the same UK times, ready to change.
  const restricted = page.getByRole("group", { name: /^Restricted release/ });
  await expect(restricted.getByLabel("Date")).toHaveValue("2098-10-26");
  await expect(restricted.getByLabel("Time")).toHaveValue("00:00");
  await expect(page.getByRole("group", { name: /^Release/ }).getByLabel("Time")).toHaveValue("08:00");
  await expectNoAxeViolations(page, "the new series");

  // The components' mark deadlines, by keyboard: the internally assessed ones (centres' marks,
  // with a tolerance) and the written ones (examiners' marks, no tolerance) in tables of their own.
  await expect(page.getByRole("heading", { name: "Internally assessed components: centres' marks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Written components: examiners' marks" })).toBeVisible();
  await expect(page.getByTestId("written-components").getByRole("columnheader")).toHaveText([
    "Component",
    "Component's own deadline",
    "Examiners' deadline: date",
    "Examiners' deadline: time",
  ]);
  await expect(page.getByTestId("internal-components").getByRole("columnheader")).toHaveText([
    "Component",
    "Component's own deadline",
    "Centres' deadline: date",
    "Centres' deadline: time",
    "Moderation tolerance (marks)",
  ]);
  await expect(page.getByTestId("written-components")).not.toContainText("9541/01 Oracy");
  const latinDate = page.getByLabel("Examiners' deadline: date, 9521/01 Latin Language");
  const latinTime = page.getByLabel("Examiners' deadline: time, 9521/01 Latin Language");
  const oracyTolerance = page.getByLabel("Moderation tolerance (marks), 9541/01 Oracy");
  await latinDate.fill("2098-07-01");
  await latinTime.fill("12:00");
  await oracyTolerance.fill("three");
  await oracyTolerance.press("Enter");
  const toleranceError = page.getByRole("link", { name: "Enter the tolerance as a whole number of marks, like 3" });
  await expect(toleranceError).toBeVisible();
  await expectNoAxeViolations(page, "the components' deadlines, with an error");
  await toleranceError.focus();
  await page.keyboard.press("Enter");
  await expect(oracyTolerance).toBeFocused();
  await expect(latinDate).toHaveValue("2098-07-01");
  await oracyTolerance.fill("3");
  await page.keyboard.press("Enter");
  await expect(page.getByText("The component settings have been saved.")).toBeVisible();
  await expect(latinDate).toHaveValue("2098-07-01");
  await expect(latinTime).toHaveValue("12:00");
  await expect(oracyTolerance).toHaveValue("3");

  // In Welsh (the choice is saved on the stored account: switched back at the end).
  await page.getByRole("button", { name: /switch to Welsh/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hydref 2098 (${CODE})`);
  await expect(shown(page, "Diwrnod y canlyniadau")).toHaveText("Dydd Llun 27 Hydref 2098");
  await expect(shown(page, "Rhyddhau cyfyngedig")).toHaveText("00:00 ar ddydd Sul 26 Hydref 2098");
  await expect(shown(page, "Rhyddhau")).toHaveText("08:00 ar ddydd Llun 27 Hydref 2098");
  await expect(shown(page, "Terfyn amser cofrestru")).toHaveText("09:00 ar ddydd Sul 30 Mawrth 2098");
  await expectNoAxeViolations(page, "the new series in Welsh");
  await page.goto("/board/series");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cyfresi a diwrnodau canlyniadau");
  await expect(page.getByRole("row", { name: new RegExp(CODE) })).toContainText("26 Hyd 2098, 00:00");
  await expectNoAxeViolations(page, "series list in Welsh");
  await page.getByRole("link", { name: "Creu cyfres" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Creu cyfres");
  await expectNoAxeViolations(page, "create a series in Welsh");
  await page.getByRole("button", { name: /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Results day moved out of every other test's way; the release times, not retyped, stay.
  await page.goto("/board/series");
  await page.getByRole("link", { name: CODE, exact: true }).click();
  await page.getByLabel("Results day").fill("2001-08-16");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The changes have been saved.")).toBeVisible();
  await expect(shown(page, "Results day")).toHaveText("Thursday 16 August 2001");
  await expect(shown(page, "Restricted release")).toHaveText("00:00 on Sunday 26 October 2098");
  await expect(shown(page, "Release")).toHaveText("08:00 on Monday 27 October 2098");
});
