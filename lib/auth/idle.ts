// The idle clock of a session (docs/product-rules.md, "Sign-in and sessions"), shared by the
// server (lib/data/identity/sessions.ts) and the browser's warning (components/layout/idle-warning.tsx).

/** Signed out after this long without a request. */
export const IDLE_TIMEOUT_MS = 60 * 60_000;

/**
 * The session row's lastSeenAt is written at most this often, so most requests only read the
 * row. The idle clock may therefore lag by up to this much: a session ends up to a minute before
 * a full idle hour, never after, and the browser's warning counts from that earlier time.
 */
export const TOUCH_EVERY_MS = 60_000;
