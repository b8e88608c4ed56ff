/**
 * A loopback TCP proxy in front of a real server (the Firestore emulator) whose link can be
 * cut, for fault tests: `up` passes bytes through, `refuse` closes every connection at once
 * (as a stopped server does), `blackhole` accepts and never answers (as a hung or
 * unreachable host does). Switching away from `up` also cuts the connections already open.
 */
import { connect, createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/** How the proxy treats connections. */
export type LinkMode = "up" | "refuse" | "blackhole";

/** A running proxy; see {@link startFaultProxy}. */
export interface FaultProxy {
  /** `127.0.0.1:PORT`, to use in place of the target's host. */
  host: string;
  /** Changes the mode; leaving `up` destroys every open connection. */
  set(mode: LinkMode): void;
  /** Connections accepted so far, in any mode. */
  connections(): number;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (`host:port`), in `up` mode. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const [targetHost = "127.0.0.1", targetPort = "0"] = target.split(":");
  let mode: LinkMode = "up";
  let accepted = 0;
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    accepted += 1;
    track(client);
    if (mode === "refuse") return void client.destroy();
    if (mode === "blackhole") return void client.resume();
    const upstream = connect(Number(targetPort), targetHost);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    set(next) {
      mode = next;
      if (next !== "up") for (const socket of open) socket.destroy();
    },
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
