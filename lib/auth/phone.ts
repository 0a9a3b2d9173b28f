/**
 * Normalises a UK mobile number to E.164 (+447…), or null when it is not one.
 * Accepts "07700 900123", "+44 7700 900123", "0044 7700-900123", "(07700) 900123", "447700900123".
 */
export function normaliseUkMobile(input: string): string | null {
  const digits = input.trim().replace(/[\s().-]/g, "");
  let national: string;
  if (/^\+44\d+$/.test(digits)) national = digits.slice(3);
  else if (/^0044\d+$/.test(digits)) national = digits.slice(4);
  else if (/^44\d{10}$/.test(digits)) national = digits.slice(2);
  else if (/^0\d+$/.test(digits)) national = digits.slice(1);
  else return null;
  if (national.startsWith("0")) national = national.slice(1); // "+44 (0)7700…"
  // UK mobiles: 7 followed by 9 digits (07xxx xxxxxx), excluding 070 personal numbers and 076 pagers.
  if (!/^7[1-57-9]\d{8}$/.test(national)) return null;
  return `+44${national}`;
}

/** "+447700900123" → "••••••• 123" for screens and emails. */
export function maskPhone(e164: string): string {
  return `•••• ••• ${e164.slice(-3)}`;
}
