// Appointees and allocations for the authorization matrix (lib/data/board/appointees*.ts): fresh
// examiners and moderators, and allocations at centre A, one per call so that no caller's change
// meets the next. Centre A has live entries for GCSE Latin (9521, written papers) in the series
// (tests/authz/resources-fixtures.ts); an entry for GCSE Welsh Language (9541, whose 9541/01 is
// internally assessed) is made here the first time a moderator needs one.
import type { AppointeeType } from "@/lib/generated/prisma/enums";
import { createUser } from "../factories/users";
import type { Fixtures } from "./types";

export const WRITTEN = "9521/01";
export const MODERATED = "9541/01";

/** A component's id by code. */
export async function componentId(fx: Fixtures, code: string): Promise<string> {
  return (await fx.prisma.component.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** A new appointee (a signed-up account unless `invited`), optionally already deactivated. */
export async function newAppointee(
  fx: Fixtures,
  type: AppointeeType = "EXAMINER",
  options: { invited?: boolean; deactivated?: boolean } = {},
): Promise<string> {
  const user = await createUser(fx.prisma, {
    role: "APPOINTEE",
    centre: null,
    appointeeType: type,
    mfa: options.invited ? "none" : "totp",
    mustChangePassword: options.invited ?? false,
    deactivatedAt: options.deactivated ? new Date("2027-08-01T09:00:00Z") : null,
  });
  return user.id;
}

const moderationEntries = new WeakMap<Fixtures, Promise<void>>();

/** Centre A has a live entry for 9541 in the series (made once). */
function ensureModerationEntry(fx: Fixtures): Promise<void> {
  let made = moderationEntries.get(fx);
  if (!made) {
    made = (async () => {
      const spec = await fx.prisma.specification.findUniqueOrThrow({ where: { code: "9541" } });
      const candidate = await fx.newCandidate("A");
      await fx.prisma.entry.create({
        data: { centreId: fx.centreA.id, candidateId: candidate.id, seriesId: fx.seriesId, specificationId: spec.id },
      });
    })();
    moderationEntries.set(fx, made);
  }
  return made;
}

/** A new appointee allocated to centre A for a component of the series (a written one for an examiner). */
export async function newAllocation(
  fx: Fixtures,
  type: AppointeeType = "EXAMINER",
): Promise<{ allocationId: string; appointeeId: string }> {
  if (type === "MODERATOR") await ensureModerationEntry(fx);
  const appointeeId = await newAppointee(fx, type);
  const allocation = await fx.prisma.allocation.create({
    data: {
      kind: type,
      appointeeId,
      seriesId: fx.seriesId,
      componentId: await componentId(fx, type === "MODERATOR" ? MODERATED : WRITTEN),
      centres: { create: { centreId: fx.centreA.id } },
    },
  });
  return { allocationId: allocation.id, appointeeId };
}

/** Two new moderators of 9541/01 in the series: the allocation of one, and the other, who may lead them. */
export async function newModeratorPair(fx: Fixtures): Promise<{ allocationId: string; leaderId: string }> {
  const member = await newAllocation(fx, "MODERATOR");
  const leader = await newAllocation(fx, "MODERATOR");
  return { allocationId: member.allocationId, leaderId: leader.appointeeId };
}
