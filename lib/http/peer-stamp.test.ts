import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "./client-address";
import { stampPeerAddress } from "./peer-stamp";

describe("the peer stamp", () => {
  it("replaces a client's own value with the socket's address on every request", async () => {
    stampPeerAddress();
    const server = http.createServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "6.6.6.6" } });
    expect(await response.text()).toBe("127.0.0.1");
    await new Promise((resolve) => server.close(resolve));
  });
});
