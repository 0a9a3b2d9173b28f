// The demo board's access arrangements (prisma/seed/access-arrangements.ts), as the demo exams
// officer and board staff see them: approved, expiring soon, expired, referred, refused and
// delegated arrangements at centre 68101, June 2027's modified-paper deadline and an order.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listArrangements } from "@/lib/data/access-arrangements/list";
import { modifiedPapers } from "@/lib/data/access-arrangements/modified-papers";
import { referralQueue } from "@/lib/data/board/access-arrangements";
import { seedDemo } from "@/prisma/seed";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { openSession } from "../utils/sessions";
import { okOf } from "./access-arrangements/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const NOW = new Date();

beforeAll(async () => {
  process.env.FILES_DIR = mkdtempSync(path.join(tmpdir(), "porth-aa-demo-files-"));
  process.env.MFA_ENCRYPTION_KEY ??= "seed-test-key";
  db = await createTestDb();
  await seedDemo(db.prisma, { writeFiles: false });
}, 120_000);
afterAll(async () => db?.close());

const as = async (email: string) => {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
  await actAs(db.prisma, { id: await openSession(db.prisma, user.id, NOW) }, NOW);
};

describe("the demo's access arrangements", () => {
  it("show centre 68101 every state, and the board its referred queue", async () => {
    await as("eo@68101.test");
    const states = okOf(await listArrangements()).rows.map((r) => [r.candidate.candidateNumber, r.type, r.state]);
    expect(states).toEqual(
      expect.arrayContaining([
        ["0001", "EXTRA_TIME_25", "approved"],
        ["0001", "SUPERVISED_REST_BREAKS", "delegated"],
        ["0002", "EXTRA_TIME_25", "expiringSoon"],
        ["0003", "EXTRA_TIME_25", "expired"],
        ["0004", "READER", "referred"],
        ["0005", "EXTRA_TIME_25", "referred"],
        ["0006", "SCRIBE", "refused"],
        ["0007", "EXTRA_TIME_OVER_25", "approved"],
        ["0008", "MODIFIED_PAPERS", "approved"],
      ]),
    );
    const papers = okOf(await modifiedPapers("2027-06"));
    expect(papers.series?.modifiedPaperDeadline).toEqual(new Date("2027-01-31T23:59:00Z"));
    expect(papers.orders.map((o) => [o.candidate.candidateNumber, o.format])).toEqual([["0008", "ENLARGED_18"]]);

    await as("board@board.test");
    const queue = okOf(await referralQueue());
    expect(queue.rows.map((r) => [r.centre.number, r.candidate.candidateNumber, r.type])).toEqual([
      ["68101", "0004", "READER"],
      ["68101", "0005", "EXTRA_TIME_25"],
    ]);
    expect(
      okOf(await referralQueue({ view: "decided" }))
        .rows.map((r) => r.state)
        .sort(),
    ).toEqual(["approved", "approved", "refused"]);
  });
});
