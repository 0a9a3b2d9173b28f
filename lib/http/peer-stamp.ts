import http, { type IncomingMessage } from "node:http";
import { PEER_HEADER } from "./client-address";

let installed = false;

/** Puts the socket's own address on every incoming request as PEER_HEADER, replacing whatever the client sent. */
export function stampPeerAddress(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stamp(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

export function stamp(request: IncomingMessage): void {
  delete request.headers[PEER_HEADER];
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_HEADER] = address;
}
