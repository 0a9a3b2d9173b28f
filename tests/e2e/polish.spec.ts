import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, ownIp, signedIn, switchTo, type StoredAccount } from "./helpers";

// Rough edges, in a browser: form messages with nothing left unfilled, British
// dates, the header (wordmark, mark, favicon, labelled search) and footer (Help, Accessibility),
// the placeholder page, Welsh wording, the phone layout and a wide table, reflow at 400% zoom,
// and Label in Name (WCAG 2.5.3) for every control of the main pages.

/** Switches to a language with the header's toggle (a signed-in account also saves it). */
/** Runs `steps` in Welsh and always switches back: the choice is saved on the stored account. */
async function inWelsh(page: Page, steps: () => Promise<void>) {
  await switchTo(page, "cy");
  try {
    await steps();
  } finally {
    await page.goto("/");
    await switchTo(page, "en");
  }
}

/** No ICU placeholder such as "{field}" is left anywhere on the page. */
async function expectNoPlaceholders(page: Page) {
  expect(await page.locator("body").innerText()).not.toMatch(/\{\w+\}/);
}

const errorSummary = (page: Page) => page.locator('[data-slot="form-error-summary"]');

test("an empty invite names what is missing about the person invited, in English and Welsh", async ({ page }) => {
  await signedIn(page, "eo@68101.test");
  await page.goto("/centre/users/invite");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(errorSummary(page)).toContainText("Enter their email address");
  await expect(errorSummary(page)).toContainText("Enter their full name");
  await expect(page.getByRole("main")).not.toContainText("Enter your email address");
  await expectNoPlaceholders(page);
  await inWelsh(page, async () => {
    await page.goto("/centre/users/invite");
    await page.getByRole("button", { name: "Anfon y gwahoddiad" }).click();
    await expect(errorSummary(page)).toContainText("Rhowch eu cyfeiriad e-bost");
    await expect(errorSummary(page)).toContainText("Rhowch eu henw llawn");
    await expectNoPlaceholders(page);
  });
});

test("the board's empty create-centre and invite-EO forms name what is missing", async ({ page }) => {
  await signedIn(page, "board@board.test");
  await page.goto("/board/centres/new");
  await page.getByRole("button", { name: "Create centre" }).click();
  await expect(errorSummary(page)).toContainText("Enter the centre number as 5 digits");
  await expect(errorSummary(page)).toContainText("Enter the centre's name in English");
  await expect(errorSummary(page)).toContainText("Enter the centre's name in Welsh");
  await expectNoPlaceholders(page);
  // A new centre has no exams officer yet: its invite form, sent empty.
  const number = String(80000 + Math.floor(Math.random() * 9999));
  await page.getByLabel("Centre number", { exact: true }).fill(number);
  await page.getByLabel("Name in English").fill("Maes Polish School");
  await page.getByLabel("Name in Welsh").fill("Ysgol Maes");
  await page.getByRole("button", { name: "Create centre" }).click();
  await expect(page.getByText("The centre has been created.")).toBeVisible();
  await page.getByRole("button", { name: "Invite the exams officer" }).click();
  await expect(errorSummary(page)).toContainText("Enter their email address");
  await expect(errorSummary(page)).toContainText("Enter their full name");
  await expectNoPlaceholders(page);
});

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const AMERICAN = [
  /\b\d{1,2}:\d{2}\s?(AM|PM)\b/i,
  new RegExp(`\\b(${MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}, \\d{4}\\b`),
  /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), /,
];

test("dates are British and on the 24-hour clock on the pages an exams officer opens", async ({ page }) => {
  await signedIn(page, "eo@68101.test");
  for (const path of [
    "/",
    "/centre/users",
    "/centre/activity",
    "/centre/a2c",
    "/entries",
    "/entries/candidates",
    "/key-information/timetable",
    "/key-information/circulars",
    "/post-results/reviews",
    "/post-results/scripts",
    "/results",
  ]) {
    await page.goto(path);
    const text = await page.locator("body").innerText();
    for (const pattern of AMERICAN) expect(text, `${path} ${pattern}`).not.toMatch(pattern);
  }
  // An open invite's expiry, in the "date" format.
  await page.goto("/centre/users");
  await expect(page.getByText(new RegExp(`^Invite expires \\d{1,2} (${MONTHS}) \\d{4}$`)).first()).toBeVisible();
});

