import { expect, test, type Page } from "@playwright/test";
import { E2E_ENV } from "./env";
import { E2E } from "./fixtures-seed";
import { enterEmailAndPassword, expectNoAxeViolations, ownIp } from "./helpers";

// Passkeys as the second factor (docs/decisions/018-passkeys.md), with Chromium's virtual
// authenticator driven through the DevTools protocol: a new account sets one up at its first
// sign-in and then signs in with it; without JavaScript the page says a passkey needs it and a
// recovery code still works.

// A relying party is a host name, never an IP address, so the ceremonies run on localhost rather
// than BASE_URL's 127.0.0.1 (the same server).
const PORTAL = `http://localhost:${E2E_ENV.PORT}`;

/** A platform authenticator (like a laptop's fingerprint reader) that says yes to everything. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    async credentials() {
      return (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
    },
  };
}

test("a new account sets up a passkey at its first sign-in, then signs in with it", async ({ page }) => {
  await ownIp(page);
  const authenticator = await virtualAuthenticator(page);

  await enterEmailAndPassword(page, E2E.passkey.email, E2E.password, `${PORTAL}/sign-in`);
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  // A passkey is offered first.
  await expect(page.getByLabel("Passkey (most secure)")).toBeChecked();
  await expectNoAxeViolations(page, "MFA set-up: choose a method (passkey first)");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "Set up a passkey" })).toBeVisible();
  await page.getByLabel("Name for this passkey (optional)").fill("Test laptop");
  await expectNoAxeViolations(page, "MFA set-up: passkey");
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const [credential] = await authenticator.credentials();
  expect(credential.rpId).toBe("localhost");
  await page.getByRole("button", { name: /I have saved my codes/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All Services");

  // Security settings list it.
  await page.goto(`${PORTAL}/profile/security`);
  await expect(page.getByText("You sign in with: Passkey")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Test laptop" })).toBeVisible();

  await page.getByRole("button", { name: /Profile menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();

  // The next sign-in asks for the passkey, not a code.
  await enterEmailAndPassword(page, E2E.passkey.email, E2E.password, `${PORTAL}/sign-in`);
  await expect(page).toHaveURL(/\/mfa$/);
  await expect(page.getByLabel(/^Code$/)).toHaveCount(0);
  await expectNoAxeViolations(page, "second factor: passkey");
  await page.getByRole("button", { name: "Use your passkey" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All Services");
  const [used] = await authenticator.credentials();
  expect(used.signCount).toBeGreaterThan(credential.signCount);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page says a passkey needs JavaScript, and a recovery code signs in", async ({ page }) => {
    await ownIp(page);
    await enterEmailAndPassword(page, E2E.passkeyRecovery.email, E2E.password);
    await expect(page).toHaveURL(/\/mfa$/);
    await expect(page.getByText(/Passkeys need JavaScript/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Use your passkey" })).toBeDisabled();
    await page.getByRole("link", { name: "Use a recovery code instead" }).click();
    await expect(page).toHaveURL(/\/mfa\?recovery=1$/);
    await page.getByLabel("Recovery code").fill(E2E.passkeyRecovery.codes[0]);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All Services");
  });
});
