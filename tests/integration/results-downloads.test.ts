// The results downloads (docs/product-rules.md ("Results embargo")): the results file and
// item level data route handlers at the four release boundaries, in BST (June 2027 series) and
// GMT (January 2028 series), for an Exams Officer, an Admin, a User with the results permission
// and a User without it; their refusals, centre scoping and audit; and the results file's rows.
// The world is in tests/integration/results/world.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Candidate, Centre, Series } from "@/lib/generated/prisma/client";
import type { TestDb } from "../utils/test-db";
import type { Catalogue } from "../factories";
import { ACTOR_KEYS, buildResultsWorld, CLOCKS, EXPECTED, ok, type ActorKey, type ResultsWorld } from "./results/world";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

import { resultsFile } from "@/lib/data/results/file";
import { RESULTS_FILE_COLUMNS, resultsFileHeader } from "@/lib/results/files";
import { GET as fileGET } from "@/app/api/results/file/route";
import { GET as itemGET } from "@/app/api/results/item-level-data/route";

let db: TestDb;
let centreA: Centre;
let centreB: Centre;
let catalogue: Catalogue;
let june: Series;
let january: Series;
let candidatesB: Candidate[];
let users: ResultsWorld["users"];
let as: ResultsWorld["as"];

/** Calls a route handler as `actor` with the server clock pinned at `at`. */
async function callRoute(
  handler: (r: Request) => Promise<Response>,
  url: string,
  actor: ActorKey | "eoB" | null,
  at: string,
): Promise<Response> {
  await as(actor, at);
  return handler(new Request(url));
}

beforeAll(async () => {
  ({ db, centreA, centreB, catalogue, june, january, candidatesB, users, as } = await buildResultsWorld());
}, 120_000);

afterAll(async () => {
  await db?.close();
});

for (const [zone, clocks] of Object.entries(CLOCKS) as [keyof typeof CLOCKS, (typeof CLOCKS)["bst"]][]) {
  describe(`the embargo in ${zone.toUpperCase()}`, () => {
    const seriesOf = () => (zone === "bst" ? june : january);

    for (const actor of ACTOR_KEYS) {
      clocks.forEach((clock, i) => {
        const visible = EXPECTED[actor][i];
        it(`${actor} at ${clock.label}: GET /api/results/file ${visible ? "streams the CSV" : "is refused"}`, async () => {
          const series = seriesOf();
          const res = await callRoute(
            fileGET,
            `http://localhost/api/results/file?series=${series.code}`,
            actor,
            clock.at,
          );
          if (visible) {
            expect(res.status).toBe(200);
            const filename = `results-${centreA.number}-${series.code}.csv`;
            expect(res.headers.get("content-disposition")).toBe(
              `attachment; filename="${filename}"; filename*=UTF-8''${filename}`,
            );
            expect(res.headers.get("cache-control")).toBe("private, no-store");
            const text = await res.text();
            const lines = text.split("\r\n").filter(Boolean);
            expect(lines[0]).toBe(resultsFileHeader().trimEnd());
            const count = await db.prisma.result.count({ where: { centreId: centreA.id, seriesId: series.id } });
            expect(lines.length - 1).toBe(count);
            const audited = await db.prisma.auditEvent.findFirst({
              where: {
                action: "results.file-downloaded",
                actorId: users[actor].id,
                outcome: "success",
                at: new Date(clock.at),
              },
            });
            expect(audited?.details).toEqual({ series: series.code });
          } else if (actor === "userPlain") {
            expect(res.status).toBe(403);
          } else {
            // Before release: exactly the answer for a series that does not exist.
            const missing = await callRoute(
              fileGET,
              "http://localhost/api/results/file?series=1999-06",
              actor,
              clock.at,
            );
            expect(res.status).toBe(404);
            expect(missing.status).toBe(404);
            expect(await res.text()).toBe(await missing.text());
          }
        });

        it(`${actor} at ${clock.label}: GET /api/results/item-level-data ${visible ? "streams the CSV" : "is refused"}`, async () => {
          const series = seriesOf();
          const code = catalogue.specs[0].components[0].code;
          const res = await callRoute(
            itemGET,
            `http://localhost/api/results/item-level-data?series=${series.code}&component=${encodeURIComponent(code)}`,
            actor,
            clock.at,
          );
          if (visible) {
            expect(res.status).toBe(200);
            expect(res.headers.get("cache-control")).toBe("private, no-store");
            expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="item-level-data-/);
            const lines = (await res.text()).split("\r\n").filter(Boolean);
            expect(lines[0]).toMatch(/^Component,Candidate number,UCI,Surname,Forenames,Mark,Q1,/);
            expect(lines.length).toBeGreaterThan(1);
            expect(lines.slice(1).every((l) => l.startsWith(`${code},`))).toBe(true);
          } else {
            expect(res.status).toBe(actor === "userPlain" ? 403 : 404);
          }
        });
      });
    }
  });
}

