// The page of each pending sign-in step. Shared by proxy.ts (which may not import the
// database) and lib/auth/session.ts.
export const STEP_PATHS = {
  password: "/set-password",
  "mfa-setup": "/mfa/setup",
  mfa: "/mfa",
} as const satisfies Record<string, string>;

export type PendingStep = keyof typeof STEP_PATHS;
