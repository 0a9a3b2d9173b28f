import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signedIn } from "./helpers";

// Electronic Mark Input in a browser, on the demo board (prisma/seed/emi.ts): the demo examiner,
// signed in through the appointee door, sees their deadline and their allocation, marks a
// candidate nobody has marked yet question by question, finds the marks again after a reload,
// submits that candidate's mark, and sees the "left" and "submitted" counts move. Every new
// page passes axe, in English and Welsh.

const EXAMINER = "examiner@appointees.test";

/** The counts of the allocation's row on /emi: left, to submit, submitted. */
async function counts(page: Page) {
  await page.goto("/emi");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: /^Enter marks \(\d+ left\) for / }) })
    .first();
  const enter = (await row.getByRole("link", { name: /^Enter marks \(\d+ left\) for / }).textContent()) ?? "";
  const submitCell = (await row.getByRole("cell").nth(3).textContent()) ?? "";
  const left = Number(/\((\d+) left\)/.exec(enter)?.[1]);
  const submit = /\((\d+) to submit \/ (\d+) submitted\)/.exec(submitCell);
  const none = /No marks to submit \((\d+) submitted\)/.exec(submitCell);
  return {
    left,
    toSubmit: submit ? Number(submit[1]) : 0,
    submitted: Number(submit?.[2] ?? none?.[1]),
  };
}

test("the demo examiner enters a candidate's marks per question, finds them after a reload, and submits them", async ({
  page,
}) => {
  test.slow();
  await signedIn(page, EXAMINER);
  // Their own mark deadline on the home page, not a centre's.
  await expect(page.getByText(/^Mark deadline: 9521\/01 .*\(June 2027\)/)).toBeVisible();

  await page.getByRole("main").getByRole("link", { name: "Examiner mark input (EMI)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Electronic Mark Input");
  await expect(page.getByRole("link", { name: /conference agenda/ })).toBeVisible();
  await expectNoAxeViolations(page, "Electronic Mark Input");
  const before = await counts(page);
  expect(before.left).toBeGreaterThan(0);

  await page
    .getByRole("link", { name: /^Enter marks \(\d+ left\) for / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Enter marks: /);
  await expectNoAxeViolations(page, "entering marks");

  // The first candidate with no mark at all: every question cell empty.
  const rows = page.locator("tr[data-entry]");
  const index = await rows.evaluateAll((trs) =>
    trs.findIndex((tr) => {
      const inputs = [...tr.querySelectorAll("input")].filter((i) =>
        i.getAttribute("aria-label")?.startsWith("Question"),
      );
      return inputs.length > 0 && inputs.every((i) => i.value === "");
    }),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  const row = rows.nth(index);
  const entryId = await row.getAttribute("data-entry");
  const questions = row.getByRole("textbox", { name: /^Question / });
  const n = await questions.count();
  const who = /^Question \S+ for (.+)$/.exec((await questions.first().getAttribute("aria-label")) ?? "")![1];
  // By keyboard: a mark in each question's cell, Tab to the next.
  await questions.first().click();
  for (let i = 0; i < n; i++) {
    await page.keyboard.type("1");
    if (i < n - 1) await page.keyboard.press("Tab");
  }
  await expect(page.getByTestId("grid-status")).toHaveText(/All marks saved at \d\d:\d\d/);
  await expect(row).toContainText(String(n));

  await page.reload();
  const again = page.locator(`tr[data-entry="${entryId}"]`);
  for (let i = 0; i < n; i++) await expect(again.getByRole("textbox", { name: /^Question / }).nth(i)).toHaveValue("1");
  await expect(page.getByTestId("emi-counts")).toContainText(`${before.left - 1} left`);

  const entered = await counts(page);
  expect(entered).toEqual({ left: before.left - 1, toSubmit: before.toSubmit + 1, submitted: before.submitted });

  // Submit this candidate's mark only.
  await page
    .getByRole("link", { name: /^Submit marks \(\d+ to submit/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Submit marks: /);
  await expectNoAxeViolations(page, "submitting marks");
  await page.getByRole("button", { name: "Submit selected marks" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Choose at least one mark to submit" })).toBeVisible();
  await expectNoAxeViolations(page, "submitting marks, with errors");
  await page.getByRole("checkbox", { name: `Submit the mark of ${who}` }).check();
  await page.getByRole("checkbox", { name: /^I confirm these marks are final/ }).check();
  await page.getByRole("button", { name: "Submit selected marks" }).click();
  await expect(page.getByText("1 mark submitted.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: `Submit the mark of ${who}` })).toHaveCount(0);

  const after = await counts(page);
  expect(after).toEqual({ left: before.left - 1, toSubmit: before.toSubmit, submitted: before.submitted + 1 });

  // The submitted row is locked in the grid.
  await page
    .getByRole("link", { name: /^Enter marks \(\d+ left\) for / })
    .first()
    .click();
  await expect(page.locator(`tr[data-entry="${entryId}"]`).getByRole("textbox")).toHaveCount(0);
  await expect(page.locator(`tr[data-entry="${entryId}"]`)).toContainText("Locked");
});

test("Electronic Mark Input passes axe in Welsh", async ({ page }) => {
  test.slow();
  await signedIn(page, EXAMINER);
  await page.goto("/emi");
  // The choice is saved on the stored account: switched back at the end.
  await page.getByRole("button", { name: /switch to Welsh/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mewnbynnu Marciau Electronig");
  await expectNoAxeViolations(page, "Electronic Mark Input in Welsh");
  await page
    .getByRole("link", { name: /^Mewnbynnu marciau \(\d+ ar ôl\) ar gyfer / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Mewnbynnu marciau: /);
  await expectNoAxeViolations(page, "entering marks in Welsh");
  await page.goto(page.url().replace(/\/?$/, "/submit"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Cyflwyno marciau: /);
  await expectNoAxeViolations(page, "submitting marks in Welsh");
  await page.getByRole("button", { name: /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