describe("the download routes", () => {
  const after = "2027-09-01T09:00:00Z";

  it("answer 401 to a signed-out caller", async () => {
    expect(
      (await callRoute(fileGET, `http://localhost/api/results/file?series=${june.code}`, null, after)).status,
    ).toBe(401);
    expect(
      (
        await callRoute(
          itemGET,
          `http://localhost/api/results/item-level-data?series=${june.code}&component=9521/01`,
          null,
          after,
        )
      ).status,
    ).toBe(401);
  });

  it("records an attempt before release as denied, and answers 404", async () => {
    const at = "2027-08-10T12:00:00Z";
    const res = await callRoute(fileGET, `http://localhost/api/results/file?series=${june.code}`, "eo", at);
    expect(res.status).toBe(404);
    const event = await db.prisma.auditEvent.findFirst({
      where: { action: "results.file-downloaded", actorId: users.eo.id, at: new Date(at) },
    });
    expect(event?.outcome).toBe("denied");
  });

  it("give another centre's EO their own centre's file, never centre A's rows", async () => {
    const res = await callRoute(fileGET, `http://localhost/api/results/file?series=${june.code}`, "eoB", after);
    expect(res.status).toBe(200);
    const lines = (await res.text()).split("\r\n").filter(Boolean).slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith(`${centreB.number},`))).toBe(true);
    const numbersB = new Set(candidatesB.map((c) => c.uci));
    expect(lines.every((l) => numbersB.has(l.split(",")[3]))).toBe(true);
  });

  it("answer 404 for an unknown component", async () => {
    expect(
      (
        await callRoute(
          itemGET,
          `http://localhost/api/results/item-level-data?series=${june.code}&component=0000/99`,
          "eo",
          after,
        )
      ).status,
    ).toBe(404);
  });
});

describe("the results file rows", () => {
  it("come in candidate-number order with the documented columns, the same for any batch size", async () => {
    const all: Awaited<ReturnType<typeof collect>> = await collect(1000);
    const small = await collect(3);
    expect(small).toEqual(all);
    const count = await db.prisma.result.count({ where: { centreId: centreA.id, seriesId: june.id } });
    expect(all).toHaveLength(count);
    const numbers = all.map((r) => r.candidateNumber);
    expect(numbers).toEqual([...numbers].sort());
    for (const row of all) {
      expect(Object.keys(row).sort()).toEqual(RESULTS_FILE_COLUMNS.map((c) => c.key).sort());
      expect(row.centreNumber).toBe(centreA.number);
      expect(row.seriesCode).toBe(june.code);
      expect(row.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.componentMarks).toMatch(/^\d{4}\/\d{2}:\d+(;\d{4}\/\d{2}:\d+)*$/);
    }
  });

  it("say for each result what the database holds: the candidate, the specification, the grade and every mark", async () => {
    const rows = await collect(7);
    const results = await db.prisma.result.findMany({
      where: { centreId: centreA.id, seriesId: june.id },
      include: {
        entry: { include: { candidate: true, specification: { include: { qualification: true } } } },
        components: { include: { component: true } },
      },
    });
    const expected = results
      .map((r) => ({
        centreNumber: centreA.number,
        seriesCode: june.code,
        candidateNumber: r.entry.candidate.candidateNumber,
        uci: r.entry.candidate.uci,
        surname: r.entry.candidate.lastName,
        forenames: r.entry.candidate.firstName,
        dateOfBirth: r.entry.candidate.dateOfBirth.toISOString().slice(0, 10),
        qualification: r.entry.specification.qualification.code,
        specificationCode: r.entry.specification.code,
        specificationTitle: r.entry.specification.titleEn,
        grade: r.grade,
        uniformMark: r.uniformMark,
        componentMarks: r.components
          .map((c) => [c.component.code, c.mark] as const)
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([code, mark]) => `${code}:${mark}`)
          .join(";"),
      }))
      .sort(
        (a, b) =>
          a.candidateNumber.localeCompare(b.candidateNumber) || a.specificationCode.localeCompare(b.specificationCode),
      );
    expect(rows).toEqual(expected);
  });

  async function collect(batchSize: number) {
    await as("eo", "2027-09-01T09:00:00Z");
    const file = ok(await resultsFile(june.code, { batchSize }));
    const rows = [];
    for await (const row of file.rows) rows.push(row);
    return rows;
  }
});