test("a service's old /services/<key> address opens the service itself", async ({ page }) => {
  // Every service has its own pages now; an old link or bookmark still arrives.
  await signedIn(page, "eo@68101.test");
  await page.goto("/services/iamis");
  await expect(page).toHaveURL(/\/iamis$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("IAMIS mark input");
  await page.goto("/services/no-such-service");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("IAMIS mark input");
});

test("the header shows the mark and a visible wordmark, a labelled search and the favicon", async ({ page }) => {
  await signedIn(page, "eo@68101.test");
  const header = page.getByRole("banner");
  const wordmark = header.getByRole("link", { name: "Porth", exact: true });
  await expect(wordmark).toBeVisible();
  await expect(wordmark.locator("svg")).toBeVisible();
  const colour = await wordmark.evaluate((el) => getComputedStyle(el).color);
  const background = await header.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(colour).toBe("rgb(255, 255, 255)");
  expect(background).not.toBe(colour);
  // The search box's label is on screen, and it is the box's name.
  await expect(header.getByText("Search services", { exact: true })).toBeVisible();
  await header.getByRole("searchbox", { name: "Search services" }).fill("boundaries");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?q=boundaries$/);
  // The favicon: declared in the page and served to anyone.
  const icon = await page.locator('head link[rel="icon"][href^="/icon.svg"]').getAttribute("href");
  const response = await page.request.get(icon!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  await expectNoAxeViolations(page, "header");
});

test("the footer's Help and Accessibility links lead to real pages, signed in or not, in both languages", async ({
  page,
  browser,
}) => {
  await signedIn(page, "eo@68101.test");
  await page.getByRole("contentinfo").getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help using Porth");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement for Porth");

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await ownIp(visitor);
  await visitor.goto("/sign-in");
  await visitor.getByRole("contentinfo").getByRole("link", { name: "Help" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Help using Porth");
  const main = visitor.getByRole("main");
  for (const answer of [
    "Spaces in a code are ignored",
    "Only the latest password reset code works",
    "ask your centre's exams officer",
    "Exams officers: the exam board sets up your centre",
  ])
    await expect(main).toContainText(answer);
  await expectNoAxeViolations(visitor, "en /help");
  await visitor.goto("/accessibility");
  await expect(visitor.getByRole("heading", { name: "Compliance status" })).toBeVisible();
  await expectNoAxeViolations(visitor, "en /accessibility");
  await switchTo(visitor, "cy");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Datganiad hygyrchedd ar gyfer Porth");
  await expect(visitor).toHaveTitle(/^Datganiad hygyrchedd ar gyfer Porth – /);
  await expectNoAxeViolations(visitor, "cy /accessibility");
  await visitor.getByRole("contentinfo").getByRole("link", { name: "Help" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Help i ddefnyddio Porth");
  await expect(visitor.getByRole("main")).toContainText("Caiff bylchau mewn cod eu hanwybyddu");
  await expectNoAxeViolations(visitor, "cy /help");
  await context.close();
});

test("an appointee's home page shows no centre's mark deadline", async ({ page }) => {
  await signedIn(page, "examiner@appointees.test");
  await expect(page.getByRole("main")).not.toContainText("Next mark deadline");
});

test("Welsh wording: the entries section and tile differ, marked scripts, restricted documents", async ({ page }) => {
  await signedIn(page, "eo@68101.test");
  await inWelsh(page, async () => {
    await page.goto("/");
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { name: "Cofrestriadau ac ymgeiswyr", level: 2 })).toBeVisible();
    await expect(main.getByRole("link", { name: "Cofrestriadau", exact: true })).toBeVisible();
    await page.goto("/post-results/scripts");
    await expect(main).toContainText("Sgriptiau ymgeiswyr wedi'u marcio");
    await page.goto("/resources/past-papers");
    await expect(main).toContainText("“Cyfyngedig”");
    await expect(main).not.toContainText("wedi'u marcio'n ddiogel");
  });
});

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the header is one row, and its navigation opens from a Menu button", async ({ page }) => {
    await signedIn(page, "eo@68101.test");
    const header = page.getByRole("banner");
    const wordmark = header.getByRole("link", { name: "Porth", exact: true });
    const menu = header.getByRole("button", { name: "Menu", exact: true });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    const a = (await wordmark.boundingBox())!;
    const b = (await menu.boundingBox())!;
    expect(Math.abs(a.y + a.height / 2 - (b.y + b.height / 2))).toBeLessThan(4);
    expect((await header.boundingBox())!.height).toBeLessThan(80);
    const nav = header.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await expectNoAxeViolations(page, "phone: All Services");

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("button", { name: "All Services" })).toBeVisible();
    await expect(nav.getByRole("searchbox", { name: "Search services" })).toBeVisible();
    await expect(nav.getByRole("button", { name: /switch to Welsh/ })).toBeVisible();
    await expect(nav.getByRole("button", { name: /Profile menu/ })).toBeVisible();
    await expectNoAxeViolations(page, "phone: header menu open");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Going to another page folds the menu away.
    await nav.getByRole("button", { name: "All Services" }).click();
    await page.getByRole("menuitem", { name: "Exam timetable" }).click();
    await expect(page).toHaveURL(/\/key-information\/timetable/);
    await expect(header.getByRole("button", { name: "Menu", exact: true })).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
  });

  test("a wide table says it scrolls sideways and shades its right edge until scrolled to the end", async ({
    page,
  }) => {
    await signedIn(page, "eo@68101.test");
    await page.goto("/centre/users");
    const region = page.getByRole("region", { name: /\d+ accounts?$/ });
    const cue = page.getByText("Scroll the table sideways to see all columns");
    await expect(cue).toBeVisible();
    await expect(region).toHaveAttribute("data-fade", "true");
    await expect(region).toHaveAttribute("aria-describedby", /.+/);
    const shade = () => region.evaluate((el) => getComputedStyle(el).getPropertyValue("box-shadow"));
    expect(await shade()).toContain("inset");
    // The page itself does not scroll sideways: only the table's region does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, "phone: manage users");

    // At the right end there is nothing more to see: the shade goes, the cue stays.
    await region.scrollIntoViewIfNeeded();
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(region).not.toHaveAttribute("data-fade");
    expect(await shade()).toBe("none");
    // The region really is at its right end: the last column (each account's actions) is in it.
    expect(
      await region.evaluate((el) => el.scrollLeft > 0 && el.scrollLeft + el.clientWidth >= el.scrollWidth - 1),
    ).toBe(true);
    await expect(cue).toBeVisible();

    // With the keyboard: the region takes focus, and the shade lifts while it has it.
    await region.evaluate((el) => el.scrollTo({ left: 0 }));
    await expect(region).toHaveAttribute("data-fade", "true");
    await region.focus();
    // (The focus ring is a box-shadow of its own; the edge's inset shade is gone.)
    expect(await shade()).not.toContain("inset");
  });
});

