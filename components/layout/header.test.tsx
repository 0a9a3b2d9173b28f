import { readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor, type MessageTree } from "@/lib/i18n/messages";
import { HeaderMenu } from "./header-menu";
import { Wordmark } from "./wordmark";

// The header's wordmark, mark and folding menu, as markup (the layout itself is checked in a
// browser by tests/e2e/polish.spec.ts).

/** WCAG relative luminance contrast of two "#rrggbb" colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(path.resolve(__dirname, "../../app/globals.css"), "utf8");
const token = (name: string) => css.match(new RegExp(`--color-${name}:\\s*(#[0-9a-f]{6})`, "i"))![1];

describe("the header", () => {
  it("draws the wordmark in the header's foreground colour, which contrasts with the header", () => {
    const html = renderToStaticMarkup(<Wordmark label="Porth" />);
    expect(html).toMatch(/<a [^>]*href="\/"/);
    // Not the links' own colour (app/globals.css), which is the header's background.
    expect(html).toMatch(/class="[^"]*\btext-primary-foreground\b[^"]*\bhover:text-primary-foreground\b/);
    expect(token("link")).toBe(token("primary"));
    expect(contrast(token("primary-foreground"), token("primary"))).toBeGreaterThanOrEqual(4.5);
    // The mark is decorative; the link's name is the visible word.
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(html.replace(/<[^>]+>/g, "")).toBe("Porth");
  });

  it("folds its navigation behind a Menu button below the lg breakpoint, shown in full from it", () => {
    const html = renderToStaticMarkup(
      <HeaderMenu label="Menu" navLabel="Main">
        <button type="button">All Services</button>
      </HeaderMenu>,
    );
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*aria-controls="header-nav"/);
    expect(html).toMatch(/<button[^>]*class="[^"]*\blg:hidden\b/);
    expect(html).toContain("Menu</button>");
    const nav = html.match(/<nav [^>]*>/)![0];
    expect(nav).toContain('id="header-nav"');
    expect(nav).toContain('aria-label="Main"');
    const classes = nav.match(/class="([^"]*)"/)![1].split(" ");
    expect(classes).toEqual(expect.arrayContaining(["hidden", "lg:flex"]));
  });

  it("names the menu button and the search box in both languages", () => {
    for (const locale of ["en", "cy"] as const) {
      const header = messagesFor(locale).header as MessageTree;
      expect(header.menu, locale).toBeTruthy();
      expect(header.searchLabel, locale).toBeTruthy();
    }
  });
});

describe("the favicon", () => {
  it("is an SVG mark on the primary colour", () => {
    const svg = readFileSync(path.resolve(__dirname, "../../app/icon.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`fill="${token("primary")}"`);
  });
});
