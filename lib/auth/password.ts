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
