// The board's appointees: examiner and moderator accounts, their allocations and team leaders
// (lib/data/board/appointees*.ts). Board staff only; every state-changing row acts on a fresh
// appointee or allocation (tests/authz/appointees-fixtures.ts).
import { randomBytes } from "node:crypto";
import { form, type Row } from "../types";
import { componentId, newAllocation, newAppointee, newModeratorPair, WRITTEN } from "../appointees-fixtures";

const ACTIONS = "action app/(portal)/board/appointees/actions.ts";

export const appointeesRows: Row[] = [
  { endpoint: "page /board/appointees", allow: ["board"], rule: "board staff only" },
  { endpoint: "page /board/appointees/new", allow: ["board"] },
  {
    endpoint: "page /board/appointees/[id]",
    allow: ["board"],
    params: ({ fx }) => ({ id: fx.userIds.appointee! }),
    rule: "an appointee's account, allocations and progress: board staff only",
  },
  {
    endpoint: "page /board/appointees/[id]/allocations/new",
    allow: ["board"],
    params: ({ fx }) => ({ id: fx.userIds.appointee! }),
    // The last step, with a candidate search of the component's entries.
    searchParams: ({ fx }) => ({ series: fx.seriesCode, component: WRITTEN, q: "Fixture" }),
  },
  {
    endpoint: `${ACTIONS}#createAppointeeAction`,
    allow: ["board"],
    form: () =>
      form({
        email: `matrix-${randomBytes(5).toString("hex")}@appointees.test`,
        name: "Matrix Examiner",
        type: "EXAMINER",
      }),
    rule: "only board staff create examiner and moderator accounts",
  },
  {
    endpoint: `${ACTIONS}#resendAppointeeInviteAction`,
    allow: ["board"],
    form: async ({ fx }) => form({ userId: await newAppointee(fx, "MODERATOR", { invited: true }) }),
  },
  {
    endpoint: `${ACTIONS}#deactivateAppointeeAction`,
    allow: ["board"],
    form: async ({ fx }) => form({ userId: await newAppointee(fx) }),
  },
  {
    endpoint: `${ACTIONS}#reactivateAppointeeAction`,
    allow: ["board"],
    form: async ({ fx }) => form({ userId: await newAppointee(fx, "EXAMINER", { deactivated: true }) }),
  },
  {
    endpoint: `${ACTIONS}#addAllocationAction`,
    allow: ["board"],
    form: async ({ fx }) =>
      form({
        appointeeId: await newAppointee(fx),
        seriesId: fx.seriesId,
        componentId: await componentId(fx, WRITTEN),
        centres: fx.centreA.number,
      }),
    rule: "only board staff allocate work",
  },
  {
    endpoint: `${ACTIONS}#removeAllocationAction`,
    allow: ["board"],
    form: async ({ fx }) => form({ allocationId: (await newAllocation(fx)).allocationId }),
  },
  {
    endpoint: `${ACTIONS}#removeFromAllocationAction`,
    allow: ["board"],
    form: async ({ fx }) => form({ allocationId: (await newAllocation(fx)).allocationId, centreId: fx.centreA.id }),
  },
  {
    endpoint: `${ACTIONS}#setTeamLeaderAction`,
    allow: ["board"],
    form: async ({ fx }) => {
      const { allocationId, leaderId } = await newModeratorPair(fx);
      return form({ allocationId, teamLeaderId: leaderId });
    },
  },
];
