// Stand-ins for what only exists inside a Next.js request, for integration tests that call
// pages, server actions and route handlers directly. Use from a test file:
//
//   vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
//   vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
//   ...then signInAs(sessionId) / signInAs(null).
//
// Everything else — the session lookup, the rules, the database — is the real thing.

const state = { sid: null as string | null };

/** The session id the mocked Auth.js cookie names (null = signed out). */
export function signInAs(sessionId: string | null) {
  state.sid = sessionId;
}

export const authConfigMock = {
  auth: async () => (state.sid ? { sid: state.sid } : null),
  signIn: async () => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
  },
  signOut: async () => {},
  unstable_update: async () => null,
  entraConfigured: () => false,
  handlers: {
    GET: async () => new Response(null, { status: 404 }),
    POST: async () => new Response(null, { status: 404 }),
  },
};

export const headersMock = {
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers({ "user-agent": "integration-test" }),
};

export const cacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: (fn: unknown) => fn,
  refresh: () => {},
};

const t = Object.assign((key: string) => key, {
  rich: (key: string) => key,
  markup: (key: string) => key,
  raw: (key: string) => key,
  has: () => true,
});
export const intlServerMock = {
  getTranslations: async () => t,
  getLocale: async () => "en",
  getMessages: async () => ({}),
  getNow: async () => new Date(),
  getTimeZone: async () => "Europe/London",
  getFormatter: async () => ({ dateTime: () => "", number: () => "", relativeTime: () => "", list: () => "" }),
};

/** The redirect target of a thrown Next redirect, or null. */
export function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;") ? (digest.split(";")[2] ?? null) : null;
}
