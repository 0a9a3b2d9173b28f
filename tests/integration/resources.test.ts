// Resources, today's question papers, the exam timetable, circulars and centre details
// (docs/product-rules.md ("Resources and question papers")), against a real database and a
// throwaway file store. Route handlers are called
// directly; only Auth.js's cookie and Next's request headers are stand-ins.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile as readDisk } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient, QuestionPaper, Resource, Series } from "@/lib/generated/prisma/client";
import { listCirculars, listResources, openResource } from "@/lib/data/resources/resources";
import { todaysQuestionPapers } from "@/lib/data/resources/question-papers";
import { examTimetable } from "@/lib/data/resources/timetable";
import { groupTimetable, type TimetableExam } from "@/lib/resources/timetable";
import { isPaperAvailable, releaseWindow } from "@/lib/resources/question-paper-window";
import { getCentreDetails } from "@/lib/data/centre/details";
import { londonTime } from "@/lib/time";
import { createTestDb, type TestDb } from "../utils/test-db";
import { createCentre } from "../factories/centres";
import { createUser } from "../factories/users";
import { createQualificationCatalogue, type Catalogue } from "../factories/catalogue";
import { createSeries } from "../factories/series";
import { createQuestionPapers, createResources } from "../factories/resources";
import { actAs } from "../utils/act-as";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => ({
  ...(await import("../utils/next-mocks")).headersMock,
  headers: async () => new Headers({ "user-agent": "resources-test", "x-porth-peer": "203.0.113.9" }),
}));
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

const FILES = mkdtempSync(path.join(tmpdir(), "porth-resources-files-"));
process.env.FILES_DIR = FILES;

type Who = "eoA" | "adminA" | "userA" | "eoB" | "board" | "appointee";

let db: TestDb;
let prisma: PrismaClient;
let catalogue: Catalogue;
let series: Series;
let resources: Resource[];
let papers: QuestionPaper[];
const sids = {} as Record<Who, string>;
const centres = {} as Record<"A" | "B", { id: string; number: string }>;

async function openSession(userId: string): Promise<string> {
  const id = randomBytes(16).toString("hex");
  await prisma.session.create({
    data: { id, sessionToken: id, userId, expires: new Date(Date.now() + 3600_000), mfaAt: new Date() },
  });
  return id;
}

/** Makes `who` the caller at `at` (the server's clock). */
async function as(who: Who | null, at = "2026-11-22T10:00:00Z"): Promise<void> {
  await actAs(prisma, who ? { id: sids[who] } : null, new Date(at));
}

const resourceRoute = async (id: string) =>
  (await import("@/app/api/files/resources/[id]/route")).GET(
    new Request(`http://localhost/api/files/resources/${id}`),
    { params: Promise.resolve({ id }) },
  );
const paperRoute = async (id: string) =>
  (await import("@/app/api/files/question-papers/[id]/route")).GET(
    new Request(`http://localhost/api/files/question-papers/${id}`),
    { params: Promise.resolve({ id }) },
  );

const spec = (code: string) => catalogue.spec(code);
const paperOf = (componentCode: string) =>
  papers.find((p) => p.componentId === catalogue.components.find((c) => c.code === componentCode)!.id)!;
const secureOf = (code: string) =>
  resources.find((r) => r.secure && r.specificationId === spec(code).id && r.kind === "PAST_PAPER")!;

