import type { MessageTree } from "./messages";

// The messages the browser gets (components/i18n/client-messages.tsx): only the namespaces its
// client components use, by route directory. A page gets the list of every directory above it
// that has one, so a sign-in page does not carry the board's forms and a results page carries
// one short namespace of its own. The directories with a list each give it to their layout
// (`<ClientMessages scope="…">`); server components translate on the server and need none of this.
// client-messages.test.ts fails when a client component uses a namespace its pages do not get.

export const CLIENT_MESSAGES = {
  // Every page: the table's scroll cue, the language toggle, "service unavailable" (app/error.tsx),
  // and the not-found page with its header (app/not-found.tsx), which every page carries.
  app: ["common", "header", "unavailable", "meta", "notFound", "noAccess"],
  "app/(public)": ["errors", "signIn", "forgot"],
  "app/(onboarding)": ["errors", "setPassword", "mfa", "mfaSetup", "passkeys"],
  // The portal's frame (the idle warning) and All Services' tiles.
  "app/(portal)": ["idle", "home"],
  "app/(portal)/board": [
    "errors",
    "account",
    "permissions",
    "invite",
    "board",
    "boardAppointees",
    "boardModeration",
    "boardResources",
    "boardReviews",
    "boardSeries",
    "boardAccessArrangements",
    "publishing",
    "emi.board",
    "marks",
  ],
  "app/(portal)/access-arrangements": ["errors", "accessArrangements"],
  "app/(portal)/centre": ["errors", "account", "permissions", "invite", "users", "a2c"],
  "app/(portal)/iamis": ["errors", "marks", "iamis.submit", "iamis.import"],
  "app/(portal)/entries": ["errors", "entries.list"],
  "app/(portal)/entries/candidates": ["entries.candidates", "scriptConsent"],
  "app/(portal)/entries/import": ["entries.import"],
  "app/(portal)/post-results": ["errors", "postResults"],
  "app/(portal)/profile": [
    "errors",
    "profile",
    "accessRequest",
    "permissions",
    "setPassword",
    "security",
    "mfa",
    "mfaSetup",
    "passkeys",
  ],
  "app/(portal)/results": ["results.notReleased"],
  "app/(portal)/emi": ["errors", "marks", "emi"],
  "app/(portal)/moderation": ["errors", "marks", "moderation"],
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof CLIENT_MESSAGES;

/** The scope a route directory falls under: the deepest directory above it (or it) with a list. */
export function scopeOf(dir: string): ClientScope {
  const scopes = Object.keys(CLIENT_MESSAGES) as ClientScope[];
  return scopes.filter((s) => dir === s || dir.startsWith(`${s}/`)).sort((a, b) => b.length - a.length)[0];
}

/** The namespaces a scope's pages get: its own list and the lists of the scopes above it. */
export function namespacesFor(scope: ClientScope): string[] {
  const scopes = Object.keys(CLIENT_MESSAGES) as ClientScope[];
  const above = scopes.filter((s) => scope === s || scope.startsWith(`${s}/`));
  return [...new Set(above.flatMap((s) => CLIENT_MESSAGES[s]))];
}

/** The part of `messages` under the given namespaces ("entries.list" keeps only that branch). */
export function pickMessages(messages: MessageTree, namespaces: readonly string[]): MessageTree {
  const out: MessageTree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: MessageTree | string | undefined = messages;
    for (const key of path) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let into = out;
    for (const key of path.slice(0, -1)) {
      const next = into[key];
      into = (into[key] = typeof next === "object" ? next : {}) as MessageTree;
    }
    into[path[path.length - 1]] = from;
  }
  return out;
}

const picked = new WeakMap<object, Map<ClientScope, MessageTree>>();

/** pickMessages for a scope, worked out once per locale's messages and scope. */
export function clientMessagesFor(messages: MessageTree, scope: ClientScope): MessageTree {
  let byScope = picked.get(messages);
  if (!byScope) picked.set(messages, (byScope = new Map()));
  let tree = byScope.get(scope);
  if (!tree) byScope.set(scope, (tree = pickMessages(messages, namespacesFor(scope))));
  return tree;
}
