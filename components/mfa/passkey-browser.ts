"use client";

import { useSyncExternalStore } from "react";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";

// What the passkey components need to know about the browser: nothing on the server's render
// (the buttons are disabled and a <noscript> says why), and once running, whether it can do
// WebAuthn at all.

const never = () => () => {};

/** "server" while rendering on the server and hydrating; then "ready" or "unsupported". */
export function usePasskeyBrowser(): "server" | "ready" | "unsupported" {
  return useSyncExternalStore(
    never,
    () => (browserSupportsWebAuthn() ? "ready" : "unsupported"),
    () => "server",
  );
}

/** Whether a WebAuthn call ended because the person cancelled it or it timed out (not a fault). */
export function wasCancelled(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === "NotAllowedError" || name === "AbortError";
}
