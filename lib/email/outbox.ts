import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";

// The local outbox: when no email/SMS provider is configured, messages are written here as
// JSON files, listed at /dev/outbox (outside production) and read back by the tests.

export type OutboxMessage = {
  id: string;
  kind: "email" | "sms";
  to: string;
  subject: string;
  text: string;
  html?: string;
  sentAt: string;
};

export function outboxDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.OUTBOX_DIR ?? ".data/outbox");
}

export async function writeToOutbox(message: Omit<OutboxMessage, "id" | "sentAt">): Promise<OutboxMessage> {
  const full: OutboxMessage = { ...message, id: randomUUID(), sentAt: new Date().toISOString() };
  await mkdir(outboxDir(), { recursive: true });
  // Sortable by name: time first, then id.
  const name = `${full.sentAt.replace(/[:.]/g, "-")}_${full.id}.json`;
  await writeFile(path.join(outboxDir(), name), JSON.stringify(full, null, 2));
  return full;
}

/** Messages, newest first; optionally only those to one address or number. */
export async function readOutbox(to?: string): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(outboxDir());
  } catch {
    return [];
  }
  const messages = await Promise.all(
    names
      .filter((n) => n.endsWith(".json"))
      .sort()
      .reverse()
      .map(async (n) => JSON.parse(await readFile(path.join(outboxDir(), n), "utf8")) as OutboxMessage),
  );
  return to ? messages.filter((m) => m.to.toLowerCase() === to.toLowerCase()) : messages;
}

/**
 * The /dev/outbox page exists only outside production: in development, and on the embedded
 * database (a first look, which has no real email provider). Never with a real PostgreSQL
 * server in production.
 */
export function outboxPageEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || !process.env.DATABASE_URL;
}
