import "server-only";
import { randomBytes } from "node:crypto";
import { removeStoredFile, storeFile } from "@/lib/files/store";

// The file side of board staff's uploads (lib/data/board/resources.ts, question-papers.ts,
// reviews-scripts.ts): a checked upload is written to the file store under a new key before its
// row is committed, and removed again if the row is not; a replaced or removed file goes once
// its row no longer names it. The store may be a bucket, so a failure is "unavailable", never
// a half-made change.

// internal: a building block of the authorized upload functions in this folder
/** A short random version for a new file key, so no upload ever overwrites another's file. */
export function newFileVersion(): string {
  return randomBytes(4).toString("hex");
}

// internal: called by an authorized upload function once its checks have passed
/** Writes the bytes; false when the store failed (nothing was written). */
export async function putUploadedFile(key: string, bytes: Uint8Array): Promise<boolean> {
  try {
    await storeFile(key, bytes);
    return true;
  } catch (error) {
    console.error(`[files] could not store ${key}: ${(error as Error).message}`);
    await removeStoredFile(key).catch(() => {});
    return false;
  }
}

// internal: called by an authorized function after the row that named the file has changed
/** Removes a file no row names any more. Best effort: a leftover file is harmless, a lost one is not. */
export async function dropStoredFile(key: string): Promise<void> {
  try {
    await removeStoredFile(key);
  } catch (error) {
    console.error(`[files] could not remove ${key}: ${(error as Error).message}`);
  }
}
