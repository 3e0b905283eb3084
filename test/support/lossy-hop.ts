import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP hop between two apps (matching → job-posting) that can lose answers: the request
 * reaches the server and is carried out, but the caller's connection is cut before the answer
 * arrives, as when the caller's network drops or the caller crashes right after asking.
 */
export class LossyHop {
  private server?: Server;
  /** How many answers to lose next; Infinity loses all until `heal()`. */
  private toLose = 0;
  lost = 0;

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    const target = new URL(this.target);
    this.server = createServer((req, res) => {
      const upstream = forward(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            if (this.toLose > 0) {
              this.toLose -= 1;
              this.lost += 1;
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
          });
        },
      );
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((listening) => this.server!.listen(0, '127.0.0.1', listening));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  loseAnswers(count = Infinity): void {
    this.toLose = count;
  }

  heal(): void {
    this.toLose = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((closed) => this.server?.close(closed));
  }
}
