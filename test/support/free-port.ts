import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The system hands out ports for `listen(0)` from its ephemeral range, so a port found there and let
 * go can be given to another test's app before ours binds it. Ports are taken below that range, in a
 * block of their own per Jest worker, so parallel test files never reach for the same one.
 */
const ephemeralRangeStart = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
})();
const blockSize = 1_000;
const worker = Number(process.env.JEST_WORKER_ID ?? 0) % 8;
const blockStart = Math.max(10_000, ephemeralRangeStart - 9 * blockSize) + worker * blockSize;

function canListen(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const server = createServer();
    server.once('error', () => answer(false));
    server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
  });
}

/**
 * Ports are handed out in turn through the block, from a random start: a port is chosen before its
 * app binds it (the front door's, say, while the services start), and a random draw for the next
 * app could give the same one again (it did, and the front door failed with EADDRINUSE).
 */
let next = Math.floor(Math.random() * blockSize);

/** A port nobody listens on right now, not handed out before in this process (until the whole block has been), for an app whose address others must know before it starts. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < blockSize; attempt++) {
    const port = blockStart + (next++ % blockSize);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${blockStart}–${blockStart + blockSize - 1}`);
}
