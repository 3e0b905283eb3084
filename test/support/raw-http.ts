import { connect } from 'node:net';

/**
 * One HTTP/1.1 request written byte for byte, for what an HTTP client would encode for us: header
 * values given as Buffers go out exactly as they are (e.g. 64 bytes 0xE9, which a server reads as
 * 64 latin-1 characters). Answers the status and the body as text.
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string | Buffer>,
  body = '',
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  const payload = Buffer.from(body, 'utf8');
  const lines: Buffer[] = [
    Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\nContent-Length: ${payload.length}\r\n`),
  ];
  for (const [name, value] of Object.entries(headers))
    lines.push(Buffer.concat([Buffer.from(`${name}: `), Buffer.from(value), Buffer.from('\r\n')]));
  lines.push(Buffer.from('\r\n'), payload);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(Buffer.concat(lines)));
    let received = Buffer.alloc(0);
    let done = false;
    const finish = () => {
      if (done) return true;
      const split = received.indexOf('\r\n\r\n');
      if (split < 0) return false;
      const head = received.subarray(0, split).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
      const answer = received.subarray(split + 4);
      // The answers here are small JSON with a content-length; without one, wait for the close.
      if (!Number.isFinite(length) || answer.length < length) return false;
      done = true;
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), body: answer.subarray(0, length).toString('utf8') });
      socket.destroy();
      return true;
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      finish();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      if (!finish()) resolve({ status: 0, body: received.toString('utf8') });
    });
  });
}
