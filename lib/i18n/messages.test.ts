import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { MESSAGE_FILES, mergeMessages, messagesFor } from "./messages";
import { negotiateLocale } from "./config";

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === "string" ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );

function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(el.value);
      for (const option of Object.values(el.options)) placeholders(option.value, out);
    }
    if (el.type === TYPE.tag) placeholders(el.children, out);
  }
  return out;
}

describe("English and Welsh messages", () => {
  const E = flatten(messagesFor("en") as Tree);
  const C = flatten(messagesFor("cy") as Tree);

  it("define every key once across the area files", () => {
    for (const locale of ["en", "cy"] as const)
      expect(mergeMessages(Object.values(MESSAGE_FILES[locale])).duplicates, locale).toEqual([]);
  });

  it("have the same area files in both languages", () => {
    expect(Object.keys(MESSAGE_FILES.cy)).toEqual(Object.keys(MESSAGE_FILES.en));
  });

  it("have exactly the same keys", () => {
    expect(Object.keys(C).sort()).toEqual(Object.keys(E).sort());
  });

  it("use the same ICU placeholders in every message", () => {
    for (const key of Object.keys(E)) {
      expect([...placeholders(parse(C[key] ?? ""))].sort(), key).toEqual([...placeholders(parse(E[key]))].sort());
    }
  });

  it("give Welsh plurals their Welsh forms", () => {
    const plural = Object.keys(E).filter((k) => /plural/.test(E[k]));
    expect(plural.length).toBeGreaterThan(0);
    for (const key of plural) expect(C[key], key).toMatch(/two \{|=2 \{/);
  });
});

describe("first-visit language", () => {
  it("follows Accept-Language with q-values, English otherwise", () => {
    expect(negotiateLocale("cy-GB,cy;q=0.9,en;q=0.8")).toBe("cy");
    expect(negotiateLocale("en-GB,en;q=0.9,cy;q=0.8")).toBe("en");
    expect(negotiateLocale("fr-FR,cy;q=0.5")).toBe("cy");
    expect(negotiateLocale("fr-FR")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
});
