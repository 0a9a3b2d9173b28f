import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, latestMessage, signedIn, switchTo } from "./helpers";

// The board's appointees: board staff create a moderator, who is invited by email to
// the appointee sign-in, and allocate them to an internally assessed component of the demo
// series and a demo centre. Every page of the service is checked with axe in English and Welsh.

/** Switches language with the header's toggle (the signed-in account saves the choice). */
test("board staff create a moderator and allocate them to a component and a demo centre", async ({ page }) => {
  test.slow();
  const email = `e2e.moderator.${Date.now().toString(36)}@appointees.test`;
  await signedIn(page, "board@board.test");
  await page.getByRole("main").getByRole("link", { name: "Appointees", exact: true }).click();
  await expect(page).toHaveURL(/\/board\/appointees$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointees");
  await expect(page.getByRole("cell", { name: /moderator@appointees\.test/ })).toBeVisible();
  await expectNoAxeViolations(page, "appointees");

  // An address outside the appointee domain is refused, saying why.
  await page.getByRole("link", { name: "Add an appointee" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an appointee");
  await expectNoAxeViolations(page, "new appointee");
  await page.getByLabel("Email address").fill("someone@example.test");
  await page.getByLabel("Full name").fill("Mererid Moderator");
  await page.getByLabel(/^Moderator/).check();
  await page.getByRole("button", { name: "Create and send the invite" }).click();
  await expect(page.getByRole("link", { name: /in the appointee domain/ })).toBeVisible();
  await expectNoAxeViolations(page, "new appointee with an error");

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Full name").fill("Mererid Moderator");
  await page.getByLabel(/^Moderator/).check();
  await page.getByRole("button", { name: "Create and send the invite" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mererid Moderator");
  await expect(page.getByText("The account has been created and the invite sent.")).toBeVisible();
  await expect(page.getByText("Invited", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "appointee");
  const invite = await latestMessage(email);
  expect(invite.text).toContain("Temporary password");
  expect(invite.text).toContain("/appointee/sign-in");

  // Allocate: the series, then one of its internally assessed components, then a centre.
  await page.getByRole("link", { name: "Add an allocation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an allocation");
  await page.getByLabel("Series", { exact: true }).selectOption("2027-06");
  await page.getByRole("button", { name: "Show the components" }).click();
  await expectNoAxeViolations(page, "allocation: component");
  await page.getByLabel("Component", { exact: true }).selectOption("9541/01");
  await page.getByRole("button", { name: "Choose this component" }).click();
  // Moderators get centres only: no candidate search.
  await expect(page.getByRole("main").getByRole("search")).toHaveCount(0);
  await expectNoAxeViolations(page, "allocation: centres");
  await page.getByLabel("Centre numbers").fill("68101");
  await page.getByRole("button", { name: "Allocate" }).click();

  await expect(page.getByText("The allocation has been saved.")).toBeVisible();
  const allocation = page.getByRole("region", { name: /^9541\/01 .* in June 2027$/ });
  await expect(allocation).toContainText("68101");
  // Progress: one centre; nothing marked yet, so every script is left.
  const progress = allocation.getByRole("row").nth(1).getByRole("cell");
  await expect(progress.nth(0)).toHaveText("1");
  await expect(progress.nth(3)).toHaveText("0");
  await expect(progress.nth(4)).toHaveText("0");
  expect(await progress.nth(5).textContent()).toBe(await progress.nth(2).textContent());
  await expectNoAxeViolations(page, "appointee with an allocation");
  const appointeePage = page.url().split("?")[0];

  // The same pages in Welsh.
  await switchTo(page, "cy");
  try {
    await page.goto("/board/appointees");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penodeion");
    await expectNoAxeViolations(page, "appointees (cy)");
    await page.goto("/board/appointees/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ychwanegu penodai");
    await expectNoAxeViolations(page, "new appointee (cy)");
    await page.goto(appointeePage);
    await expect(page.getByRole("heading", { name: "Dyraniadau a chynnydd" })).toBeVisible();
    await expectNoAxeViolations(page, "appointee (cy)");
    await page.goto(`${appointeePage}/allocations/new?series=2027-06`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ychwanegu dyraniad");
    await expectNoAxeViolations(page, "allocation: component (cy)");
    await page.goto(`${appointeePage}/allocations/new?series=2027-06&component=9541%2F01`);
    await expect(page.getByLabel("Rhifau canolfan")).toBeVisible();
    await expectNoAxeViolations(page, "allocation: centres (cy)");
  } finally {
    await page.goto("/");
    await switchTo(page, "en");
  }
});
