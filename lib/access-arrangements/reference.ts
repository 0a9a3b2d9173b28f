// The reference number of an approval (docs/access-arrangements.md, "Approval"): "AA", the centre
// number, a hyphen and 6 characters from an alphabet without look-alikes (no I, L, O, U), e.g.
// AA68101-7K3Q9P. The characters come from the caller's random bytes, so the rule is pure.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_LENGTH = 6;

export function formatReference(centreNumber: string, random: Uint8Array): string {
  let tail = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) tail += ALPHABET[(random[i] ?? 0) % ALPHABET.length];
  return `AA${centreNumber}-${tail}`;
}

export const REFERENCE_PATTERN = /^AA\d{5}-[0-9A-HJKMNP-TV-Z]{6}$/;
