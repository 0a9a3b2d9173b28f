import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";

// The footer's Help and Accessibility pages, rendered in each language with the real messages.
const current = vi.hoisted(() => ({ locale: "en" as "en" | "cy" }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => current.locale,
  getTranslations: async (namespace: string) =>
    createTranslator({
      locale: current.locale,
      messages: messagesFor(current.locale) as never,
      namespace: namespace as never,
      onError: (error) => {
        throw error;
      },
    }),
}));

const { HelpArticle } = await import("./help-article");
const { AccessibilityStatement } = await import("./accessibility-statement");

async function render(locale: "en" | "cy", page: () => Promise<React.ReactElement>) {
  current.locale = locale;
  return renderToStaticMarkup(await page()).replace(/&#x27;/g, "'");
}

describe("the help page", () => {
  it("answers pasted codes, the latest reset code, who to ask for an account and sign-in trouble", async () => {
    const en = await render("en", HelpArticle);
    for (const text of [
      "Spaces in a code are ignored",
      "Only the latest password reset code works",
      "ask your centre's exams officer",
      "Exams officers: the exam board sets up your centre",
      "your account is locked for an hour",
      'href="/sign-in"',
      'href="/appointee/sign-in"',
      'href="/forgot-password"',
      'href="/accessibility"',
    ])
      expect(en).toContain(text);
    const cy = await render("cy", HelpArticle);
    for (const text of [
      "Caiff bylchau mewn cod eu hanwybyddu",
      "Dim ond y cod ailosod cyfrinair diweddaraf sy'n gweithio",
      "gofynnwch i swyddog arholiadau eich canolfan",
      'href="/forgot-password"',
    ])
      expect(cy).toContain(text);
    for (const html of [en, cy]) {
      expect(html.match(/<h1/g)).toHaveLength(1);
      expect(html).not.toMatch(/[{}]|help\.\w+/);
    }
  });
});

describe("the accessibility statement", () => {
  it("has the sections of the GOV.UK model statement, in both languages, dated in the named format", async () => {
    const en = await render("en", AccessibilityStatement);
    for (const heading of [
      "Accessibility statement for Porth",
      "How accessible this service is",
      "Feedback and contact information",
      "Reporting accessibility problems with this service",
      "Enforcement procedure",
      "Technical information about this service's accessibility",
      "Compliance status",
      "Non-accessible content",
      "Preparation of this accessibility statement",
    ])
      expect(en).toContain(heading);
    expect(en).toContain("This statement was prepared on 30 November 2026.");
    const cy = await render("cy", AccessibilityStatement);
    expect(cy).toContain("Datganiad hygyrchedd ar gyfer Porth");
    expect(cy).toContain("Cafodd y datganiad hwn ei baratoi ar 30 Tachwedd 2026.");
    for (const html of [en, cy]) expect(html).not.toMatch(/[{}]|accessibility\.\w+/);
  });
});
