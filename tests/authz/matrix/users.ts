// Manage Users, access requests, centre activity and the board's centres. The actions on one
// account (lib/actions/accounts.ts) serve both /centre/users/[id] and the board's account page.
import { randomBytes } from "node:crypto";
import { form, type Actor, type Row, type RowContext } from "../types";

const MANAGERS: Actor[] = ["eo", "admin", "adminBare"];
/** Pages without a record id: the other centre's EO sees their own centre's. */
const MANAGERS_ANY_CENTRE: Actor[] = [...MANAGERS, "otherCentre"];
/** One existing account: the centre's EO and Admins, and board staff (any centre account). */
const ACCOUNT_ACTORS: Actor[] = [...MANAGERS, "board"];
const newEmail = () => `matrix-${randomBytes(5).toString("hex")}@example.test`;
/** A 5-digit centre number no fixture uses (9xxxx). */
const newCentreNumber = () => String(90000 + (randomBytes(2).readUInt16BE(0) % 10000));

/** A fresh User of centre A for each caller, so one caller's change never meets the next. */
const freshUser = async ({ fx }: RowContext, extra: Record<string, string> = {}) =>
  form({ userId: await fx.newCentreUser("USER"), ...extra });
/** A fresh User of centre A whose invite is still open (re-send and withdraw need one). */
const freshInvitee = async ({ fx }: RowContext) => form({ userId: await fx.newCentreUser("USER", { invited: true }) });

export const usersRows: Row[] = [
  {
    endpoint: "page /centre/users",
    allow: MANAGERS_ANY_CENTRE,
    rule: "Manage users: EO and Admins (always), of their own centre",
  },
  {
    endpoint: "page /centre/users/invite",
    allow: MANAGERS_ANY_CENTRE,
    rule: "Admins and Users are invited by the EO or an Admin",
  },
  {
    endpoint: "page /centre/users/[id]",
    allow: MANAGERS,
    params: ({ fx }) => ({ id: fx.userIds.user! }),
    rule: "another centre's account is not found",
  },
  {
    endpoint: "page /centre/activity",
    allow: MANAGERS_ANY_CENTRE,
    rule: "centre activity: EO and Admins of the centre",
  },
  {
    endpoint: "action app/(portal)/centre/users/actions.ts#inviteUserAction",
    allow: MANAGERS_ANY_CENTRE,
    form: () => form({ email: newEmail(), title: "", name: "Matrix Invitee", jobRole: "", role: "USER" }),
    rule: "only the EO and Admins invite, into their own centre",
  },
  {
    endpoint: "action lib/actions/accounts.ts#resendInviteAction",
    allow: ACCOUNT_ACTORS,
    form: freshInvitee,
    rule: "another centre's account is not found",
  },
  {
    endpoint: "action lib/actions/accounts.ts#withdrawInviteAction",
    allow: ACCOUNT_ACTORS,
    form: freshInvitee,
  },
  {
    endpoint: "action lib/actions/accounts.ts#deleteUserAction",
    allow: ACCOUNT_ACTORS,
    form: (c) => freshUser(c, { confirm: "yes" }),
    rule: "EO and Admins delete Admins and Users of their centre; board staff any centre account",
  },
  {
    endpoint: "action lib/actions/accounts.ts#resetMfaAction",
    allow: ACCOUNT_ACTORS,
    form: (c) => freshUser(c),
    rule: "EO and Admins reset Admins' and Users' second factor",
  },
  {
    endpoint: "action lib/actions/accounts.ts#setPermissionsAction",
    allow: ACCOUNT_ACTORS,
    // A permission every manager holds (Admins always hold entries), so none is refused for lacking it.
    form: (c) => freshUser(c, { permissions: "entries" }),
    rule: "EO and Admins of the centre, and board staff; nobody grants what they do not hold",
  },
  {
    endpoint: "action lib/actions/accounts.ts#setRoleAction",
    allow: ACCOUNT_ACTORS,
    // Centre A has its three Admins (the cap), so the change that can succeed is an Admin made a User.
    form: async ({ fx }) => form({ userId: await fx.newCentreUser("ADMIN"), role: "USER" }),
  },
  {
    endpoint: "action app/(portal)/centre/users/actions.ts#decideRequestAction",
    allow: MANAGERS,
    // A request for a permission every manager holds, so approving it is never "cannot grant".
    form: async ({ fx }) => form({ requestId: await fx.newAccessRequest("entries"), decision: "approve" }),
    rule: "requests are decided by the EO and Admins of the requester's centre",
  },
  {
    endpoint: "action app/(portal)/profile/actions.ts#requestAccessAction",
    allow: [
      "admin",
      "adminBare",
      "user",
      "user+iamis",
      "user+access_arrangements",
      "user+entries",
      "user+results",
      "user+scripts",
    ],
    // A permission the caller's role may be given and the caller does not hold yet.
    form: ({ actor }) => form({ permission: actor === "user+iamis" ? "scripts" : "iamis" }),
    expectForAllowed: {
      actors: ["admin"],
      reason: "this Admin already holds every permission an Admin may be given: there is nothing left to ask for",
      outcome: "formError alreadyHeld",
    },
    rule: "Users (and Admins) ask for a permission their role may be given; the EO holds everything",
  },
  { endpoint: "page /board/centres", allow: ["board"], rule: "board staff only" },
  { endpoint: "page /board/centres/new", allow: ["board"] },
  { endpoint: "page /board/centres/[id]", allow: ["board"], params: ({ fx }) => ({ id: fx.centreA.id }) },
  {
    endpoint: "page /board/centres/[id]/accounts/[userId]",
    allow: ["board"],
    params: ({ fx }) => ({ id: fx.centreA.id, userId: fx.userIds.user! }),
    rule: "board staff manage any centre account",
  },
  {
    endpoint: "action app/(portal)/board/centres/actions.ts#createCentreAction",
    allow: ["board"],
    // A valid post, so the data layer (not the form's validation) is what answers.
    form: () => form({ number: newCentreNumber(), nameEn: "Matrix College", nameCy: "Coleg Matrics", address: "" }),
    rule: "only board staff create centres",
  },
  {
    endpoint: "action app/(portal)/board/centres/actions.ts#inviteExamsOfficerAction",
    allow: ["board"],
    // A new centre without an Exams Officer for each caller (centre A's EO must stay).
    form: async ({ fx }) =>
      form({ centreId: await fx.newCentre(), email: newEmail(), title: "", name: "Matrix EO", jobRole: "" }),
    rule: "only board staff invite or replace an EO",
  },
  {
    endpoint: "action app/(portal)/board/centres/actions.ts#resendExamsOfficerInviteAction",
    allow: ["board"],
    // A new centre whose Exams Officer has not yet accepted the invite, for each caller.
    form: async ({ fx }) => form({ centreId: await fx.newCentre({ invitedExamsOfficer: true }) }),
  },
];
