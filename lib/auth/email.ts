/** An email address as accounts are keyed by it: no spaces around, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
