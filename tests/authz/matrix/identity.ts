// Sign-in, onboarding, profile, All Services and the shell (docs/product-rules.md, "Sign-in and sessions", "All Services").
import type { Row } from "../types";

const PUBLIC = "public: no session is needed, and an empty form changes nothing";

export const identityRows: Row[] = [
  // Public pages and the sign-in steps.
  { endpoint: "page /sign-in", allow: "everyone", rule: PUBLIC },
  { endpoint: "page /appointee/sign-in", allow: "everyone", rule: PUBLIC },
  { endpoint: "page /forgot-password", allow: "everyone", rule: PUBLIC },
  { endpoint: "action lib/actions/sign-in.ts#signInAction", allow: "everyone", rule: PUBLIC },
  { endpoint: "action app/(public)/forgot-password/actions.ts#forgotAction", allow: "everyone", rule: PUBLIC },
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
    rule: "only at the password step",
  },
  { endpoint: "page /mfa", allow: ["pendingMfa"], rule: "only while the second factor is pending" },
  {
    endpoint: "action app/(onboarding)/mfa/actions.ts#sendCodeAction",
    allow: ["pendingMfa"],
    rule: "only while the second factor is pending",
  },
  {
    endpoint: "action app/(onboarding)/mfa/actions.ts#verifyCodeAction",
    allow: ["pendingMfa"],
    rule: "only while the second factor is pending",
  },
  { endpoint: "page /mfa/setup", allow: [], rule: "only a session whose next step is MFA set-up (no actor here is)" },
  {
    endpoint: "action lib/actions/mfa-setup.ts#mfaSetupAction",
    allow: "signedIn",
    rule: "set-up during onboarding or from Security settings",
  },

  // The portal: any fully signed-in account.
  { endpoint: "page /", allow: "signedIn", rule: "All Services shows each account its own tiles" },
  { endpoint: "page /no-access", allow: "signedIn" },
  {
    endpoint: "route GET /api/session/refresh",
    allow: "signedIn",
    rule: "re-reads the caller's own claims; never another's",
  },
  { endpoint: "page /profile", allow: "signedIn" },
  { endpoint: "page /profile/security", allow: "signedIn" },
  { endpoint: "action app/(portal)/profile/actions.ts#updateProfileAction", allow: "signedIn" },
  { endpoint: "action app/(portal)/profile/actions.ts#emailChangeAction", allow: "signedIn" },
  { endpoint: "action app/(portal)/profile/actions.ts#changePasswordAction", allow: "signedIn" },
  { endpoint: "action app/(portal)/profile/security/actions.ts#reverifyAction", allow: "signedIn" },
  { endpoint: "action app/(portal)/profile/security/actions.ts#sendReverifyCodeAction", allow: "signedIn" },
  { endpoint: "action app/(portal)/profile/security/actions.ts#regenerateAction", allow: "signedIn" },
  { endpoint: "action app/(portal)/profile/security/actions.ts#revokeSessionAction", allow: "signedIn" },
  { endpoint: "action lib/actions/favourites.ts#toggleFavouriteAction", allow: "signedIn" },
  {
    endpoint: "action lib/actions/language.ts#switchLanguage",
    allow: "everyone",
    rule: "the language toggle works before sign-in too",
  },
  { endpoint: "action lib/actions/sign-out.ts#signOutAction", allow: "everyone", rule: "signing out needs no session" },

  // A planned service's page: only the roles and permissions its tile is shown to.
  {
    endpoint: "page /services/[key]",
    allow: ["eo", "admin", "user+iamis", "otherCentre"],
    params: () => ({ key: "moderator-reports" }),
    rule: "a planned service (moderator reports): only those with the IAMIS permission",
  },
];
