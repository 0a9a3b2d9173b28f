import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, signedIn, type StoredAccount } from "./helpers";

async function toggleLanguage(page: Page) {
  await page.getByRole("button", { name: /switch to Welsh|Switch to English/i }).click();
}

test("a teacher and an exams officer each see exactly their tiles, in English and Welsh", async ({ page }) => {
  await signedIn(page, "teacher@68101.test");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Past papers and mark schemes" })).toBeVisible();
  for (const hidden of ["A2C keys", "Manage users", "Candidate results", "Today's question papers"])
    await expect(main.getByRole("link", { name: hidden })).toHaveCount(0);
  await toggleLanguage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pob gwasanaeth");
  await expect(main.getByRole("link", { name: "Cyn-bapurau a chynlluniau marcio" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Rheoli defnyddwyr" })).toHaveCount(0);
  // The choice is remembered on the profile: it survives signing out and in again.
  await page.context().clearCookies();
  await signIn(page, "teacher@68101.test");
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await toggleLanguage(page);

  await signedIn(page, "eo@68101.test");
  for (const shown of ["A2C keys", "Manage users", "Candidate results", "Today's question papers", "Entries"])
    await expect(main.getByRole("link", { name: shown, exact: true })).toBeVisible();
  // A teacher's direct visit to a service they cannot use is refused on the server.
  await signedIn(page, "teacher@68101.test");
  await page.goto("/services/manage-users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
});

test("keyboard only: search all services, pin a favourite, switch language", async ({ page }) => {
  await signedIn(page, "results.teacher@68101.test");
  await page.getByRole("main").getByLabel("Search all services", { exact: true }).focus();
  await page.keyboard.type("boundaries");
  await expect(page.getByText("1 service matches")).toBeVisible();
  // Welsh words find English tiles too.
  await page.getByRole("main").getByLabel("Search all services", { exact: true }).fill("");
  await page.keyboard.type("ffiniau");
  await expect(page.getByRole("main").getByRole("link", { name: "Grade boundaries" })).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add Grade boundaries to My Favourites" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("favourites").getByRole("link", { name: "Grade boundaries" })).toBeVisible();
  await page.getByRole("button", { name: /switch to Welsh/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pob gwasanaeth");
  await page.getByRole("button", { name: /Switch to English/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All Services");
});

const PUBLIC_PAGES = ["/sign-in", "/appointee/sign-in", "/forgot-password"];

test("the development outbox does not exist in production mode", async ({ page }) => {
  // The e2e server runs the production build on the embedded database: no outbox page.
  const response = await page.goto("/dev/outbox");
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/Temporary password|Cyfrinair dros dro/)).toHaveCount(0);
});
const PORTAL_PAGES = ["/", "/profile", "/profile/security", "/no-access"];

test("axe finds nothing on the public pages, in English and Welsh", async ({ page }) => {
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectNoAxeViolations(page, `en ${path}`);
  }
  await page.goto("/sign-in");
  await toggleLanguage(page);
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectNoAxeViolations(page, `cy ${path}`);
  }
});

// One test per account and language: each crawls a few dozen pages, and a crawl of both
// languages in one test outgrew any sensible timeout as services were added.
for (const account of [
  "eo@68101.test",
  "admin@68101.test",
  "teacher@68101.test",
  "board@board.test",
  "examiner@appointees.test",
  "moderator@appointees.test",
] satisfies StoredAccount[]) {
  for (const language of ["en", "cy"] as const) {
    test(`axe finds nothing on the portal pages as ${account}, in ${language === "en" ? "English" : "Welsh"}`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await signedIn(page, account);
      const inLanguage = async (wanted: "en" | "cy") => {
        if ((await page.locator("html").getAttribute("lang")) === wanted) return;
        await toggleLanguage(page);
        await expect(page.locator("html")).toHaveAttribute("lang", wanted);
      };
      await inLanguage(language);
      try {
        // Every service the account's All Services page offers, plus the shell's own pages.
        const tiles = await page
          .getByRole("main")
          .locator('a[href^="/"]')
          .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
        const pages = [...new Set([...PORTAL_PAGES, ...tiles])];
        expect(pages.length).toBeGreaterThan(PORTAL_PAGES.length);
        for (const path of pages) {
          await page.goto(path);
          await expectNoAxeViolations(page, `${language} ${account} ${path}`);
        }
      } finally {
        // The demo account goes back to English for the tests that follow.
        await page.goto("/");
        await inLanguage("en");
      }
    });
  }
}
