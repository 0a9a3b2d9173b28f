import { expect, test as setup } from "@playwright/test";
import { enterEmailAndPassword, ownIp, STORED_ACCOUNTS, storedStatePath, totpFor } from "./helpers";

// Signs each demo account in once, through the real pages, and keeps the browser's cookies
// (.data/e2e/auth/<email>.json). Tests that are not about signing in start from these with
// `signedIn(page, email)` instead of a full sign-in of their own. Sessions live an hour idle,
// far longer than the suite.
for (const email of STORED_ACCOUNTS) {
  setup(`sign in ${email}`, async ({ page }) => {
    await ownIp(page);
    const door = email.endsWith("@appointees.test") ? "/appointee/sign-in" : "/sign-in";
    await enterEmailAndPassword(page, email, "porth-demo-password", door);
    await expect(page).toHaveURL(/\/mfa$/);
    await page.getByLabel(/^(Code|Cod)$/).fill(await totpFor(email));
    await page.getByRole("button", { name: /^(Continue|Parhau)$/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All Services|Pob gwasanaeth/);
    await page.context().storageState({ path: storedStatePath(email) });
  });
}
