import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (~37 ms a hash here): see docs/decisions/006-hashing.md.
export async function hashSecret(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifySecret(hashed: string | null | undefined, plain: string): Promise<boolean> {
  if (!hashed) return false;
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

let placeholder: Promise<string> | undefined;

/**
 * The work of checking a secret when there is nothing to check it against (an unknown account),
 * so that answer takes as long as a wrong secret. Always false.
 */
export async function verifyNothing(plain: string): Promise<false> {
  placeholder ??= hashSecret("no-such-account-placeholder");
  await verifySecret(await placeholder, plain);
  return false;
}
