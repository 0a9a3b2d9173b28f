// Whose request is this: the address rate limits and audit rows use
// (docs/decisions/015-client-address.md). Never a header the client alone writes:
// - behind TRUST_PROXY=<hops> reverse proxies, the X-Forwarded-For entry that many places from
//   the right (each proxy appends the address it was connected from; entries further left are
//   whatever the client sent);
// - otherwise the socket's own address, which instrumentation.ts stamps on every request as
//   PEER_HEADER after removing any value the client sent.
// X-Real-IP is never read.

export const PEER_HEADER = "x-porth-peer";

/** The number of trusted proxies in front of the portal (TRUST_PROXY: a count; "true" means 1). */
export function trustedHops(value: string | undefined): number {
  if (!value || value === "false") return 0;
  if (value === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 10 ? n : 0;
}

export function clientAddress(headers: Pick<Headers, "get">, trustProxy: string | undefined): string {
  const hops = trustedHops(trustProxy);
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = chain[chain.length - hops];
    if (entry && isAddress(entry)) return entry;
  }
  const peer = headers.get(PEER_HEADER)?.trim();
  return peer && isAddress(peer) ? peer : "unknown";
}

/** An IPv4 or IPv6 address (optionally with a zone), nothing else. */
function isAddress(value: string): boolean {
  return value.length <= 64 && /^[0-9A-Fa-f:.]+(%[\w.-]+)?$/.test(value);
}
