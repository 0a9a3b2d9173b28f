import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signedIn } from "./helpers";

// Electronic Mark Input in a browser, on the demo board (prisma/seed/emi.ts): the demo examiner,
// signed in through the appointee door, sees their deadline and their allocation, marks a
// candidate nobody has marked yet question by question, finds the marks again after a reload,
// submits that candidate's mark, and sees the "left" and "submitted" counts move; board staff
// change a submitted mark with a reason. Every new page passes axe, in English and Welsh.

// One after another: the Welsh test switches the stored examiner account's language.
test.describe.configure({ mode: "serial" });

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

test("board staff change a submitted examiner mark, with a reason", async ({ page }) => {
  test.slow();
  await signedIn(page, "board@board.test");
  await page.goto("/board/appointees?q=examiner%40appointees.test");
  await page.getByRole("link", { name: "Eleri Morgan" }).click();
  await page.getByRole("link", { name: /^View marks: 9521\/01/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Examiner's marks: 9521\/01 /);
  await expectNoAxeViolations(page, "an examiner's marks");

  const change = page.getByRole("link", { name: /^Change the mark of / }).first();
  const who = ((await change.getAttribute("aria-label")) ?? "").replace("Change the mark of ", "");
  await change.click();
  await expect(page.getByRole("heading", { name: `Change the mark of ${who}` })).toBeVisible();
  await expectNoAxeViolations(page, "changing a submitted mark");
  await page.getByRole("button", { name: "Change mark" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter the reason for the change" })).toBeVisible();
  await expectNoAxeViolations(page, "changing a submitted mark, with an error");

  await page.getByLabel("Code", { exact: true }).selectOption("");
  const questions = page.getByRole("textbox", { name: /^Question / });
  const n = await questions.count();
  for (let i = 0; i < n; i++) await questions.nth(i).fill("2");
  await page.getByLabel("Reason for the change").fill("Marks per question keyed against the wrong script");
  await page.getByRole("button", { name: "Change mark" }).click();
  await expect(page.getByText("The mark has been changed.")).toBeVisible();
  const [number, ...name] = who.split(" ");
  const row = page
    .getByRole("row")
    .filter({ hasText: name.join(" ") })
    .filter({ hasText: number });
  await expect(row.getByRole("cell").nth(4)).toHaveText(String(2 * n));

  await page.getByRole("button", { name: /switch to Welsh/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Marciau'r arholwr: /);
  await expectNoAxeViolations(page, "an examiner's marks in Welsh");
  await page
    .getByRole("link", { name: /^Newid marc / })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: /^Newid marc / })).toBeVisible();
  await expectNoAxeViolations(page, "changing a submitted mark in Welsh");
  await page.getByRole("button", { name: /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
