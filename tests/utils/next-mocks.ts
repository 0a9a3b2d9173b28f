// Stand-ins for what only exists inside a Next.js request, for integration tests that call
// pages, server actions and route handlers directly. Use from a test file:
//
//   vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
//   vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
//   ...then signInAs(sessionId) / signInAs(null).
//
// Everything else — the session lookup, the rules, the database — is the real thing.

import { PEER_HEADER } from "@/lib/http/client-address";

/**
 * The request headers a call sees when a test sets none: a loopback peer, as the server stamps on
 * a local connection (lib/http/client-address.ts), so every such call shares one client address.
 */
export const DEFAULT_REQUEST_HEADERS: Readonly<Record<string, string>> = {
  "user-agent": "integration-test",
  [PEER_HEADER]: "127.0.0.1",
};

const state = { sid: null as string | null, headers: DEFAULT_REQUEST_HEADERS as Record<string, string> };

/** The session id the mocked Auth.js cookie names (null = signed out). */
export function signInAs(sessionId: string | null) {
  state.sid = sessionId;
}

/**
 * The request headers of the next calls, on top of the defaults (null = the defaults again). A
 * test that must not share rate limits between calls gives each call its own address:
 * `setRequestHeaders(clientHeaders("198.18.0.7"))`.
 */
export function setRequestHeaders(headers: Record<string, string> | null) {
  state.headers = { ...DEFAULT_REQUEST_HEADERS, ...headers };
}

/**
 * Headers that name `address` as the client however the portal reads it: the peer header the
 * server stamps (lib/http/client-address.ts, read directly or behind TRUST_PROXY via
 * X-Forwarded-For) and the older X-Real-IP.
 */
export function clientHeaders(address: string): Record<string, string> {
  return { [PEER_HEADER]: address, "x-forwarded-for": address, "x-real-ip": address };
}

export const authConfigMock = {
  auth: async () => (state.sid ? { sid: state.sid } : null),
  sessionIdOfRequest: async () => state.sid,
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
  headers: async () => new Headers(state.headers),
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
