import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceUrlSettings } from '@lingong/config';

export interface JsonServer {
  /** Every service's URL, all pointing at this server. */
  urls: ServiceUrlSettings;
  close(): Promise<void>;
}

/**
 * A stand-in for the services behind an internal client: a loopback `node:http` server that reads
 * each request's body whole and answers what `answer` says (a JSON text and its status).
 */
export async function jsonServer(
  answer: (request: IncomingMessage, body: string) => { status: number; body: string },
): Promise<JsonServer> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const sent = answer(request, body);
      response.writeHead(sent.status, { 'content-type': 'application/json' }).end(sent.body);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: { MATCHING_URL: base, JOB_POSTING_URL: base, WORKER_PROFILE_URL: base, WEB_URL: base } as ServiceUrlSettings,
    close: () => new Promise<void>((closed, failed) => server.close((error) => (error ? failed(error) : closed()))),
  };
}
