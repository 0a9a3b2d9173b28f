import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";

// The local outbox: when no email/SMS provider is configured, messages are written here as
// JSON files readable by their owner only, announced in one line on the server's console (so
// whoever ran the server can follow an invite), listed at /dev/outbox by the development server,
// and read back by the tests.

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
  await mkdir(outboxDir(), { recursive: true, mode: 0o700 });
  // Sortable by name: time first, then id.
  const name = `${full.sentAt.replace(/[:.]/g, "-")}_${full.id}.json`;
  const file = path.join(outboxDir(), name);
  // Written aside, then renamed: a reader never sees half a message.
  const partial = `${file}.partial`;
  await writeFile(partial, JSON.stringify(full, null, 2), { mode: 0o600 });
  await rename(partial, file);
  if (process.env.OUTBOX_QUIET !== "true") console.info(outboxNotice(full, file));
  return full;
}

/** The console line for a message: who it is for, and the code, password or link it carries. */
export function outboxNotice(message: Pick<OutboxMessage, "kind" | "to" | "subject" | "text">, file: string): string {
  const secret =
    /(?:Temporary password|Cyfrinair dros dro): (\S+)/.exec(message.text)?.[0] ??
    /\b\d{6}\b/.exec(message.text)?.[0] ??
    /https?:\/\/\S+/.exec(message.text)?.[0];
  const what = message.kind === "sms" ? "text message" : `email "${message.subject}"`;
  return `[porth] outbox: ${what} to ${message.to}${secret ? ` — ${secret}` : ""} (${file})`;
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
 * The /dev/outbox page exists only on the development server (`npm run dev`), never in
 * production mode, whatever the database: it shows codes and temporary passwords to anyone who
 * can reach it. `npm start` prints each message's code on its console instead.
 */
export function outboxPageEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production";
}
