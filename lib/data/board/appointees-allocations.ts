import "server-only";
import { authorizeBoard, refuse, requestInfo, type Refusal, type Result } from "@/lib/auth/authorize";
import { ENTRY_SEARCH_LIMIT, MAX_CENTRES_PER_POST, MAX_ENTRIES_PER_POST, suitsComponent } from "@/lib/board/appointees";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";

// Board staff allocate appointees' work (docs/product-rules.md ("Actors and roles")): an examiner
// to a written component of a series and to centres or single candidates' entries; a moderator
// to an internally assessed component of a series and to centres; a team leader over a
// moderator (another moderator of the same component). A centre must have live entries for the
// component's specification in that series, and an entry must be one of them. Every check comes
// before the first write, so a refused allocation changes nothing; each change is audited with it.

type Tx = Prisma.TransactionClient;

/** What the allocation form needs at each step: the series, the components of the chosen one, and a candidate search. */
export async function allocationForm(
  appointeeId: string,
  choice: { series?: string; component?: string; q?: string } = {},
) {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const appointee = await db.user.findFirst({
    where: { id: appointeeId, role: "APPOINTEE" },
    select: { id: true, name: true, email: true, appointeeType: true, deactivatedAt: true },
  });
  if (!appointee) return refuse("notFound");
  const type = appointee.appointeeType;
  const series = await db.series.findMany({
    select: { id: true, code: true, nameEn: true, nameCy: true },
    orderBy: { resultsDay: "desc" },
  });
  const chosenSeries = series.find((s) => s.code === choice.series) ?? null;
  const components =
    chosenSeries && type
      ? await db.component.findMany({
          where: {
            internallyAssessed: type === "MODERATOR",
            specification: { entries: { some: { seriesId: chosenSeries.id, status: "ENTERED" } } },
          },
          select: { id: true, code: true, titleEn: true, titleCy: true, specificationId: true },
          orderBy: { code: "asc" },
        })
      : [];
  const chosenComponent = components.find((c) => c.code === choice.component) ?? null;
  let centresWithEntries = 0;
  let search: { q: string; entries: EntryHit[]; more: boolean } | null = null;
  if (chosenSeries && chosenComponent) {
    const scope = {
      seriesId: chosenSeries.id,
      specificationId: chosenComponent.specificationId,
      status: "ENTERED" as const,
    };
    centresWithEntries = (await db.entry.groupBy({ by: ["centreId"], where: scope })).length;
    const q = (choice.q ?? "")
      .replace(/\p{Cc}/gu, "")
      .trim()
      .slice(0, 100);
    // A search, never a list of every candidate: nothing until something is asked for, and a page at most.
    if (type === "EXAMINER" && q) {
      const hits = await db.entry.findMany({
        where: {
          ...scope,
          OR: [
            { candidate: { lastName: { contains: q, mode: "insensitive" } } },
            { candidate: { firstName: { contains: q, mode: "insensitive" } } },
            { candidate: { candidateNumber: q } },
            { candidate: { uci: q.toUpperCase() } },
            { centre: { number: q } },
          ],
        },
        select: {
          id: true,
          centre: { select: { number: true } },
          candidate: { select: { candidateNumber: true, firstName: true, lastName: true } },
        },
        orderBy: [{ centre: { number: "asc" } }, { candidate: { candidateNumber: "asc" } }],
        take: ENTRY_SEARCH_LIMIT + 1,
      });
      search = {
        q,
        more: hits.length > ENTRY_SEARCH_LIMIT,
        entries: hits.slice(0, ENTRY_SEARCH_LIMIT).map((e) => ({
          entryId: e.id,
          centreNumber: e.centre.number,
          candidateNumber: e.candidate.candidateNumber,
          name: `${e.candidate.firstName} ${e.candidate.lastName}`,
        })),
      };
    }
  }
  return {
    ok: true as const,
    appointee: { id: appointee.id, name: appointee.name, email: appointee.email, type },
    canAllocate: appointee.deactivatedAt === null && type !== null,
    /** Examiners may be given single candidates; moderators only centres. */
    canPickCandidates: type === "EXAMINER",
    series: series.map(({ code, nameEn, nameCy }) => ({ code, nameEn, nameCy })),
    chosenSeries,
    components: components.map(({ id, code, titleEn, titleCy }) => ({ id, code, titleEn, titleCy })),
    chosenComponent: chosenComponent
      ? {
          id: chosenComponent.id,
          code: chosenComponent.code,
          titleEn: chosenComponent.titleEn,
          titleCy: chosenComponent.titleCy,
        }
      : null,
    centresWithEntries,
    search,
  };
}

