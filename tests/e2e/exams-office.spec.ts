import { expect, test } from "@playwright/test";
import { uciCheckLetter } from "../../lib/validation/entries";
import { BASE_URL } from "./env";
import { E2E } from "./fixtures-seed";
import { expectNoAxeViolations, setServerClock, signIn } from "./helpers";

// The server's clock is pinned for these tests (tests/e2e/helpers.ts setServerClock); each test
// puts it back. June 2027: restricted release 00:00 BST on 18 Aug (2027-08-17T23:00Z); Users
// from 08:00 BST on 19 Aug (07:00Z). The accounts here sign in only at pinned times (centre
// 68102's EO and two fixture teachers), so their authenticator steps never meet real-time ones;
// each sign-in of the same account uses a later pinned time.
const RESTRICTED_DAY = new Date("2027-08-18T09:00:00Z");
const RESTRICTED_DAY_LATER = new Date("2027-08-18T09:05:00Z");
const EO = "eo@68102.test";
const BEFORE_EIGHT = new Date("2027-08-19T06:59:00Z");
const EIGHT = new Date("2027-08-19T07:00:00Z");

test.afterEach(async () => {
  await setServerClock(null);
});

test("on the restricted-release day an EO adds a candidate, makes an entry and downloads the results file", async ({
  page,
}) => {
  test.slow();
  await setServerClock(RESTRICTED_DAY);
  await signIn(page, EO, undefined, RESTRICTED_DAY);

  // A new candidate, then an entry for them.
  const number = String(9000 + Math.floor(Math.random() * 999));
  const first12 = `68102270${number}`;
  await page.goto("/entries/candidates/new");
  await expectNoAxeViolations(page, "add a candidate");
  await page.getByLabel("Candidate number").fill(number);
  await page.getByLabel("UCI").fill(first12 + uciCheckLetter(first12));
  await page.getByLabel("Forenames").fill("Megan");
  await page.getByLabel("Surname").fill("Llywelyn");
  await page.getByLabel("Date of birth").fill("2010-03-27");
  await page.getByRole("button", { name: "Add a candidate" }).click();
  await expect(page.getByText(`Candidate ${number} added.`)).toBeVisible();

  // The candidate picker searches: find the new candidate, then choose them from the matches.
  // June 2027's entries (other tests add later series of their own).
  await page.goto("/entries?series=2027-06");
  await page.getByRole("searchbox", { name: "Find the candidate" }).fill(number);
  await page.getByRole("button", { name: "Find", exact: true }).click();
  const candidate = await page.locator("#candidateId option", { hasText: number }).getAttribute("value");
  await page.locator("#candidateId").selectOption(candidate!);
  await page.locator("#specificationId").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Make entry" }).click();
  // After the February deadline, so it is a late entry.
  await expect(page.getByText(/Entry made\. It is a late entry/)).toBeVisible();
  // The list is paged: find the candidate's entries in it.
  await page.getByRole("searchbox", { name: "Candidate", exact: true }).fill(number);
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`${number}.*Late entry`) })).toBeVisible();

  // Results are out for exams officers from 00:00: the page, then the file.
  await page.goto("/entries/import");
  await expectNoAxeViolations(page, "import entries");
  await page.goto("/results");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Candidate results");
  await expect(page.getByText("Results are not yet released")).toHaveCount(0);
  // A candidate's statement of results.
  await page
    .getByRole("link", { name: /^Statement of results/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statement of results");
  await expect(page.getByRole("table").first()).toContainText(/GCSE|A level/);
  await expectNoAxeViolations(page, "statement of results");
  await page.goto("/results/file");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Download results file for/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^results-68102-2027-06\.csv$/);
  const csv = await (
    await download.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^Centre number,/);
  expect(lines.length).toBeGreaterThan(60);
  expect(lines.every((line, i) => i === 0 || line.startsWith("68102,2027-06,"))).toBe(true);
});

test("a results teacher sees nothing at 07:59 and results at 08:00; a teacher without the permission never does", async ({
  page,
  browser,
}) => {
  test.slow();
  await setServerClock(BEFORE_EIGHT);
  await signIn(page, E2E.clockResults.email, E2E.password, BEFORE_EIGHT);
  // June 2027's results (June 2026's have long been out).
  await page.goto("/results?series=2027-06");
  await expect(page.getByText("Results are not yet released")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectNoAxeViolations(page, "results countdown");
  // The file is refused on the server too, as if there were no results.
  expect((await page.request.get("/api/results/file?series=2027-06")).status()).toBe(404);
  await page.goto("/results/grade-boundaries?series=2027-06");
  await expect(page.getByText("Results are not yet released")).toBeVisible();

  await setServerClock(EIGHT);
  await page.goto("/results?series=2027-06");
  await expect(page.getByText("Results are not yet released")).toHaveCount(0);
  await expect(page.getByRole("table").first()).toContainText(/\d{4}/);
  expect((await page.request.get("/api/results/file?series=2027-06")).status()).toBe(200);

  const context = await browser.newContext();
  const teacher = await context.newPage();
  await signIn(teacher, E2E.clockTeacher.email, E2E.password, EIGHT);
  await expect(teacher.getByRole("main").getByRole("link", { name: "Candidate results", exact: true })).toHaveCount(0);
  await teacher.goto("/results");
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  expect((await teacher.request.get("/api/results/file?series=2027-06")).status()).toBe(403);
  await context.close();
});

test("an A2C key fetches results, and stops working once revoked", async ({ page, request }) => {
  test.slow();
  await setServerClock(RESTRICTED_DAY_LATER);
  await signIn(page, EO, undefined, RESTRICTED_DAY_LATER);
  await page.goto("/centre/a2c");
  const name = `MIS ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Generate key" }).click();
  const key = await page.getByLabel("Your new key").inputValue();
  expect(key).toMatch(/^porth_a2c_/);

  const api = (path: string) => request.get(`${BASE_URL}${path}`, { headers: { Authorization: `Bearer ${key}` } });
  const ok = await api("/api/a2c/v1/results?series=2027-06");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  const rows = Array.isArray(body) ? body : (body.results ?? body.rows ?? body.data);
  expect(rows.length).toBeGreaterThan(60);

  await page.reload();
  await page.getByRole("button", { name: `Revoke the key ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  expect((await api("/api/a2c/v1/results?series=2027-06")).status()).toBe(401);
});
