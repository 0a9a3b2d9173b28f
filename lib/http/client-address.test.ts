import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, trustedHops } from "./client-address";

const h = (values: Record<string, string>) => new Headers(values);

describe("the client's address", () => {
  it("is the socket's address when no proxy is trusted, whatever the client writes", () => {
    const forged = h({ [PEER_HEADER]: "203.0.113.7", "x-real-ip": "1.1.1.1", "x-forwarded-for": "2.2.2.2" });
    expect(clientAddress(forged, undefined)).toBe("203.0.113.7");
    expect(clientAddress(forged, "false")).toBe("203.0.113.7");
  });

  it("behind trusted proxies, is the entry that many hops from the right", () => {
    // The client wrote "6.6.6.6"; the one proxy appended the address it saw.
    const one = h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4" });
    expect(clientAddress(one, "1")).toBe("198.51.100.4");
    expect(clientAddress(one, "true")).toBe("198.51.100.4");
    const two = h({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" });
    expect(clientAddress(two, "2")).toBe("198.51.100.4");
  });

  it("never takes a malformed entry, and says unknown rather than sharing one made-up bucket", () => {
    expect(clientAddress(h({ "x-forwarded-for": "<script>" }), "1")).toBe("unknown");
    expect(clientAddress(h({ "x-real-ip": "9.9.9.9" }), undefined)).toBe("unknown");
    expect(clientAddress(h({ [PEER_HEADER]: "::1" }), undefined)).toBe("::1");
  });

  it("reads TRUST_PROXY as a number of hops", () => {
    expect([undefined, "false", "0", "-1", "x", "true", "1", "3"].map(trustedHops)).toEqual([0, 0, 0, 0, 0, 1, 1, 3]);
  });
});
