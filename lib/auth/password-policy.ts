import { dictionary } from "@zxcvbn-ts/language-common";

// Password rules (docs/product-rules.md, "Sign-in and sessions"; after NCSC and NIST 800-63B): 10 to 128 characters, no
// composition rules, refused when it is a common password or contains the portal, board
// or centre name. The common list is zxcvbn-ts's 49k passwords (docs/decisions/006-hashing.md).

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

const common = new Set<string>((dictionary.passwords as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsName" | "containsEmail";

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** The first problem with a new password, or null when it is acceptable. */
export function checkPassword(
  password: string,
  context: { email?: string; names?: string[] } = {},
): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD) return "tooShort";
  if (length > MAX_PASSWORD) return "tooLong";
  const folded = fold(password);
  if (common.has(password.toLowerCase()) || common.has(folded)) return "common";
  // A common password with digits or punctuation added ("password123!") is still common.
  const core = password
    .toLowerCase()
    .replace(/[^a-z]+$/g, "")
    .replace(/^[^a-z]+/g, "");
  if (core.length >= 6 && common.has(core) && folded.length - core.length <= 4) return "common";
  const banned = ["porth", "examboard", "awardingbody", ...(context.names ?? [])]
    .map(fold)
    .filter((n) => n.length >= 4);
  if (banned.some((n) => folded.includes(n))) return "containsName";
  const local = context.email?.split("@")[0];
  if (local && fold(local).length >= 4 && folded.includes(fold(local))) return "containsEmail";
  return null;
}
