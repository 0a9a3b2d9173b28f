import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentDisposition, contentTypeFor, downloadNameFor, isValidFileKey } from "./keys";
import { fileStore, InvalidFileKeyError, localStore, readFile } from "./store";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("file keys", () => {
  it("accepts the keys the seed writes", () => {
    for (const key of [
      "resources/9521/2026/mark-scheme-en.pdf",
      "question-papers/2027-06/9521-01.pdf",
      "resources/circulars/2026-key-dates-june-2027.pdf",
      "a.pdf",
    ]) {
      expect(isValidFileKey(key), key).toBe(true);
    }
  });

  it("refuses keys that could leave the store's root", () => {
    for (const key of [
      "../secret.pdf",
      "resources/../../etc/passwd",
      "/etc/passwd",
      "resources/./a.pdf",
      "resources//a.pdf",
      "resources/a.pdf/",
      "C:\\Windows\\win.ini",
      "resources\\..\\a.pdf",
      "a\0.pdf",
      ".env",
      "resources/.hidden",
      "",
      "..",
      "%2e%2e/a.pdf",
      "a".repeat(600),
    ]) {
      expect(isValidFileKey(key), JSON.stringify(key)).toBe(false);
    }
    expect(isValidFileKey(undefined)).toBe(false);
  });

  it("names downloads and types them by extension", () => {
    expect(downloadNameFor("resources/9521/2026/mark-scheme-en.pdf")).toBe("9521-2026-mark-scheme-en.pdf");
    expect(contentTypeFor("x/y.pdf")).toBe("application/pdf");
    expect(contentTypeFor("x/y.CSV")).toBe("text/csv; charset=utf-8");
    expect(contentTypeFor("x/y")).toBe("application/octet-stream");
    expect(attachmentDisposition("9521-2026.pdf")).toBe(
      `attachment; filename="9521-2026.pdf"; filename*=UTF-8''9521-2026.pdf`,
    );
  });
});

describe("the local file store", () => {
  let root: string;
  let outside: string;

  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), "porth-store-"));
    root = path.join(base, "files");
    outside = path.join(base, "outside");
    await mkdir(path.join(root, "resources/9521"), { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(path.join(root, "resources/9521/paper.pdf"), "%PDF-1.7 hello");
    await writeFile(path.join(outside, "secret.txt"), "top secret");
    await symlink(outside, path.join(root, "resources/link"));
  });
  afterAll(async () => {
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it("streams a file with its size", async () => {
    const file = await localStore(root).read("resources/9521/paper.pdf");
    expect(file?.size).toBe(14);
    expect(await text(file!.stream)).toBe("%PDF-1.7 hello");
  });

  it("answers null for a missing file or a directory", async () => {
    expect(await localStore(root).read("resources/9521/nothing.pdf")).toBeNull();
    expect(await localStore(root).read("resources/9521")).toBeNull();
    expect(await localStore(root).read("nowhere/at/all.pdf")).toBeNull();
  });

  it("refuses path traversal and absolute paths before touching the disk", async () => {
    const store = localStore(root);
    await expect(store.read("../outside/secret.txt")).rejects.toBeInstanceOf(InvalidFileKeyError);
    await expect(store.read("resources/../../outside/secret.txt")).rejects.toBeInstanceOf(InvalidFileKeyError);
    await expect(store.read(path.join(outside, "secret.txt"))).rejects.toBeInstanceOf(InvalidFileKeyError);
  });

  it("does not follow a symbolic link out of the store", async () => {
    expect(await localStore(root).read("resources/link/secret.txt")).toBeNull();
  });

  it("writes a file whole, replaces it, and removes it (a missing file is no error)", async () => {
    const store = localStore(root);
    await store.write("uploads/new/paper.pdf", new TextEncoder().encode("%PDF-1.7 one"), "application/pdf");
    expect(await text((await store.read("uploads/new/paper.pdf"))!.stream)).toBe("%PDF-1.7 one");
    await store.write("uploads/new/paper.pdf", new TextEncoder().encode("%PDF-1.7 two"), "application/pdf");
    expect(await text((await store.read("uploads/new/paper.pdf"))!.stream)).toBe("%PDF-1.7 two");
    await store.remove("uploads/new/paper.pdf");
    expect(await store.read("uploads/new/paper.pdf")).toBeNull();
    await expect(store.remove("uploads/new/paper.pdf")).resolves.toBeUndefined();
  });

  it("refuses to write or remove outside the store", async () => {
    const store = localStore(root);
    const bytes = new TextEncoder().encode("x");
    await expect(store.write("../outside/evil.pdf", bytes, "application/pdf")).rejects.toBeInstanceOf(
      InvalidFileKeyError,
    );
    await expect(store.write("resources/link/evil.pdf", bytes, "application/pdf")).rejects.toThrow(/escapes/);
    expect(await localStore(path.dirname(root)).read("outside/evil.pdf")).toBeNull();
    await expect(store.remove("../outside/secret.txt")).rejects.toBeInstanceOf(InvalidFileKeyError);
    await store.remove("resources/link/secret.txt");
    expect(await text((await localStore(path.dirname(root)).read("outside/secret.txt"))!.stream)).toBe("top secret");
  });

  it("uses FILES_DIR by default and the bucket when S3_BUCKET is set", async () => {
    expect(fileStore({ FILES_DIR: root }).kind).toBe("local");
    expect(fileStore({ S3_BUCKET: "porth", S3_ENDPOINT: "http://127.0.0.1:9" }).kind).toBe("s3");
    const previous = process.env.FILES_DIR;
    process.env.FILES_DIR = root;
    try {
      const file = await readFile("resources/9521/paper.pdf");
      expect(await text(file!.stream)).toBe("%PDF-1.7 hello");
    } finally {
      if (previous === undefined) delete process.env.FILES_DIR;
      else process.env.FILES_DIR = previous;
    }
  });

  it("checks keys for the bucket too", async () => {
    const store = fileStore({ S3_BUCKET: "porth", S3_ENDPOINT: "http://127.0.0.1:9", S3_REGION: "eu-west-2" });
    await expect(store.read("../x.pdf")).rejects.toBeInstanceOf(InvalidFileKeyError);
  });
});
