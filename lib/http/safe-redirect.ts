// Where a redirect whose target came from the request may go: only somewhere in the portal
// (docs/decisions/016-sign-in-hardening.md).
// The target is read the way a browser reads a Location header — relative to the portal — and
// anything that lands on another origin, or that carries a control character or a backslash
// (which browsers strip or read as "/", turning "/\tevil.example" or "/\evil.example" into
// "//evil.example"), gives the fallback.

const BASE = "http://portal.invalid";

/** A path (with its query and fragment) inside the portal, or `fallback`. */
export function safeRedirectTarget(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value === "" || value.length > 2048) return fallback;
  // Raw control characters (tab, CR, LF, NUL, DEL…) and backslashes are never part of a target.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // The path as parsed must still be a single-slash path (e.g. "/./%2F/x" stays on the portal).
  return target.startsWith("/") && !target.startsWith("//") ? target : fallback;
}
