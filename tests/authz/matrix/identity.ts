// Sign-in, onboarding, profile, All Services and the shell (docs/product-rules.md, "Sign-in and sessions", "All Services").
import { randomBytes } from "node:crypto";
import { totpCode } from "@/lib/auth/totp";
import { passkeyChallenge } from "@/lib/data/identity/mfa";
import { passkeyRegistrationOptions } from "@/lib/data/identity/passkeys";
import { servicesFor } from "@/lib/services/catalogue";
import { DEFAULT_TEST_PASSWORD, DEMO_TOTP_SECRET } from "../../factories/users";
import { SoftPasskey } from "../../utils/webauthn";
import { fromPortalPage, keepingSecondFactor, PASSKEY_ORIGIN, withPasskeys } from "../passkey-fixtures";
import { ACTORS, form, type Fixtures, type Row, type RowContext } from "../types";

const PUBLIC = "public: no session is needed";
const newEmail = () => `matrix-${randomBytes(5).toString("hex")}@example.test`;

/** The email address of a new account of centre A, whose password is the factories' default. */
async function freshAccountEmail(fx: Fixtures): Promise<string> {
  const id = await fx.newCentreUser("USER");
  return (await fx.prisma.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
}

/** The caller's authenticator code at the row's time (every actor's factor uses the factories' secret). */
const currentCode = ({ at }: RowContext) => totpCode(DEMO_TOTP_SECRET, at);

const field = (value: unknown, key: string) => (value as Record<string, unknown> | null | undefined)?.[key];

/**
 * A service tile the actor may use (and so pin), unpinned first; for anonymous, any tile. The
 * action answers nothing either way, so the call reads back whether the tile is now pinned.
 */
async function toggleFavourite(fn: (data: FormData) => Promise<unknown>, { fx, actor }: RowContext) {
  const userId = fx.userIds[actor];
  const user = userId
    ? await fx.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { grants: true } })
    : null;
  const usable = user
    ? servicesFor({ role: user.role, grants: user.grants.map((g) => g.permission), appointeeType: user.appointeeType })
    : [];
  const key = usable[0]?.key ?? "timetable";
  if (userId) await fx.prisma.favourite.deleteMany({ where: { userId, serviceKey: key } });
  await fn(form({ key }));
  const pinned = userId && (await fx.prisma.favourite.findFirst({ where: { userId, serviceKey: key } }));
  return pinned ? { ok: true } : { formError: usable.length ? "notPinned" : "noTileToPin" };
}

type FormAction = (data: FormData) => Promise<unknown>;

/**
 * Signs the session's challenge with the actor's passkey and posts the answer to `fn`, from the
 * portal's own page. A caller who cannot have a challenge (refused) posts an answer to a made-up
 * one, so the endpoint itself is what refuses them.
 */
async function postAssertion(fn: FormAction, { fx, actor }: RowContext) {
  await fromPortalPage();
  return withPasskeys(fx, actor, 1, async ([{ key }]) => {
    const started = await passkeyChallenge();
    const options = started.ok ? started.options : { challenge: "bWFkZS11cA", rpId: "porth.test" };
    return fn(form({ response: JSON.stringify(key.assert(options)) }));
  });
}

