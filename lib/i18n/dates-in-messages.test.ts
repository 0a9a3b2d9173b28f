import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { formatDate, type DateFormatName } from "./dates";
import { messagesFor, type MessageTree } from "./messages";

// Dates reach messages already formatted (lib/i18n/dates.ts), so a message never formats one
// itself, and a Welsh sentence that puts a date after a preposition still reads as Welsh: "o
// 00:00 ar ddydd Mercher", never "o Dydd Mercher".

const at = new Date("2027-08-17T23:00:00Z"); // 00:00 BST on Wednesday 18 August 2027
const DATE_ARGS = new Set(["at", "time", "day", "date", "expires"]);
// Only "day" begins with the weekday ("Dydd Mercher 18 Awst 2027"); it is given only to these
// captions, which begin with it or put it after a colon. The other formats begin with a number.
const DAY_MESSAGES = new Set(["questionPapers.caption", "timetable.dayCaption"]);

type Flat = Record<string, string>;
const flatten = (tree: MessageTree, prefix = ""): Flat =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === "string" ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );

/** Each argument and whether it is a number (a plural or select needs its own kind of value). */
function args(elements: MessageFormatElement[], out = new Map<string, "text" | "number">()) {
  for (const el of elements) {
    if (el.type === TYPE.argument) out.set(el.value, out.get(el.value) ?? "text");
    if (el.type === TYPE.number || el.type === TYPE.plural) out.set(el.value, "number");
    if (el.type === TYPE.date || el.type === TYPE.time) out.set(el.value, "text");
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) args(option.value, out);
    if (el.type === TYPE.tag) args(el.children, out);
  }
  return out;
}

describe("dates in messages", () => {
  for (const locale of ["en", "cy"] as const) {
    const flat = flatten(messagesFor(locale));
    it(`are never formatted by the message itself (${locale})`, () => {
      const own = Object.entries(flat).filter(([, m]) =>
        parse(m).some((el) => el.type === TYPE.date || el.type === TYPE.time),
      );
      expect(own.map(([k]) => k)).toEqual([]);
    });

    it(`read naturally with every named format (${locale})`, () => {
      const t = createTranslator({ locale, messages: messagesFor(locale) as never });
      let checked = 0;
      for (const [key, message] of Object.entries(flat)) {
        const found = args(parse(message));
        if (![...found.keys()].some((a) => DATE_ARGS.has(a))) continue;
        const names: DateFormatName[] = DAY_MESSAGES.has(key) ? ["day"] : ["date", "short", "time", "stamp", "when"];
        for (const name of names) {
          const values = Object.fromEntries(
            [...found].map(([a, kind]) => [
              a,
              kind === "number" ? 2 : DATE_ARGS.has(a) ? formatDate(at, name, locale) : "X",
            ]),
          );
          const text = t(key as never, values as never);
          checked++;
          // A weekday after a preposition: soft mutation in Welsh, and never a capital mid-sentence.
          expect(text, `${key} with "${name}"`).not.toMatch(/\b(o|ar|am|tan|i|erbyn|gyfer|from|on|at|until) Dydd\b/);
          expect(text, `${key} with "${name}"`).not.toMatch(/[{}]/);
        }
      }
      expect(checked).toBeGreaterThan(DAY_MESSAGES.size);
    });
  }

  it("put the time first, so a Welsh preposition before the date never meets 'Dydd'", () => {
    const cy = createTranslator({
      locale: "cy",
      messages: messagesFor("cy") as never,
      namespace: "results.notReleased" as never,
    });
    const when = formatDate(at, "when", "cy");
    expect(cy("body" as never, { series: "Haf 2027", time: when } as never)).toBe(
      "Bydd canlyniadau Haf 2027 ar gael i chi o 00:00 ar ddydd Mercher 18 Awst 2027 (amser y DU).",
    );
    const en = createTranslator({
      locale: "en",
      messages: messagesFor("en") as never,
      namespace: "results.notReleased" as never,
    });
    expect(en("body" as never, { series: "Summer 2027", time: formatDate(at, "when", "en") } as never)).toBe(
      "Results for Summer 2027 will be available to you from 00:00 on Wednesday 18 August 2027 (UK time).",
    );
  });
});
