import type { Duplex } from 'node:stream';
import { apiError } from './api-exception.filter';

const refusals: Record<string, { statusCode: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { statusCode: 431, message: '请求头过大 / Request headers too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { statusCode: 408, message: '请求超时 / The request took too long to arrive' },
};
const malformed = { statusCode: 400, message: '请求格式错误 / Malformed HTTP request' };

/**
 * A request Node's HTTP parser refuses before any route (headers past its limit, a broken request
 * line, one too slow to arrive): answered in the API's error shape and with `Connection: close`,
 * since the socket is closed after it. Fastify's own answer says nothing of the close, so a
 * keep-alive client sent its next request down the closed socket and got no answer at all (the
 * bad-input drill saw it once in CI).
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { statusCode, message } = refusals[error.code ?? ''] ?? malformed;
  const answer = apiError(statusCode, message);
  const body = JSON.stringify(answer);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${statusCode} ${answer.error}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
