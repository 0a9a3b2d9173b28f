import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, realpath, rename, rm, stat, writeFile as writeDisk } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { contentTypeFor, fileKeySegments, InvalidFileKeyError } from "./keys";

export { isValidFileKey, InvalidFileKeyError, contentTypeFor, downloadNameFor, attachmentDisposition } from "./keys";

// The file store (docs/decisions/007-file-store.md): past papers, mark schemes, circulars and
// question papers. Local disk under FILES_DIR (default .data/files) unless S3_BUCKET is set,
// then an S3-compatible bucket. Only the data access layer reads from it, after its checks;
// route handlers stream what it returns. Board staff's uploads are written (and removed) through
// it too, by the data layer, once their checks have passed.

export type StoredFile = {
  /** The file's bytes, read lazily. */
  stream: ReadableStream<Uint8Array>;
  /** Size in bytes. */
  size: number;
};

export type FileStore = {
  kind: "local" | "s3";
  /** The file, or null when there is no file under the key. Throws InvalidFileKeyError for an unsafe key. */
  read(key: string): Promise<StoredFile | null>;
  /** Stores `bytes` under the key (whole or not at all). Throws InvalidFileKeyError for an unsafe key. */
  write(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Removes the file under the key; no file is not an error. Throws InvalidFileKeyError for an unsafe key. */
  remove(key: string): Promise<void>;
};

// ───────────────────────── local disk ─────────────────────────

export function localStore(rootDir: string): FileStore {
  const root = path.resolve(rootDir);
  return {
    kind: "local",
    async read(key) {
      const target = path.resolve(root, ...fileKeySegments(key));
      // Belt and braces: the key check already rules this out.
      if (!target.startsWith(root + path.sep)) throw new Error("file key escapes the store");
      let real: string;
      try {
        real = await realpath(target);
        // A symbolic link inside the store must not lead out of it either.
        const realRoot = await realpath(root);
        if (!real.startsWith(realRoot + path.sep)) return null;
        const info = await stat(real);
        if (!info.isFile()) return null;
        const stream = Readable.toWeb(createReadStream(real)) as ReadableStream<Uint8Array>;
        return { stream, size: info.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR")
          return null;
        throw error;
      }
    },
    async write(key, bytes) {
      const segments = fileKeySegments(key);
      const target = path.resolve(root, ...segments);
      if (!target.startsWith(root + path.sep)) throw new Error("file key escapes the store");
      await mkdir(path.dirname(target), { recursive: true });
      // The directory (after symbolic links) must be inside the store as well.
      const [realDir, realRoot] = await Promise.all([realpath(path.dirname(target)), realpath(root)]);
      if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep))
        throw new Error("file key escapes the store");
      // Written aside, then renamed: a reader never sees half a file.
      const partial = path.join(realDir, `.${segments.at(-1)}.${randomBytes(6).toString("hex")}.partial`);
      try {
        await writeDisk(partial, bytes, { mode: 0o600 });
        await rename(partial, path.join(realDir, segments.at(-1)!));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async remove(key) {
      const target = path.resolve(root, ...fileKeySegments(key));
      if (!target.startsWith(root + path.sep)) throw new Error("file key escapes the store");
      let real: string;
      try {
        real = await realpath(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR")
          return;
        throw error;
      }
      const realRoot = await realpath(root);
      if (!real.startsWith(realRoot + path.sep)) return;
      await rm(real, { force: true });
    },
  };
}

// ───────────────────────── S3-compatible bucket ─────────────────────────

export type S3Config = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
};

export function s3Store(config: S3Config): FileStore {
  // Loaded on first use, so the local store (tests, the embedded demo) never loads the SDK.
  let client: Promise<{
    send: (command: unknown) => Promise<unknown>;
    GetObjectCommand: new (input: { Bucket: string; Key: string }) => unknown;
    PutObjectCommand: new (input: { Bucket: string; Key: string; Body: Uint8Array; ContentType: string }) => unknown;
    DeleteObjectCommand: new (input: { Bucket: string; Key: string }) => unknown;
  }> | null = null;
  const getClient = () => {
    client ??= import("@aws-sdk/client-s3").then(
      ({ S3Client, GetObjectCommand, PutObjectCommand, DeleteObjectCommand }) => {
        const s3 = new S3Client({
          region: config.region,
          ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
          ...(config.accessKeyId && config.secretAccessKey
            ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
            : {}),
        });
        return {
          send: (command: unknown) => s3.send(command as InstanceType<typeof GetObjectCommand>),
          GetObjectCommand,
          PutObjectCommand,
          DeleteObjectCommand,
        };
      },
    );
    return client;
  };
  return {
    kind: "s3",
    async read(key) {
      const safeKey = fileKeySegments(key).join("/");
      const { send, GetObjectCommand } = await getClient();
      try {
        const out = (await send(new GetObjectCommand({ Bucket: config.bucket, Key: safeKey }))) as {
          Body?: { transformToWebStream(): ReadableStream<Uint8Array> };
          ContentLength?: number;
        };
        if (!out.Body) return null;
        return { stream: out.Body.transformToWebStream(), size: out.ContentLength ?? 0 };
      } catch (error) {
        const name = (error as { name?: string }).name;
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (name === "NoSuchKey" || name === "NotFound" || status === 404) return null;
        throw error;
      }
    },
    async write(key, bytes, contentType) {
      const safeKey = fileKeySegments(key).join("/");
      const { send, PutObjectCommand } = await getClient();
      await send(new PutObjectCommand({ Bucket: config.bucket, Key: safeKey, Body: bytes, ContentType: contentType }));
    },
    async remove(key) {
      const safeKey = fileKeySegments(key).join("/");
      const { send, DeleteObjectCommand } = await getClient();
      await send(new DeleteObjectCommand({ Bucket: config.bucket, Key: safeKey }));
    },
  };
}

// ───────────────────────── the configured store ─────────────────────────

/** The store the environment asks for (read each call, so tests may point FILES_DIR elsewhere). */
export function fileStore(env: Record<string, string | undefined> = process.env): FileStore {
  if (env.S3_BUCKET) {
    return s3Store({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || "auto",
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    });
  }
  return localStore(env.FILES_DIR || ".data/files");
}

let cached: { signature: string; store: FileStore } | null = null;

function configuredStore(): FileStore {
  const env = process.env;
  const signature = [env.S3_BUCKET, env.S3_ENDPOINT, env.S3_REGION, env.S3_ACCESS_KEY_ID, env.FILES_DIR].join("|");
  if (!cached || cached.signature !== signature) cached = { signature, store: fileStore(env) };
  return cached.store;
}

/** Reads a file from the configured store: null when it does not exist. */
export async function readFile(key: string): Promise<StoredFile | null> {
  return configuredStore().read(key);
}

/** Writes a file to the configured store, typed by its key's extension (the data layer, after its checks). */
export async function storeFile(key: string, bytes: Uint8Array): Promise<void> {
  return configuredStore().write(key, bytes, contentTypeFor(key));
}

/** Removes a file from the configured store; a missing file is not an error. */
export async function removeStoredFile(key: string): Promise<void> {
  return configuredStore().remove(key);
}

/**
 * readFile for the data access layer: an unsafe key (a bad database row) is logged and treated
 * as "no such file", so the caller answers 404 and nothing outside the store is ever opened.
 */
export async function readStoredFile(key: string): Promise<StoredFile | null> {
  try {
    return await readFile(key);
  } catch (error) {
    if (error instanceof InvalidFileKeyError) {
      console.error(`[files] refused an unsafe file key: ${error.message}`);
      return null;
    }
    throw error;
  }
}
