import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { rm } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { CLI_ACTOR, createBoardAccount, parseArgs } from "@/scripts/create-board-account";
import { readOutbox } from "@/lib/email/outbox";
import { signInWithPassword } from "@/lib/data/identity/sign-in";
import { INVITE_MONTHS } from "@/lib/accounts/status";
import { addMonths } from "@/lib/time";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

// `npm run board:create-admin` (scripts/create-board-account.ts): the first board staff account
// of a fresh deployment, invited as centre staff are — on a real database.

let db: TestDb;
const T0 = new Date("2027-03-01T09:00:00Z");
const OUTBOX = `/tmp/porth-it-outbox-board-${process.pid}`;
let ipCounter = 0;
const request = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest" });

beforeAll(async () => {
  process.env.OUTBOX_DIR = OUTBOX;
  delete process.env.RESEND_API_KEY;
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
  await rm(OUTBOX, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
});

describe("board:create-admin", () => {
  it("creates a board staff account with an invite, audited as the command line, and puts the invite in the outbox", async () => {
    const result = await createBoardAccount(
      { email: "  First.Admin@Board.Example ", name: "Ffion Admin", jobRole: "Head of IT" },
      T0,
    );
    expect(result).toMatchObject({ ok: true, email: "first.admin@board.example" });
    if (!result.ok || result.delivery.via !== "outbox") throw new Error("expected the outbox");
    expect(result.delivery.dir).toBe(OUTBOX);

    const user = await db.prisma.user.findUniqueOrThrow({
      where: { email: "first.admin@board.example" },
      include: { invites: true, grants: true, mfaFactors: true },
    });
    expect(user).toMatchObject({
      id: result.userId,
      role: "BOARD_STAFF",
      centreId: null,
      name: "Ffion Admin",
      jobRole: "Head of IT",
      mustChangePassword: true,
    });
    expect(user.grants).toEqual([]);
    expect(user.mfaFactors).toEqual([]);
    expect(user.invites).toHaveLength(1);
    expect(user.invites[0]).toMatchObject({ invitedById: null, acceptedAt: null, withdrawnAt: null });
    expect(user.invites[0].expiresAt).toEqual(addMonths(T0, INVITE_MONTHS));

    const events = await db.prisma.auditEvent.findMany({ where: { targetUserId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "board.account-created",
      outcome: "success",
      actorId: null,
      actorEmail: CLI_ACTOR,
      centreId: null,
      targetEmail: user.email,
    });
    expect(JSON.stringify(events)).not.toContain(result.delivery.password);

    const [invite] = await readOutbox(user.email);
    expect(invite.subject).toContain("You have been invited to Porth");
    expect(invite.text).toContain(`Temporary password: ${result.delivery.password}`);
    expect(invite.text).toContain("the exam board");
  });

  it("refuses an email address that already has an account, whatever its case, and changes nothing", async () => {
    await createBoardAccount({ email: "second@board.example", name: "Second" }, T0);
    const before = await db.prisma.user.count();
    const again = await createBoardAccount({ email: "SECOND@board.example", name: "Someone Else" }, T0);
    expect(again).toMatchObject({ ok: false, error: "emailTaken" });
    expect(await db.prisma.user.count()).toBe(before);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: "second@board.example" } })).name).toBe("Second");
    expect(await readOutbox("second@board.example")).toHaveLength(1);
  });

  it("refuses an address that is not an email, or no name", async () => {
    expect(await createBoardAccount({ email: "not-an-email", name: "N" }, T0)).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await createBoardAccount({ email: "n@board.example", name: "  " }, T0)).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await db.prisma.user.findUnique({ where: { email: "n@board.example" } })).toBeNull();
  });

  it("the temporary password signs in once and asks for a new password", async () => {
    const result = await createBoardAccount({ email: "third@board.example", name: "Third" }, T0);
    if (!result.ok || result.delivery.via !== "outbox") throw new Error("expected the outbox");
    const password = result.delivery.password;
    const signIn = (minutes: number) =>
      signInWithPassword(
        { email: "third@board.example", password, door: "centre", request: request() },
        new Date(T0.getTime() + minutes * 60_000),
      );
    expect(await signIn(5)).toMatchObject({ ok: true, next: "password" });
    expect(await signIn(6)).toEqual({ ok: false, error: "invalidCredentials" });
  });

  it("sends through the configured provider and never hands back the password; a refused invite is undone", async () => {
    let status = 200;
    const sent: string[] = [];
    const provider: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        sent.push(body);
        res.writeHead(status, { "content-type": "application/json" });
        res.end(
          status === 200
            ? JSON.stringify({ id: "email-1" })
            : JSON.stringify({ name: "validation_error", message: "refused", statusCode: status }),
        );
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
    try {
      process.env.RESEND_API_KEY = "re_test_key";
      process.env.RESEND_BASE_URL = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;

      const result = await createBoardAccount({ email: "fourth@board.example", name: "Fourth" }, T0);
      expect(result).toMatchObject({ ok: true, delivery: { via: "provider" } });
      expect(JSON.stringify(result)).not.toContain("password");
      expect(sent).toHaveLength(1);
      expect(JSON.parse(sent[0]).to).toEqual("fourth@board.example");
      expect(await readOutbox("fourth@board.example")).toEqual([]);

      status = 422;
      const refused = await createBoardAccount({ email: "fifth@board.example", name: "Fifth" }, T0);
      expect(refused).toMatchObject({ ok: false, error: "deliveryFailed" });
      expect(await db.prisma.user.findUnique({ where: { email: "fifth@board.example" } })).toBeNull();
      const undone = await db.prisma.auditEvent.findMany({
        where: { targetEmail: "fifth@board.example" },
        orderBy: { at: "asc" },
        select: { action: true, actorEmail: true },
      });
      expect(undone.map((e) => e.action).sort()).toEqual(["board.account-created", "user.invite-undone"]);
      expect(undone.every((e) => e.actorEmail === CLI_ACTOR)).toBe(true);
    } finally {
      await new Promise((resolve) => provider.close(resolve));
    }
  });

  it("reads its arguments as the README documents them", () => {
    expect(parseArgs(["--email", "a@b.example", "--name", "Full Name"])).toEqual({
      email: "a@b.example",
      name: "Full Name",
      title: undefined,
      jobRole: undefined,
    });
    expect(parseArgs(["--email=a@b.example", "--name=Full Name", "--job-role", "IT"])).toMatchObject({
      name: "Full Name",
      jobRole: "IT",
    });
    expect(parseArgs(["--email", "a@b.example"])).toMatch(/^Usage/);
    expect(parseArgs(["--emial", "a@b.example"])).toMatch(/Unknown argument/);
  });
});
