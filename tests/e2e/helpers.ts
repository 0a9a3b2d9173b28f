import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
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

// The server refuses a TOTP step at or before the last one it accepted for that account, and
// accepts the step after its own (clock drift). So a second sign-in in the same 30 seconds
// uses the next step's code; only a third must wait. The steps used are kept in a file, because
// Playwright may run spec files in new workers; the e2e server deletes it with the database.
export const STEPS_FILE = path.resolve(E2E_ENV.OUTBOX_DIR, "..", "totp-steps.json");
export async function totpFor(account: string, secret = DEMO_SECRET): Promise<string> {
  const used: Record<string, number> = JSON.parse(await readFile(STEPS_FILE, "utf8").catch(() => "{}"));
  const current = Math.floor(Date.now() / 30_000);
  const step = Math.max(current, (used[account] ?? -Infinity) + 1);
  if (step > current + 1) {
    // Two steps ahead would be refused: wait until that step is only one ahead.
    await new Promise((r) => setTimeout(r, Math.max(0, (step - 1) * 30_000 - Date.now() + 500)));
  }
  used[account] = step;
  await mkdir(path.dirname(STEPS_FILE), { recursive: true });
  await writeFile(STEPS_FILE, JSON.stringify(used));
  return totpCode(secret, new Date(step * 30_000));
}

export async function enterEmailAndPassword(page: Page, email: string, password: string, door = "/sign-in") {
  await page.goto(door);
  await page.getByLabel(/Email address|Cyfeiriad e-bost/).fill(email);
  await page.getByRole("button", { name: /^(Next|Nesaf)$/ }).click();
  await page.getByLabel(/^(Password|Cyfrinair)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Mewngofnodi)$/ }).click();
}

/** Pins the e2e server's clock (null = the real time again). Pin it before signing in. */
export async function setServerClock(at: Date | null) {
  await writeFile(E2E_ENV.PORTH_TEST_CLOCK_FILE, at ? at.toISOString() : "");
}

/** Signs in through the real pages with the demo password and an authenticator code (for the
 *  server's time `at` when its clock is pinned). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, at?: Date) {
  await ownIp(page);
  await enterEmailAndPassword(page, email, password);
  await expect(page).toHaveURL(/\/mfa$/);
  await page.getByLabel(/^(Code|Cod)$/).fill(at ? await totpCode(DEMO_SECRET, at) : await totpFor(email));
  await page.getByRole("button", { name: /^(Continue|Parhau)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All Services|Pob gwasanaeth/);
}

/** Accounts signed in once by accounts.setup.ts, for tests that are not about signing in. */
export const STORED_ACCOUNTS = [
  "eo@68101.test",
  "admin@68101.test",
  "teacher@68101.test",
  "results.teacher@68101.test",
  "board@board.test",
  "examiner@appointees.test",
  "moderator@appointees.test",
] as const;
export type StoredAccount = (typeof STORED_ACCOUNTS)[number];

export function storedStatePath(email: string): string {
  return path.resolve(E2E_ENV.OUTBOX_DIR, "..", "auth", `${email}.json`);
}

/**
 * Starts the page as a signed-in demo account from the session accounts.setup.ts stored: its
 * cookies are added to the page's context (replacing any session cookie there) and All Services
 * opens. A test that signs out must sign in for itself (signIn), or it ends the stored session.
 */
export async function signedIn(page: Page, email: StoredAccount) {
  await ownIp(page);
  const state = JSON.parse(await readFile(storedStatePath(email), "utf8")) as {
    cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0];
  };
  await page.context().clearCookies();
  await page.context().addCookies(state.cookies);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/All Services|Pob gwasanaeth/);
}

/** The newest outbox message to an address or number, waiting for it to arrive. */
export async function latestMessage(to: string, after = 0) {
  const dir = path.resolve(E2E_ENV.OUTBOX_DIR);
  for (let i = 0; i < 50; i++) {
    const names = (await readdir(dir).catch(() => [] as string[])).sort().reverse();
    for (const name of names) {
      const message = JSON.parse(await readFile(path.join(dir, name), "utf8")) as {
        to: string;
        text: string;
        subject: string;
        sentAt: string;
      };
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

/**
 * axe (WCAG 2.2 AA tags) finds nothing on the whole page as it is now, header and footer
 * included. Contrast axe cannot decide (text over an image or a gradient, or under another
 * element) it reports as "incomplete", not as a violation — the header's wordmark once had a
 * contrast of 1:1 and passed that way — so an undecided colour contrast fails too.
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const undecided = results.incomplete
    .filter((r) => r.id === "color-contrast")
    .flatMap((r) => r.nodes.map((n) => n.target.join(" ")));
  // What axe cannot measure — text drawn in SVG (a chart's labels), cells scrolled out of a
  // table's region — is measured here instead: the text's colour (an SVG text's fill) against
  // the first opaque background behind it, held to 4.5:1. The wordmark of old (header-coloured
  // text on the header) measures 1:1 this way and fails.
  const measured = await page.evaluate((selectors: string[]) => {
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // Any CSS colour (rgb, oklch…) as [r, g, b, alpha], through a canvas.
    const ctx = Object.assign(document.createElement("canvas"), { width: 1, height: 1 }).getContext("2d", {
      willReadFrequently: true,
    })!;
    const parse = (colour: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0, 0, 0, 0)";
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    return selectors.map((selector) => {
      const el = document.querySelector(selector);
      if (!el) return { selector, ratio: null };
      const svg = el instanceof SVGElement;
      let bg: number[] = [255, 255, 255];
      for (let node: Element | null = svg ? el.closest("svg") : el; node; node = node.parentElement) {
        const c = parse(getComputedStyle(node).backgroundColor);
        if (c[3] > 0) {
          bg = c.slice(0, 3);
          break;
        }
      }
      const fg = parse(svg ? getComputedStyle(el).fill : getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      return { selector, ratio: (a + 0.05) / (b + 0.05) };
    });
  }, undecided);
  const stillUndecided = measured.filter((m) => m.ratio === null || m.ratio < 4.5).map((m) => m.selector);
  expect([
    ...results.violations.map((v) => `${label}: ${v.id} (${v.nodes.length})`),
    ...(stillUndecided.length ? [`${label}: color-contrast undecided or too low on ${stillUndecided.join(", ")}`] : []),
  ]).toEqual([]);
}

/** Switches the page's language with the header's toggle, and waits for the page in it. */
export async function switchTo(page: Page, language: "en" | "cy") {
  if ((await page.locator("html").getAttribute("lang")) === language) return;
  await page.getByRole("button", { name: language === "cy" ? /switch to Welsh/ : /Switch to English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  // The page's title comes with its metadata, which may arrive after its body.
  await expect(page).toHaveTitle(/\S/);
}
