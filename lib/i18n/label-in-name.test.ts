import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messagesFor } from "./messages";

// WCAG 2.5.3 (Label in Name): where a control's accessible name is a longer message than the
// words it shows, the name must contain those words, so a speech user can say what they see.
// Each pair: [the visible text, the accessible name, its arguments].
const PAIRS: [string, string, Record<string, string>][] = [
  ["header.switchTo", "header.switchToLabel", {}],
  ["entries.list.withdraw", "entries.list.withdrawLabel", { name: "Alys Evans", spec: "9521 Latin" }],
  ["a2c.revoke", "a2c.revokeLabel", { name: "MIS server" }],
  ["security.revoke", "security.revokeLabel", { at: "18 Aug 2027, 10:34" }],
  [
    "accessArrangements.list.view",
    "accessArrangements.list.viewLabel",
    { arrangement: "25% extra time", candidate: "0001 Evans, Alys" },
  ],
  ["emi.enterMarks", "emi.enterMarksLabel", { left: "12", component: "GCSE June 2027 Latin Language (9521/01)" }],
  [
    "emi.submitMarks",
    "emi.submitMarksLabel",
    { toSubmit: "3", submitted: "4", component: "GCSE June 2027 Latin Language (9521/01)" },
  ],
  ["emi.board.link", "emi.board.linkLabel", { component: "9521/01 Latin Language" }],
  ["emi.board.change", "emi.board.changeLabel", { number: "0001", name: "Alys Evans" }],
];

/** Lower case, letters and digits only: what a speech user says, not its punctuation. */
const words = (s: string) =>
  s
    .toLocaleLowerCase("cy")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

describe("accessible names that say more than the visible text", () => {
  for (const locale of ["en", "cy"] as const) {
    it(`contain the visible words (${locale})`, () => {
      const t = createTranslator({ locale, messages: messagesFor(locale) as never });
      for (const [visible, name, values] of PAIRS) {
        const shown = words(t(visible as never, values as never));
        const said = words(t(name as never, values as never));
        expect(said, `${name}: "${said}" should contain "${shown}"`).toContain(shown);
      }
    });
  }
});
