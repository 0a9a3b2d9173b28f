import { z } from "zod";

// The rules every mark obeys, wherever it is keyed (docs/marks.md): the centre's IAMIS marks,
// a moderator's marks for the sample, an examiner's marks per question. Pure, so the browser's
// form and the server's check are the same code.

/** Codes instead of a mark: A absent, W withdrawn. */
export const MARK_CODES = ["A", "W"] as const;
export type MarkCode = (typeof MARK_CODES)[number];

/** A mark as it is saved: a code, or a total, or (per question) the items and their total. */
export type MarkValue = {
  code: MarkCode | null;
  total: number | null;
  /** Per question in question order, null for a question not yet marked; null without questions. */
  items: (number | null)[] | null;
};

export const EMPTY_MARK: MarkValue = { code: null, total: null, items: null };

/** What a mark is checked against: the component's maximum, or its questions' maxima. */
export type MarkShape = { maxMark: number; questions: readonly { maxMark: number }[] };

const whole = (max: number) => z.number().int("marks.notWhole").min(0, "marks.belowZero").max(max, "marks.overMax");

/** The zod schema of one mark for a component of this shape (client form and server alike). */
export function markValueSchema(shape: MarkShape) {
  const items = shape.questions.length
    ? z
        .array(z.number().int("marks.notWhole").min(0, "marks.belowZero").nullable())
        .length(shape.questions.length, "marks.wrongQuestions")
        .superRefine((values, ctx) => {
          values.forEach((v, i) => {
            if (v !== null && v > shape.questions[i].maxMark) {
              ctx.addIssue({ code: "custom", path: [i], message: "marks.overMax" });
            }
          });
        })
        .nullable()
    : z.null();
  return z
    .object({ code: z.enum(MARK_CODES).nullable(), total: whole(shape.maxMark).nullable(), items })
    .strict()
    .superRefine((v, ctx) => {
      if (v.code && (v.total !== null || (v.items ?? []).some((x) => x !== null))) {
        ctx.addIssue({ code: "custom", path: ["code"], message: "marks.codeAndMark" });
      }
      if (shape.questions.length && v.items && v.total !== totalOf(v.items)) {
        ctx.addIssue({ code: "custom", path: ["total"], message: "marks.totalMismatch" });
      }
    });
}

/** The total of per-question marks once every question is marked; null until then. */
export function totalOf(items: readonly (number | null)[]): number | null {
  if (items.some((x) => x === null)) return null;
  return (items as number[]).reduce((a, b) => a + b, 0);
}

/** A mark is entered when it has a code, or a total (every question marked). */
export function isEntered(value: MarkValue): boolean {
  return value.code !== null || value.total !== null;
}

/**
 * Reads what a person typed into one cell: "" (nothing), "A"/"W" in either case, or a whole
 * number. Anything else is a message key. Bounds are checked by markValueSchema.
 */
export function parseCell(text: string): { ok: true; value: number | MarkCode | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  const upper = t.toUpperCase();
  if ((MARK_CODES as readonly string[]).includes(upper)) return { ok: true, value: upper as MarkCode };
  if (!/^\d{1,4}$/.test(t)) return { ok: false, error: "marks.notAMark" };
  return { ok: true, value: Number(t) };
}

/** The JSON stored in Mark.items, read back (anything unexpected reads as no items). */
export function itemsFromJson(json: unknown): (number | null)[] | null {
  if (!Array.isArray(json)) return null;
  return json.map((x) => (typeof x === "number" && Number.isInteger(x) ? x : null));
}

/** A save from the browser: an idempotency key, the version it was based on, and the value. */
export const markSaveSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "marks.badKey"),
    baseVersion: z.number().int().min(0).max(1_000_000),
    value: z.object({ code: z.unknown(), total: z.unknown(), items: z.unknown() }).strict(),
  })
  .strict();
