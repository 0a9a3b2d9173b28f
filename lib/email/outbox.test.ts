import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outboxNotice, outboxPageEnabled, writeToOutbox } from "./outbox";

afterEach(() => vi.unstubAllEnvs());

describe("the local outbox", () => {
  it("is never served as a page in production mode, whatever the database", () => {
    expect(outboxPageEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(outboxPageEnabled({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y" })).toBe(false);
    expect(outboxPageEnabled({ NODE_ENV: "development" })).toBe(true);
  });

  it("writes each message readable by its owner only, and announces its code on the console", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "porth-outbox-")), "outbox");
    vi.stubEnv("OUTBOX_DIR", dir);
    vi.stubEnv("OUTBOX_QUIET", "false");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await writeToOutbox({
      kind: "email",
      to: "new@68101.test",
      subject: "Your account",
      text: "Temporary password: Kx7-pq2",
    });
    const [line] = info.mock.calls.at(-1) as [string];
    expect(line).toContain("new@68101.test");
    expect(line).toContain("Temporary password: Kx7-pq2");
    const file = /\((.+)\)$/.exec(line)![1];
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);
    info.mockRestore();
  });

  it("names a sign-in code or a link when the message has no password", () => {
    expect(outboxNotice({ kind: "sms", to: "+447700900123", subject: "", text: "Porth code 123456" }, "f")).toContain(
      "— 123456",
    );
    expect(
      outboxNotice({ kind: "email", to: "a@b.test", subject: "S", text: "Open https://porth.test/x to continue" }, "f"),
    ).toContain("— https://porth.test/x");
  });
});