export const identityRows: Row[] = [
  // Public pages and the sign-in steps.
  { endpoint: "page /sign-in", allow: "everyone", rule: PUBLIC },
  { endpoint: "page /appointee/sign-in", allow: "everyone", rule: PUBLIC },
  { endpoint: "page /forgot-password", allow: "everyone", rule: PUBLIC },
  {
    endpoint: "action lib/actions/sign-in.ts#signInAction",
    allow: "everyone",
    // Each call signs a new account in; success is the hand-off to Auth.js (the mock's redirect).
    form: async ({ fx }) => form({ email: await freshAccountEmail(fx), password: DEFAULT_TEST_PASSWORD }),
    rule: `${PUBLIC}: any caller signs a new account in with its email and password`,
  },
  {
    endpoint: "action app/(public)/forgot-password/actions.ts#forgotAction",
    allow: "everyone",
    form: async ({ fx }) => form({ intent: "send", email: await freshAccountEmail(fx) }),
    success: {
      because: "the first step of a reset: the code is sent and the form asks for it",
      test: (value) => field(value, "stage") === "code",
    },
    rule: `${PUBLIC}: any caller has a reset code sent to a new account`,
  },
  { endpoint: "route GET /api/health", allow: "everyone", rule: "public health check, no data" },
  {
    endpoint: "route GET /api/auth/[...nextauth]",
    allow: "everyone",
    declaredOnly: "Auth.js's own handler; its Credentials exchange is tested in tests/integration/identity.test.ts",
  },
  {
    endpoint: "route POST /api/auth/[...nextauth]",
    allow: "everyone",
    declaredOnly: "Auth.js's own handler; its Credentials exchange is tested in tests/integration/identity.test.ts",
  },
  {
    endpoint: "page /dev/outbox",
    allow: "everyone",
    rule: "development outbox: refused in production, open in development",
  },

  // Onboarding steps: only a session at that step.
  {
    endpoint: "page /set-password",
    allow: [],
    rule: "only a session whose next step is a new password (no actor here is)",
  },
  {
    endpoint: "action app/(onboarding)/set-password/actions.ts#setPasswordAction",
    allow: [],
    form: () => form({ password: "a long and unusual passphrase 47", confirm: "a long and unusual passphrase 47" }),
    rule: "only at the password step",
  },
  { endpoint: "page /mfa", allow: ["pendingMfa"], rule: "only while the second factor is pending" },
  {
    endpoint: "action app/(onboarding)/mfa/actions.ts#sendCodeAction",
    allow: ["pendingMfa"],
    // Every caller gets an email factor for the call, so nobody is turned away for having none.
    call: (fn, c) => c.fx.withEmailFactor(c.actor, async () => (fn as (prev: object) => Promise<unknown>)({})),
    success: { because: "the code is sent", test: (value) => field(value, "sent") === true },
    rule: "only while the second factor is pending",
  },
  {
    endpoint: "action app/(onboarding)/mfa/actions.ts#verifyCodeAction",
    allow: ["pendingMfa"],
    // A right code for every caller: success is the new session handed to Auth.js.
    form: async (c) => form({ code: await currentCode(c) }),
    rule: "only while the second factor is pending",
  },
  { endpoint: "page /mfa/setup", allow: [], rule: "only a session whose next step is MFA set-up (no actor here is)" },
  {
    endpoint: "action lib/actions/mfa-setup.ts#mfaSetupAction",
    allow: "signedIn",
    form: () => form({ intent: "choose", method: "TOTP" }),
    success: {
      // Confirming the new secret would replace the actor's factor, which later rows sign in with.
      because: "the first step of set-up: a new authenticator secret is issued",
      test: (value) => field(value, "stage") === "totp" && typeof field(value, "secret") === "string",
    },
    rule: "set-up during onboarding or from Security settings",
  },

  // Passkeys (docs/decisions/018-passkeys.md): a software authenticator answers, so every allowed
  // caller reaches the success path.
  {
    endpoint: "action lib/actions/passkeys.ts#passkeyRegistrationOptionsAction",
    allow: "signedIn",
    call: async (fn) => {
      await fromPortalPage();
      return (fn as () => Promise<unknown>)();
    },
    rule: "set-up during onboarding or from Security settings (a fresh second factor)",
  },
  {
    endpoint: "action lib/actions/passkeys.ts#registerPasskeyAction",
    allow: "signedIn",
    // Registering replaces the actor's factor, which later rows sign in with: it is put back.
    call: async (fn, { fx, actor }) => {
      await fromPortalPage();
      return keepingSecondFactor(fx.prisma, fx.userIds[actor], async () => {
        const key = new SoftPasskey({ origin: PASSKEY_ORIGIN });
        const started = await passkeyRegistrationOptions();
        const options = started.ok
          ? started.options
          : ({ challenge: "bWFkZS11cA", rp: { id: "porth.test", name: "Porth" }, user: { id: "dXNlcg" } } as never);
        return (fn as FormAction)(form({ response: JSON.stringify(key.register(options)), name: "Matrix" }));
      });
    },
    success: {
      because: "the passkey is the new second factor, with new recovery codes",
      test: (value) =>
        field(value, "ok") === true && (field(value, "recoveryCodes") as unknown[] | null)?.length === 10,
    },
    rule: "set-up during onboarding or from Security settings (a fresh second factor)",
  },
  {
    endpoint: "action lib/actions/passkeys.ts#passkeyChallengeAction",
    // Sign-in's second-factor step, and re-verifying in Security settings.
    allow: ACTORS.filter((a) => a !== "anonymous"),
    call: async (fn, { fx, actor }) => {
      await fromPortalPage();
      return withPasskeys(fx, actor, 1, () => (fn as () => Promise<unknown>)());
    },
    rule: "a session waiting on its second factor, or a full one re-verifying",
  },
  {
    endpoint: "action app/(onboarding)/mfa/actions.ts#passkeySignInAction",
    allow: ["pendingMfa"],
    // Success is the new session handed to Auth.js (the mock's redirect).
    call: (fn, c) => postAssertion(fn as FormAction, c),
    rule: "only while the second factor is pending",
  },

  // The portal: any fully signed-in account.
  { endpoint: "page /", allow: "signedIn", rule: "All Services shows each account its own tiles" },
  { endpoint: "page /no-access", allow: "signedIn" },
  {
    endpoint: "route GET /api/session/refresh",
    allow: "signedIn",
    request: () => new Request("http://localhost/api/session/refresh?to=/profile"),
    success: {
      because: "the claims are re-issued and the browser continues to `to`",
      test: (value) =>
        value instanceof Response &&
        value.status >= 300 &&
        value.status < 400 &&
        new URL(value.headers.get("location") ?? "", "http://x").pathname === "/profile",
    },
    rule: "re-reads the caller's own claims; never another's",
  },
  { endpoint: "page /profile", allow: "signedIn" },
  { endpoint: "page /profile/security", allow: "signedIn" },
  {
    endpoint: "action app/(portal)/profile/actions.ts#updateProfileAction",
    allow: "signedIn",
    form: () => form({ title: "", name: "Matrix Caller", jobRole: "", phone: "", language: "en" }),
  },
  {
    endpoint: "action app/(portal)/profile/actions.ts#emailChangeAction",
    allow: "signedIn",
    form: () => form({ intent: "request", email: newEmail() }),
    success: {
      because: "the first step of a change: a code goes to the new address and the form asks for it",
      test: (value) => field(value, "stage") === "confirm",
    },
  },
  {
    endpoint: "action app/(portal)/profile/actions.ts#changePasswordAction",
    allow: "signedIn",
    // Each caller's own account; no later row signs these accounts in with a password.
    form: () =>
      form({
        current: DEFAULT_TEST_PASSWORD,
        password: "a long and unusual passphrase 47",
        confirm: "a long and unusual passphrase 47",
      }),
  },
  {
    endpoint: "action app/(portal)/profile/security/actions.ts#reverifyAction",
    allow: "signedIn",
    form: async (c) => form({ code: await currentCode(c) }),
  },
  {
    endpoint: "action app/(portal)/profile/security/actions.ts#passkeyReverifyAction",
    allow: "signedIn",
    call: (fn, c) => postAssertion(fn as FormAction, c),
  },
  {
    endpoint: "action app/(portal)/profile/security/actions.ts#removePasskeyAction",
    allow: "signedIn",
    // Two passkeys, so one may go; the caller's own second one (a made-up id for anonymous).
    call: async (fn, { fx, actor }) =>
      withPasskeys(fx, actor, 2, async (keys) =>
        (fn as (prev: object, data: FormData) => Promise<unknown>)({}, form({ passkeyId: keys[1].id ?? "none" })),
      ),
  },
  {
    endpoint: "action app/(portal)/profile/security/actions.ts#sendReverifyCodeAction",
    allow: "signedIn",
    // Every caller gets an email factor for the call: an authenticator app has no code to send.
    call: (fn, c) => c.fx.withEmailFactor(c.actor, async () => (fn as (prev: object) => Promise<unknown>)({})),
  },
  {
    endpoint: "action app/(portal)/profile/security/actions.ts#regenerateAction",
    allow: "signedIn",
    call: (fn) => (fn as (prev: object) => Promise<unknown>)({}),
  },
  {
    endpoint: "action app/(portal)/profile/security/actions.ts#revokeSessionAction",
    allow: "signedIn",
    // Another session of the caller's own (the EO's for anonymous); the action answers nothing,
    // so the call reads back whether that session has ended.
    call: async (fn, { fx, actor }) => {
      const target = await fx.newSession(fx.userIds[actor] ? actor : "eo");
      await (fn as (data: FormData) => Promise<unknown>)(form({ sessionId: target }));
      const session = await fx.prisma.session.findUniqueOrThrow({ where: { id: target } });
      return session.revokedAt ? { ok: true } : { formError: "notRevoked" };
    },
  },
  {
    endpoint: "action lib/actions/favourites.ts#toggleFavouriteAction",
    allow: "signedIn",
    call: (fn, c) => toggleFavourite(fn as (data: FormData) => Promise<unknown>, c),
  },
  {
    endpoint: "action lib/actions/language.ts#switchLanguage",
    allow: "everyone",
    form: () => form({ locale: "en", returnTo: "/profile" }),
    rule: "the language toggle works before sign-in too",
  },
  {
    endpoint: "action lib/actions/sign-out.ts#signOutAction",
    allow: "everyone",
    // Auth.js's signOut is a stand-in that answers nothing, so the call reads back whether the
    // caller's own session (if any) has ended.
    call: async (fn, { fx, actor }) => {
      await (fn as () => Promise<unknown>)();
      const sid = fx.sessionIds[actor];
      const session = sid ? await fx.prisma.session.findUniqueOrThrow({ where: { id: sid } }) : null;
      return !session || session.revokedAt ? { ok: true } : { formError: "stillSignedIn" };
    },
    rule: "signing out needs no session",
  },

  // A service's address under /services/<key>: only the roles and permissions its tile is shown
  // to, who are sent on to the service's own page (every service has one now).
  {
    endpoint: "page /services/[key]",
    allow: ["eo", "admin", "user+iamis", "otherCentre"],
    params: () => ({ key: "moderator-reports" }),
    rule: "a service's old address (moderator reports): only those with the IAMIS permission",
    expectForAllowed: {
      reason: "the service has its own page; /services/<key> sends those who may use it there",
      outcome: "redirect /moderator-reports",
    },
  },
];
