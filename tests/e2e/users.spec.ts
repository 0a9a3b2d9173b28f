import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "../../lib/auth/totp";
import { enterEmailAndPassword, expectNoAxeViolations, latestMessage, ownIp, signedIn } from "./helpers";

async function invite(page: Page, email: string, name: string, role: "Admin" | "User") {
  await page.goto("/centre/users");
  await page.getByRole("link", { name: "Invite a user" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite a user");
  await expectNoAxeViolations(page, "invite page");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel(role === "Admin" ? /^Admin:/ : /^User:/).check();
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText("The invite has been sent.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Invited");
}

test("an EO invites an Admin and a User; the User signs in from the email; a permission the EO gives shows in All Services", async ({
  page,
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const adminEmail = `new.admin.${stamp}@68101.test`;
  const userEmail = `new.teacher.${stamp}@68101.test`;
  await signedIn(page, "eo@68101.test");
  await invite(page, adminEmail, "Alys Admin", "Admin");
  await invite(page, userEmail, "Huw Teacher", "User");
  await expectNoAxeViolations(page, "manage users");
  expect((await latestMessage(adminEmail)).text).toContain("Temporary password");

  // The new teacher's first sign-in, from the emailed temporary password.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await ownIp(invitee);
  const password = (await latestMessage(userEmail)).text.match(/Temporary password: (\S+)/)![1];
  await enterEmailAndPassword(invitee, userEmail, password);
  await expect(invitee).toHaveURL(/\/set-password$/);
  await expectNoAxeViolations(invitee, "set password");
  await invitee.getByLabel("New password", { exact: true }).fill("orange lantern harbour seven");
  await invitee.getByLabel("Confirm new password").fill("orange lantern harbour seven");
  await invitee.getByRole("button", { name: "Save password" }).click();
  await expect(invitee).toHaveURL(/\/mfa\/setup$/);
  await expectNoAxeViolations(invitee, "MFA set-up: choose a method");
  await invitee.getByLabel("Authenticator app", { exact: true }).check();
  await invitee.getByRole("button", { name: "Continue" }).click();
  const key = (await invitee.getByTestId("totp-key").textContent())!.trim();
  await expectNoAxeViolations(invitee, "MFA set-up: authenticator app");
  await invitee.getByLabel("Code", { exact: true }).fill(await totpCode(key, new Date()));
  await invitee.getByRole("button", { name: "Finish set-up" }).click();
  await expect(invitee.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expectNoAxeViolations(invitee, "MFA set-up: recovery codes");
  await invitee.getByRole("button", { name: /I have saved my codes/ }).click();
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("All Services");
  const main = invitee.getByRole("main");
  await expect(main.getByRole("link", { name: "Past papers and mark schemes" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Candidate results", exact: true })).toHaveCount(0);
  // While they lack it, the results page is refused.
  await invitee.goto("/results");
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");

  // The EO gives the teacher the results permission, from the account's page.
  await page.goto("/centre/users");
  await page.getByRole("button", { name: "Actions for Huw Teacher" }).click();
  await page.getByRole("menuitem", { name: "Manage access" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huw Teacher");
  await page.getByRole("checkbox", { name: "Results" }).check();
  await page.getByRole("button", { name: "Save permissions" }).click();
  await expect(page.getByText("Permissions saved.")).toBeVisible();
  await expectNoAxeViolations(page, "account page");

  // The teacher's next request shows it — the tile, and the page behind it.
  await invitee.goto("/");
  await expect(main.getByRole("link", { name: "Candidate results", exact: true })).toBeVisible();
  await main.getByRole("link", { name: "Candidate results", exact: true }).click();
  await expect(invitee).toHaveURL(/\/results/);
  await expect(invitee.getByRole("heading", { level: 1 })).not.toHaveText("You do not have access to this page");

  // The change is on the centre's activity page.
  await page.goto("/centre/activity");
  await expect(
    page.getByRole("row", { name: new RegExp(`Changed permissions.*${userEmail.replace(/\./g, "\\.")}`) }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "centre activity");
  await context.close();
});

test("board staff create a centre and invite its exams officer", async ({ page }) => {
  await signedIn(page, "board@board.test");
  await page.goto("/board/centres");
  await page.getByRole("link", { name: "Create a centre" }).waitFor();
  await page.goto("/board/centres/new");
  await expectNoAxeViolations(page, "board: new centre");
  await page.goto("/board/centres");
  await page.getByRole("link", { name: "Create a centre" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a centre");
  const number = String(70000 + Math.floor(Math.random() * 9999));
  await page.getByLabel("Centre number", { exact: true }).fill(number);
  await page.getByLabel("Name in English").fill("Bryn Hill School");
  await page.getByLabel("Name in Welsh").fill("Ysgol Bryn");
  await page.getByRole("button", { name: "Create centre" }).click();
  await expect(page.getByText("The centre has been created.")).toBeVisible();
  const eoEmail = `eo.${number}@example.test`;
  await page.getByLabel("Email address").fill(eoEmail);
  await page.getByLabel("Full name").fill("Ffion Officer");
  await page.getByRole("button", { name: "Invite the exams officer" }).click();
  await expect(page.getByText("The exams officer has been invited.")).toBeVisible();
  expect((await latestMessage(eoEmail)).text).toContain("Temporary password");
  await expectNoAxeViolations(page, "board centre");
  // The new exams officer's account, as board staff see it.
  await page.getByRole("link", { name: "Ffion Officer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ffion Officer");
  await expectNoAxeViolations(page, "board: centre account");
});