test.describe("at 400% zoom (1280 CSS px wide becomes 320)", () => {
  test.use({ viewport: { width: 320, height: 256 } });

  test("pages reflow to the width, with a one-row header", async ({ page }) => {
    await signedIn(page, "eo@68101.test");
    for (const path of ["/", "/centre/users", "/entries", "/key-information/timetable", "/help", "/accessibility"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      expect((await page.getByRole("banner").boundingBox())!.height, path).toBeLessThan(80);
    }
  });
});

// ---------------------------------------------------------------- Label in Name (WCAG 2.5.3)

const INTERACTIVE = new Set(["button", "link", "menuitem", "menuitemcheckbox", "menuitemradio", "tab", "switch"]);

/**
 * The text an element shows on screen: its text nodes, without those hidden or visually hidden
 * (the 1-pixel "sr-only" box). Run in the page on the element, through the DevTools protocol.
 */
const VISIBLE_TEXT = `function () {
  const root = this;
  const hidden = (el) => {
    for (let e = el; e; e = e === root ? null : e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden") return true;
      const box = e.getBoundingClientRect();
      if (s.position === "absolute" && box.width <= 1 && box.height <= 1) return true;
    }
    return false;
  };
  let text = "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!hidden(n.parentElement)) text += " " + n.textContent;
  if (root instanceof HTMLInputElement && ["submit", "button", "reset"].includes(root.type)) text += " " + root.value;
  return text;
}`;

/** What a speech user would say: lower case, letters and digits, single spaces. */
const words = (s: string) =>
  s
    .normalize("NFC")
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Every button, link, menu item or tab whose accessible name does not contain its visible text. */
async function labelInNameProblems(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const problems: string[] = [];
    for (const node of nodes) {
      const role = String(node.role?.value ?? "");
      if (node.ignored || !INTERACTIVE.has(role) || node.backendDOMNodeId === undefined) continue;
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: node.backendDOMNodeId });
      if (!object.objectId) continue;
      const { result } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: VISIBLE_TEXT,
        returnByValue: true,
      });
      const visible = words(String(result.value ?? ""));
      const name = String(node.name?.value ?? "");
      if (visible && !words(name).includes(visible)) problems.push(`${role} named "${name}" shows "${visible}"`);
    }
    return problems;
  } finally {
    await cdp.detach();
  }
}

const SHELL_PAGES = ["/", "/profile", "/profile/security", "/no-access", "/help", "/accessibility"];

test("signed out: every control's accessible name contains its visible text, in English and Welsh", async ({
  page,
}) => {
  await ownIp(page);
  for (const language of ["en", "cy"] as const) {
    for (const path of ["/sign-in", "/appointee/sign-in", "/forgot-password", "/help", "/accessibility"]) {
      await page.goto(path);
      await switchTo(page, language);
      expect(await labelInNameProblems(page), `${language} ${path}`).toEqual([]);
    }
  }
});

for (const account of ["eo@68101.test", "board@board.test", "examiner@appointees.test"] satisfies StoredAccount[]) {
  test(`as ${account}: every control's accessible name contains its visible text, in English and Welsh`, async ({
    page,
  }) => {
    test.slow();
    await signedIn(page, account);
    const tiles = await page
      .getByRole("main")
      .locator('a[href^="/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    const pages = [...new Set([...SHELL_PAGES, ...tiles])];
    const check = async (language: string) => {
      for (const path of pages) {
        await page.goto(path);
        expect(await labelInNameProblems(page), `${language} ${account} ${path}`).toEqual([]);
      }
    };
    await check("en");
    await inWelsh(page, () => check("cy"));
  });
}
