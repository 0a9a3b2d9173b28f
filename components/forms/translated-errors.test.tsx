import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { messagesFor, type MessageTree } from "@/lib/i18n/messages";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { centreSchema, inviteeSchema } from "@/lib/validation/people";
import { Field } from "./field";
import { ErrorSummary, useActionErrors } from "./translated-errors";

// An action's state carries message keys only (lib/validation/action-state.ts), and
// useActionErrors translates them with no arguments. A message with a placeholder would show
// it raw ("Enter {field}"), so every message of the "errors" namespace must read on its own.

const ROOT = path.resolve(__dirname, "../..");
const LOCALES = ["en", "cy"] as const;
/** Every message of the "errors" namespace by its full key ("emi.reasonRequired" for a nested one). */
const leaves = (tree: MessageTree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : leaves(v as MessageTree, `${prefix}${k}.`),
  );
const errorsOf = (locale: "en" | "cy") => Object.fromEntries(leaves(messagesFor(locale).errors as MessageTree));
const KEYS = Object.keys(errorsOf("en"));

function Form({ state }: { state: ActionState }) {
  const errors = useActionErrors(state);
  return (
    <form>
      <ErrorSummary state={state} />
      {Object.keys(state.fieldErrors ?? {}).map((name) => (
        <Field key={name} id={name} name={name} label={name} errors={errors.field(name)} errorPrefix="Error:" />
      ))}
    </form>
  );
}

/** The form's markup with the state's errors, and what next-intl reported while rendering it. */
function render(locale: "en" | "cy", state: ActionState) {
  const problems: string[] = [];
  const html = renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      messages={messagesFor(locale)}
      timeZone="Europe/London"
      onError={(error) => problems.push(error.message)}
    >
      <Form state={state} />
    </NextIntlClientProvider>,
  );
  return { html, problems };
}

/** The message keys written in the forms' schemas and actions. */
function keysInSource(): Set<string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [full] : [];
    });
  const files = ["app", "lib/actions", "lib/validation"].flatMap((dir) => walk(path.join(ROOT, dir)));
  const patterns = [
    /\.(?:min|max|regex|refine|length|email)\([^()]*?"([A-Za-z]\w*)"\s*\)/g,
    /\b(?:error|message|formError):\s*"([A-Za-z]\w*)"/g,
    /fieldErrors:\s*\{\s*\w+:\s*\["([A-Za-z]\w*)"\]/g,
  ];
  const keys = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    if (!/from "zod"|ActionState|fieldErrors|formError/.test(source)) continue;
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) keys.add(m[1]);
  }
  return keys;
}

describe("error messages of forms", () => {
  it("take no arguments, in either language", () => {
    for (const locale of LOCALES) {
      const errors = errorsOf(locale);
      for (const key of KEYS) {
        const elements = parse(String(errors[key]));
        expect(
          elements.filter((el) => el.type !== TYPE.literal).map((el) => el.type),
          `${locale} errors.${key}`,
        ).toEqual([]);
      }
    }
  });

  it("render every one of them as a field error and in the summary, with no placeholder left", () => {
    const state: ActionState = { formError: "generic", fieldErrors: Object.fromEntries(KEYS.map((k) => [k, [k]])) };
    for (const locale of LOCALES) {
      const { html, problems } = render(locale, state);
      expect(problems, locale).toEqual([]);
      expect(html, locale).not.toMatch(/[{}]/);
      for (const key of KEYS) expect(html, `${locale} errors.${key}`).toContain(`id="${key}-error"`);
      // Each message is shown twice (beside its field and in the summary), never the fallback's key.
      expect(html).not.toMatch(/errors\.\w+/);
    }
  });

  it("cover every key the forms' schemas and actions can return", () => {
    const used = keysInSource();
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(KEYS, `errors.${key} is used but not defined`).toContain(key);
  });

  it("name what is missing when an invite or a new centre is sent empty", () => {
    const invite = inviteeSchema.safeParse({ email: "", title: "", name: "", jobRole: "" });
    const centre = centreSchema.safeParse({ number: "", nameEn: "", nameCy: "", address: "" });
    expect(invite.success || centre.success).toBe(false);
    const state: ActionState = {
      fieldErrors: { ...fieldErrorsOf(invite.error!), ...fieldErrorsOf(centre.error!) },
    };
    const en = render("en", state).html;
    for (const text of [
      "Enter their email address",
      "Enter their full name",
      "Enter the centre number as 5 digits",
      "Enter the centre&#x27;s name in English",
      "Enter the centre&#x27;s name in Welsh",
    ])
      expect(en).toContain(text);
    expect(en).not.toContain("Enter your email address");
    const cy = render("cy", state).html;
    for (const text of ["Rhowch eu cyfeiriad e-bost", "Rhowch eu henw llawn", "Rhowch enw&#x27;r ganolfan yn Gymraeg"])
      expect(cy).toContain(text);
    expect(cy).not.toContain("Rhowch {field}");
  });
});