type EntryHit = { entryId: string; centreNumber: string; candidateNumber: string; name: string };

export type AllocationInput = {
  appointeeId: string;
  seriesId: string;
  componentId: string;
  /** 5-digit centre numbers. */
  centreNumbers: string[];
  /** Examiners only: single candidates' entries. */
  entryIds: string[];
};

/**
 * Allocate an appointee to a component of a series and to centres (and, for an examiner, single
 * candidates' entries). Adds to the appointee's allocation for that component when there is one.
 */
export async function addAllocation(input: AllocationInput): Promise<Result<{ allocationId: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const centreNumbers = [...new Set(input.centreNumbers)];
  const entryIds = [...new Set(input.entryIds)];
  if (centreNumbers.length === 0 && entryIds.length === 0) return refuse("invalid", "allocationNothing");
  if (centreNumbers.length > MAX_CENTRES_PER_POST || entryIds.length > MAX_ENTRIES_PER_POST)
    return refuse("invalid", "allocationTooMany");
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx) => {
    const appointee = await tx.user.findFirst({ where: { id: input.appointeeId, role: "APPOINTEE" } });
    if (!appointee) return refuse("notFound");
    if (appointee.deactivatedAt) return refuse("conflict", "appointeeDeactivated");
    const type = appointee.appointeeType;
    if (!type) return refuse("invalid", "allocationWrongType");
    if (type === "MODERATOR" && entryIds.length > 0) return refuse("invalid", "allocationModeratorsByCentre");
    const series = await tx.series.findUnique({ where: { id: input.seriesId } });
    const component = await tx.component.findUnique({ where: { id: input.componentId } });
    if (!series || !component) return refuse("notFound");
    if (!suitsComponent(type, component)) return refuse("invalid", "allocationWrongType");
    const scope = { seriesId: series.id, specificationId: component.specificationId, status: "ENTERED" as const };

    const centres = await tx.centre.findMany({ where: { number: { in: centreNumbers } } });
    if (centres.length !== centreNumbers.length) return refuse("invalid", "allocationUnknownCentre");
    const withEntries = await tx.entry.groupBy({
      by: ["centreId"],
      where: { ...scope, centreId: { in: centres.map((c) => c.id) } },
    });
    if (withEntries.length !== centres.length) return refuse("invalid", "allocationCentreWithoutEntries");
    const entries = await tx.entry.findMany({ where: { ...scope, id: { in: entryIds } }, select: { id: true } });
    if (entries.length !== entryIds.length) return refuse("invalid", "allocationEntryNotInComponent");

    const allocation = await tx.allocation.upsert({
      where: {
        kind_appointeeId_seriesId_componentId: {
          kind: type,
          appointeeId: appointee.id,
          seriesId: series.id,
          componentId: component.id,
        },
      },
      create: { kind: type, appointeeId: appointee.id, seriesId: series.id, componentId: component.id, createdAt: at },
      update: {},
    });
    await tx.allocationCentre.createMany({
      data: centres.map((c) => ({ allocationId: allocation.id, centreId: c.id })),
      skipDuplicates: true,
    });
    await tx.allocationCandidate.createMany({
      data: entryIds.map((entryId) => ({ allocationId: allocation.id, entryId })),
      skipDuplicates: true,
    });
    await audit(tx, {
      action: "allocation.added",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      targetUserId: appointee.id,
      targetEmail: appointee.email,
      ip,
      details: {
        kind: type,
        series: series.code,
        component: component.code,
        centres: centres.map((c) => c.number).sort(),
        entries: entryIds,
      },
      at,
    });
    return { ok: true as const, allocationId: allocation.id };
  });
}

/** Remove an allocation whole; the moderators it led on that component lose their team leader. */
export async function removeAllocation(allocationId: string): Promise<Result<{ appointeeId: string }>> {
  return change(allocationId, "allocation.removed", async (tx, a) => {
    await deleteAllocation(tx, a);
    return {};
  });
}