beforeAll(async () => {
  db = await createTestDb();
  prisma = db.prisma;
  catalogue = await createQualificationCatalogue(prisma);
  series = await createSeries(prisma);
  const a = await createCentre(prisma);
  const b = await createCentre(prisma);
  centres.A = a;
  centres.B = b;
  const eoA = await createUser(prisma, { role: "EXAMS_OFFICER", centre: a, name: "Siân Exams", email: "eo@a.test" });
  const users = {
    eoA,
    adminA: await createUser(prisma, { role: "ADMIN", centre: a, grants: [] }),
    userA: await createUser(prisma, { role: "USER", centre: a, grants: ["results", "entries"] }),
    eoB: await createUser(prisma, { role: "EXAMS_OFFICER", centre: b }),
    board: await createUser(prisma, { role: "BOARD_STAFF", centre: null }),
    appointee: await createUser(prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" }),
  };
  for (const [who, user] of Object.entries(users)) sids[who as Who] = await openSession(user.id);

  // Centre A: entries for Latin (9521) and Mathematics (9531), one withdrawn History (9611).
  // Centre B: Computer Science (9621) only.
  const enter = async (
    centre: { id: string },
    n: string,
    codes: string[],
    status: "ENTERED" | "WITHDRAWN" = "ENTERED",
  ) => {
    const candidate = await prisma.candidate.create({
      data: {
        centreId: centre.id,
        candidateNumber: n,
        uci: `UCI${centre.id.slice(-6)}${n}`,
        firstName: "Test",
        lastName: `Candidate ${n}`,
        dateOfBirth: new Date(Date.UTC(2010, 4, 1)),
      },
    });
    for (const code of codes)
      await prisma.entry.create({
        data: {
          centreId: centre.id,
          candidateId: candidate.id,
          seriesId: series.id,
          specificationId: spec(code).id,
          status,
        },
      });
  };
  await enter(a, "0001", ["9521", "9531"]);
  await enter(a, "0002", ["9611"], "WITHDRAWN");
  await enter(b, "0001", ["9621"]);

  const used = ["9521", "9531", "9611", "9621"].map(spec);
  resources = await createResources(prisma, used, { years: [2025, 2026] });
  papers = await createQuestionPapers(
    prisma,
    series,
    used.flatMap((s) => s.components),
  );
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.close();
});

// ───────────────────────── past papers and support material ─────────────────────────

describe("past papers, mark schemes and support material", () => {
  it("shows secure items only for specifications the centre has entries for", async () => {
    await as("eoA");
    const a = await listResources("past-papers", { specification: "9521" });
    expect(a.ok && a.items.some((r) => r.secure)).toBe(true);
    expect(a.ok && a.hiddenSecure).toBe(0);

    await as("eoB");
    const b = await listResources("past-papers", { specification: "9521" });
    if (!b.ok) throw new Error("denied");
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items.every((r) => !r.secure)).toBe(true);
    expect(b.hiddenSecure).toBe(2); // 2026 question paper and mark scheme
    const bOwn = await listResources("past-papers", { specification: "9621" });
    expect(bOwn.ok && bOwn.items.filter((r) => r.secure).length).toBe(2);
  });

  it("does not count a withdrawn entry", async () => {
    await as("eoA");
    const history = await listResources("past-papers", { specification: "9611" });
    expect(history.ok && history.items.every((r) => !r.secure)).toBe(true);
    expect(history.ok && history.hiddenSecure).toBeGreaterThan(0);
  });

  it("gives every centre account the resources (a User with no grants too) and board staff everything", async () => {
    await as("userA");
    const u = await listResources("past-papers", { specification: "9531" });
    expect(u.ok && u.items.some((r) => r.secure)).toBe(true);
    await as("board");
    const all = await listResources("past-papers", {});
    expect(all.ok && all.items.length).toBe(
      resources.filter((r) => r.kind === "PAST_PAPER" || r.kind === "MARK_SCHEME").length,
    );
    await as("appointee");
    expect(await listResources("past-papers", {})).toEqual({ ok: false, error: "forbidden" });
    await as(null);
    expect(await listResources("past-papers", {})).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("filters by qualification, specification, kind, year and language, ignoring unknown values", async () => {
    await as("eoA");
    const f = await listResources("past-papers", {
      specification: "9531",
      kind: "PAST_PAPER",
      year: "2025",
      language: "cy",
    });
    if (!f.ok) throw new Error("denied");
    expect(f.items.map((r) => [r.specification?.code, r.kind, r.year, r.language])).toEqual([
      ["9531", "PAST_PAPER", 2025, "cy"],
    ]);
    const alevel = await listResources("past-papers", { qualification: "A level" });
    expect(
      alevel.ok &&
        alevel.items.length > 0 &&
        alevel.items.every((r) => r.specification?.qualification.code === "A level"),
    ).toBe(true);
    const schemes = await listResources("past-papers", { kind: "MARK_SCHEME" });
    expect(schemes.ok && schemes.items.every((r) => r.kind === "MARK_SCHEME")).toBe(true);
    // A kind from another area, or nonsense, does not widen or break the list.
    const support = await listResources("past-papers", { kind: "SUPPORT", year: "20x5", language: "fr" });
    expect(support.ok && support.items.every((r) => r.kind === "PAST_PAPER" || r.kind === "MARK_SCHEME")).toBe(true);
    const material = await listResources("support-material", {});
    expect(material.ok && material.items.length).toBe(4);
    expect(material.ok && material.options.years).toEqual([2026]);
  });
});

describe("GET /api/files/resources/[id]", () => {
  it("answers 401 signed out, 403 without the permission, 404 for an unknown id", async () => {
    await as(null);
    expect((await resourceRoute(secureOf("9521").id)).status).toBe(401);
    await as("appointee");
    expect((await resourceRoute(secureOf("9521").id)).status).toBe(403);
    await as("eoA");
    expect((await resourceRoute("no-such-resource")).status).toBe(404);
  });

  it("streams the file with its bytes, type, name and no caching", async () => {
    await as("userA");
    const resource = secureOf("9521");
    const response = await resourceRoute(resource.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="9521-2026-question-papers-en\.pdf"/,
    );
    const body = Buffer.from(await response.arrayBuffer());
    const onDisk = await readDisk(path.join(FILES, resource.fileKey));
    expect(body.equals(onDisk)).toBe(true);
    expect(response.headers.get("content-length")).toBe(String(onDisk.length));
  });

  it("does not let another centre fetch a secure item (not found), but serves it open items", async () => {
    await as("eoB");
    const secure = await resourceRoute(secureOf("9521").id);
    expect(secure.status).toBe(404);
    expect(await secure.text()).not.toContain("%PDF");
    const open = resources.find((r) => !r.secure && r.specificationId === spec("9521").id)!;
    expect((await resourceRoute(open.id)).status).toBe(200);
    await as("board");
    expect((await resourceRoute(secureOf("9521").id)).status).toBe(200);
  });

  it("refuses a file key that leaves the store (path traversal) without reading it", async () => {
    // A real file just outside the store's root, which "../<name>" would reach.
    const outside = `${path.basename(FILES)}-outside-secret.txt`;
    writeFileSync(path.join(path.dirname(FILES), outside), "outside the store");
    const bad = await prisma.resource.create({
      data: { kind: "CIRCULAR", titleEn: "Bad", titleCy: "Drwg", year: 2026, fileKey: `../${outside}` },
    });
    const absolute = await prisma.resource.create({
      data: { kind: "CIRCULAR", titleEn: "Bad 2", titleCy: "Drwg 2", year: 2026, fileKey: "/etc/passwd" },
    });
    await as("eoA");
    for (const id of [bad.id, absolute.id]) {
      const response = await resourceRoute(id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/outside the store|root:/);
    }
    await as("eoA");
    expect((await openResource(bad.id)).ok).toBe(false);
    await prisma.resource.deleteMany({ where: { id: { in: [bad.id, absolute.id] } } });
  });
});

describe("circulars", () => {
  it("lists circulars newest first and downloads them through the resource route", async () => {
    await as("userA");
    const result = await listCirculars();
    if (!result.ok) throw new Error("denied");
    expect(result.items.map((c) => c.year)).toEqual([2027, 2026]);
    expect(result.items.every((c) => c.kind === "CIRCULAR")).toBe(true);
    expect((await resourceRoute(result.items[0].id)).status).toBe(200);
  });
});

// ───────────────────────── today's question papers ─────────────────────────

// 9531/03 (Maths, centre A) and 9621/01 (Computer Science, centre B) are both sat on Tuesday
// 15 June 2027; papers are released at 08:30 London = 07:30Z (BST).
const JUNE_15_EARLY = "2027-06-15T07:29:59Z";
const JUNE_15_RELEASE = "2027-06-15T07:30:00Z";

describe("today's question papers", () => {
  it("opens a paper at its release time and closes it at the end of that London day (BST and GMT)", () => {
    const bst = londonTime(2027, 6, 15, 8, 30);
    expect(releaseWindow(bst).until.toISOString()).toBe("2027-06-15T23:00:00.000Z");
    expect(isPaperAvailable(bst, new Date(bst.getTime() - 1))).toBe(false);
    expect(isPaperAvailable(bst, bst)).toBe(true);
    const gmt = londonTime(2027, 1, 12, 9, 0);
    expect(releaseWindow(gmt).until.toISOString()).toBe("2027-01-13T00:00:00.000Z");
    expect(isPaperAvailable(gmt, new Date("2027-01-12T23:59:59Z"))).toBe(true);
    expect(isPaperAvailable(gmt, new Date("2027-01-13T00:00:00Z"))).toBe(false);
  });

  it("refuses Users (never) and board staff", async () => {
    await as("userA", JUNE_15_RELEASE);
    expect(await todaysQuestionPapers()).toEqual({ ok: false, error: "forbidden" });
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(403);
    await as("board", JUNE_15_RELEASE);
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(403);
    await as(null, JUNE_15_RELEASE);
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(401);
  });

  it("lists only components the centre has entries for", async () => {
    await as("eoA", JUNE_15_RELEASE);
    const a = await todaysQuestionPapers();
    expect(a.ok && a.papers.map((p) => p.component.code)).toEqual(["9531/03"]);
    await as("eoB", JUNE_15_RELEASE);
    const b = await todaysQuestionPapers();
    expect(b.ok && b.papers.map((p) => p.component.code)).toEqual(["9621/01"]);
    // Centre B has no Maths entries: the paper is "not found" for it, even at release.
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(404);
  });

  it("before the release time lists the paper as coming, with its time, and refuses the download", async () => {
    await as("eoA", JUNE_15_EARLY);
    const result = await todaysQuestionPapers();
    if (!result.ok) throw new Error("denied");
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0].available).toBe(false);
    expect(result.papers[0].availableAt.toISOString()).toBe(londonTime(2027, 6, 15, 8, 30).toISOString());
    expect((await paperRoute(paperOf("9531/03").id)).status).toBe(404);
  });

  it("at the release time lets EO and Admins download, and audits every download", async () => {
    const paper = paperOf("9531/03");
    await as("eoA", JUNE_15_RELEASE);
    const listed = await todaysQuestionPapers();
    expect(listed.ok && listed.papers[0].available).toBe(true);
    const before = await prisma.auditEvent.count({
      where: { action: "question-paper.downloaded", outcome: "success" },
    });
    const response = await paperRoute(paper.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="2027-06-9531-03\.pdf"/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(await readDisk(path.join(FILES, paper.fileKey)))).toBe(true);

    await as("adminA", "2027-06-15T08:15:00Z");
    expect((await paperRoute(paper.id)).status).toBe(200);

    const events = await prisma.auditEvent.findMany({
      where: { action: "question-paper.downloaded", outcome: "success" },
      orderBy: { at: "asc" },
    });
    expect(events.length - before).toBe(2);
    const first = events.at(-2)!;
    expect(first.actorEmail).toBe("eo@a.test");
    expect(first.centreId).toBe(centres.A.id);
    expect(first.ip).toBe("203.0.113.9");
    expect(first.at.toISOString()).toBe(new Date(JUNE_15_RELEASE).toISOString());
    expect(first.details).toMatchObject({ questionPaperId: paper.id, component: "9531/03", series: "2027-06" });
  });

  it("audits a refused early download attempt", async () => {
    await as("eoA", "2027-06-07T07:00:00Z");
    const before = await prisma.auditEvent.count({ where: { action: "question-paper.downloaded", outcome: "denied" } });
    expect((await paperRoute(paperOf("9521/01").id)).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { action: "question-paper.downloaded", outcome: "denied" } })).toBe(
      before + 1,
    );
  });

  it("stays available until the end of the London day, and is gone the next day", async () => {
    const paper = paperOf("9531/03");
    await as("eoA", "2027-06-15T22:59:59Z"); // 23:59:59 BST
    expect((await paperRoute(paper.id)).status).toBe(200);
    await as("eoA", "2027-06-15T23:00:00Z"); // 00:00 BST on the 16th
    expect((await paperRoute(paper.id)).status).toBe(404);
    const listed = await todaysQuestionPapers();
    expect(listed.ok && listed.papers.map((p) => p.component.code)).not.toContain("9531/03");
  });
});

