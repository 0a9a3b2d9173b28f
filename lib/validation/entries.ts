import { z } from "zod";

// Candidate records (docs/product-rules.md, "Entries"). Error messages are keys of the "errors" namespace.

const CHECK_LETTERS = "ABCDEFGHKLMRTVWXY"; // 17 letters, no look-alikes (I, J, O, …)

/**
 * The UCI format Porth accepts (the documented rule; the form hint shows an example):
 * 13 characters = 12 digits (centre number, year allocated, "0", 4-digit serial) followed by a
 * check letter from ABCDEFGHKLMRTVWXY equal to the weighted sum Σ (13 − i) × digit_i mod 17 of
 * the first 12 digits. Letters are accepted in either case and stored upper case.
 */
export function uciCheckLetter(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (13 - i) * (first12.charCodeAt(i) - 48);
  return CHECK_LETTERS[sum % 17];
}

export function isValidUci(value: string): boolean {
  if (!/^\d{12}[A-Z]$/.test(value)) return false;
  return uciCheckLetter(value.slice(0, 12)) === value[12];
}

/** A real calendar date (YYYY-MM-DD) strictly before today's date in London. */
function parseDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

export function candidateSchema(now: Date) {
  const today = new Date(`${now.toLocaleDateString("en-CA", { timeZone: "Europe/London" })}T00:00:00Z`);
  return z.object({
    candidateNumber: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "candidateNumberInvalid"),
    uci: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s+/g, "").toUpperCase())
      .refine(isValidUci, "uciInvalid"),
    firstName: z.string().trim().min(1, "forenamesRequired").max(100, "nameTooLong"),
    lastName: z.string().trim().min(1, "surnameRequired").max(100, "nameTooLong"),
    dateOfBirth: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const date = parseDate(v);
        if (!date) {
          ctx.addIssue({ code: "custom", message: "dateOfBirthInvalid" });
          return z.NEVER;
        }
        if (date.getTime() >= today.getTime() || date.getUTCFullYear() < 1900) {
          ctx.addIssue({ code: "custom", message: "dateOfBirthNotPast" });
          return z.NEVER;
        }
        return date;
      }),
  });
}

export type CandidateInput = z.output<ReturnType<typeof candidateSchema>>;
export const CANDIDATE_FIELDS = ["candidateNumber", "uci", "firstName", "lastName", "dateOfBirth"] as const;

/** The largest CSV file the entries import reads (about 20,000 rows). */
export const IMPORT_MAX_BYTES = 512 * 1024;
