import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { totpCode } from "../../lib/auth/totp";
import { E2E_ENV } from "./env";

export const DEMO_PASSWORD = "porth-demo-password";
export const DEMO_SECRET = "JBSWY3DPEHPK3PXP";

/** A fresh "client IP" per test, so per-IP rate limits never couple tests. */
export async function ownIp(page: Page) {
  const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": ip });
}

// The server refuses a TOTP step it has already accepted for that account; wait for a new
// one. The steps used are kept in a file, because Playwright may run spec files in new workers.
const STEPS_FILE = path.resolve(E2E_ENV.OUTBOX_DIR, "..", "totp-steps.json");
export async function totpFor(account: string, secret = DEMO_SECRET): Promise<string> {
  const used: Record<string, number> = JSON.parse(await readFile(STEPS_FILE, "utf8").catch(() => "{}"));
  let step = Math.floor(Date.now() / 30_000);
  if ((used[account] ?? -1) >= step - 1) {
    // ±1-step tolerance: wait until the code's step is past any step already used.
    await new Promise((r) => setTimeout(r, (used[account] + 1) * 30_000 - Date.now() + 500));
    step = Math.floor(Date.now() / 30_000);
  }
  used[account] = step;
  await mkdir(path.dirname(STEPS_FILE), { recursive: true });
  await writeFile(STEPS_FILE, JSON.stringify(used));
  return totpCode(secret, new Date());
}

export async function enterEmailAndPassword(page: Page, email: string, password: string, door = "/sign-in") {
  await page.goto(door);
  await page.getByLabel(/Email address|Cyfeiriad e-bost/).fill(email);
  await page.getByRole("button", { name: /^(Next|Nesaf)$/ }).click();
  await page.getByLabel(/^(Password|Cyfrinair)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Mewngofnodi)$/ }).click();
}

/** Signs in through the real pages with the demo password and an authenticator code. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await ownIp(page);
  await enterEmailAndPassword(page, email, password);
  await expect(page).toHaveURL(/\/mfa$/);
  await page.getByLabel(/^(Code|Cod)$/).fill(await totpFor(email));
  await page.getByRole("button", { name: /^(Continue|Parhau)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All Services|Pob gwasanaeth/);
}

/** The newest outbox message to an address or number, waiting for it to arrive. */
export async function latestMessage(to: string, after = 0) {
  const dir = path.resolve(E2E_ENV.OUTBOX_DIR);
  for (let i = 0; i < 50; i++) {
    const names = (await readdir(dir).catch(() => [] as string[])).sort().reverse();
    for (const name of names) {
      const message = JSON.parse(await readFile(path.join(dir, name), "utf8")) as { to: string; text: string; subject: string; sentAt: string };
      if (message.to === to && Date.parse(message.sentAt) >= after) return message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no message to ${to}`);
}

export function codeIn(text: string): string {
  const match = text.match(/\b(\d{6})\b/);
  if (!match) throw new Error("no code in message");
  return match[1];
}