// ───────────────────────── timetable and centre details ─────────────────────────

describe("exam timetable", () => {
  const exam = (code: string, at: Date): TimetableExam => ({
    componentCode: code,
    titleEn: code,
    titleCy: code,
    examAt: at,
    specification: { code: code.slice(0, 4), titleEn: "", titleCy: "", qualification: { nameEn: "", nameCy: "" } },
  });

  it("groups by London date and session in BST (12:00 BST is afternoon; 00:30 BST is the next day)", () => {
    const days = groupTimetable([
      exam("X/03", londonTime(2027, 6, 14, 12, 0)), // 11:00Z
      exam("X/02", londonTime(2027, 6, 14, 11, 59)), // 10:59Z
      exam("X/04", londonTime(2027, 6, 15, 0, 30)), // 23:30Z on the 14th
      exam("X/01", londonTime(2027, 6, 14, 9, 0)),
    ]);
    expect(days.map((d) => [d.date, d.sessions.map((s) => [s.session, s.exams.map((e) => e.componentCode)])])).toEqual([
      [
        "2027-06-14",
        [
          ["morning", ["X/01", "X/02"]],
          ["afternoon", ["X/03"]],
        ],
      ],
      ["2027-06-15", [["morning", ["X/04"]]]],
    ]);
  });

  it("lists the series' written components by date and session, in both languages", async () => {
    await as("userA");
    const result = await examTimetable("2027-06");
    if (!result.ok) throw new Error("denied");
    expect(result.series?.code).toBe("2027-06");
    const june15 = result.days.find((d) => d.date === "2027-06-15")!;
    expect(june15.sessions.map((s) => [s.session, s.exams.map((e) => e.componentCode)])).toEqual([
      ["morning", ["9531/03"]],
      ["afternoon", ["9621/01"]],
    ]);
    const maths = june15.sessions[0].exams[0];
    expect([maths.titleEn, maths.titleCy, maths.specification.qualification.nameCy]).toEqual([
      "Paper 3: Calculator",
      "Papur 3: Gyda chyfrifiannell",
      "TGAU",
    ]);
    const all = result.days.flatMap((d) => d.sessions.flatMap((s) => s.exams.map((e) => e.componentCode)));
    expect(all).not.toContain("9541/01"); // NEA (oracy) is not sat
    expect(all).toContain("9521/01");
  });

  it("shows only the picked series' exams", async () => {
    await prisma.series.create({
      data: {
        code: "2026-11",
        nameEn: "November 2026",
        nameCy: "Tachwedd 2026",
        resultsDay: new Date(Date.UTC(2027, 0, 14)),
        restrictedReleaseAt: londonTime(2027, 1, 13),
        releaseAt: londonTime(2027, 1, 14, 8),
        entryDeadline: londonTime(2026, 10, 4),
      },
    });
    await as("eoA");
    const nov = await examTimetable("2026-11");
    expect(nov.ok && [nov.series?.code, nov.days.length, nov.choices.map((c) => c.code)]).toEqual([
      "2026-11",
      0,
      ["2027-06", "2026-11"],
    ]);
    const fallback = await examTimetable("nonsense");
    expect(fallback.ok && fallback.series?.code).toBe("2026-11"); // the next series to release
    await as("board");
    expect(await examTimetable()).toEqual({ ok: false, error: "forbidden" });
    await as("appointee");
    expect(await examTimetable()).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("centre details", () => {
  it("shows the caller's own centre and its exams officer, to every centre account", async () => {
    await as("userA");
    const details = await getCentreDetails();
    if (!details.ok) throw new Error("denied");
    expect(details.number).toBe(centres.A.number);
    expect(details.addressLines).toEqual(["1 High Street", "Porth", "CF39 9AA"]);
    expect(details.examsOfficer).toEqual({ name: "Siân Exams", email: "eo@a.test" });
    await as("eoB");
    const other = await getCentreDetails();
    expect(other.ok && other.number).toBe(centres.B.number);
    await as("board");
    expect(await getCentreDetails()).toEqual({ ok: false, error: "forbidden" });
  });
});