/** Take one centre, or one candidate's entry, off an allocation; an allocation left with nothing goes. */
export async function removeFromAllocation(
  allocationId: string,
  item: { centreId: string } | { entryId: string },
): Promise<Result<{ appointeeId: string }>> {
  return change(allocationId, "allocation.reduced", async (tx, a) => {
    const removed =
      "centreId" in item
        ? await tx.allocationCentre.deleteMany({ where: { allocationId, centreId: item.centreId } })
        : await tx.allocationCandidate.deleteMany({ where: { allocationId, entryId: item.entryId } });
    if (removed.count === 0) return refuse("notFound");
    const left =
      (await tx.allocationCentre.count({ where: { allocationId } })) +
      (await tx.allocationCandidate.count({ where: { allocationId } }));
    if (left === 0) await deleteAllocation(tx, a);
    return { removed: item, emptied: left === 0 };
  });
}

/**
 * Put a moderator under a team leader (another moderator allocated to the same component in the
 * same series, who may then work as them), or take the team leader away (`teamLeaderId` null).
 */
export async function setTeamLeader(
  allocationId: string,
  teamLeaderId: string | null,
): Promise<Result<{ appointeeId: string }>> {
  return change(allocationId, "allocation.team-leader-set", async (tx, a) => {
    if (a.kind !== "MODERATOR") return refuse("invalid", "teamLeaderModeratorsOnly");
    if (teamLeaderId === null) {
      await tx.allocation.update({ where: { id: a.id }, data: { teamLeaderId: null } });
      return { teamLeader: null, previous: a.teamLeaderId };
    }
    if (teamLeaderId === a.appointeeId) return refuse("invalid", "teamLeaderSelf");
    // The component's moderators in this series, and whom each works under.
    const team = await tx.allocation.findMany({
      where: { kind: "MODERATOR", seriesId: a.seriesId, componentId: a.componentId },
      select: { appointeeId: true, teamLeaderId: true, appointee: { select: { email: true, deactivatedAt: true } } },
    });
    const leader = team.find((t) => t.appointeeId === teamLeaderId);
    if (!leader || leader.appointee.deactivatedAt) return refuse("invalid", "teamLeaderNotOnComponent");
    // No circle: the new leader must not already work, directly or up the line, under this moderator.
    const over = new Map(team.map((t) => [t.appointeeId, t.teamLeaderId]));
    for (let up: string | null | undefined = teamLeaderId, steps = 0; up && steps <= team.length; steps++) {
      if (up === a.appointeeId) return refuse("invalid", "teamLeaderCircle");
      up = over.get(up);
    }
    await tx.allocation.update({ where: { id: a.id }, data: { teamLeaderId } });
    return { teamLeader: leader.appointee.email, previous: a.teamLeaderId };
  });
}

type Loaded = Prisma.AllocationGetPayload<{
  include: {
    appointee: { select: { email: true } };
    series: { select: { code: true } };
    component: { select: { code: true } };
  };
}>;

/** Runs one change to an existing allocation in a transaction, with its audit row. */
async function change(
  allocationId: string,
  action: string,
  apply: (tx: Tx, allocation: Loaded) => Promise<Record<string, Prisma.InputJsonValue | null> | Refusal>,
): Promise<Result<{ appointeeId: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx) => {
    const a = await tx.allocation.findUnique({
      where: { id: allocationId },
      include: {
        appointee: { select: { email: true } },
        series: { select: { code: true } },
        component: { select: { code: true } },
      },
    });
    if (!a) return refuse("notFound");
    const details = await apply(tx, a);
    if (isRefusal(details)) return details;
    await audit(tx, {
      action,
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      targetUserId: a.appointeeId,
      targetEmail: a.appointee.email,
      ip,
      details: { kind: a.kind, series: a.series.code, component: a.component.code, ...details },
      at,
    });
    return { ok: true as const, appointeeId: a.appointeeId };
  });
}

const isRefusal = (value: object): value is Refusal => (value as { ok?: unknown }).ok === false;

async function deleteAllocation(
  tx: Tx,
  a: { id: string; kind: string; appointeeId: string; seriesId: string; componentId: string },
) {
  if (a.kind === "MODERATOR")
    await tx.allocation.updateMany({
      where: { kind: "MODERATOR", seriesId: a.seriesId, componentId: a.componentId, teamLeaderId: a.appointeeId },
      data: { teamLeaderId: null },
    });
  await tx.allocation.delete({ where: { id: a.id } });
}
