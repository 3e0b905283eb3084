import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { Market } from './market';

/** .env.example's SMS_INBOUND_SECRET, which the test markets run with. */
export const INBOUND_SECRET = 'local-inbound-secret';

/** A request as the SMS gateway sends it: HMAC-SHA256 over `timestamp.body`. */
export function signedByGateway(market: Market, path: string, payload: object, secret = INBOUND_SECRET) {
  return gatewayRequest(market, path, payload, secret)();
}

/** One signed request, to send as often as a test likes: the same body, timestamp and signature each time (a replay). */
export function gatewayRequest(market: Market, path: string, payload: object, secret = INBOUND_SECRET, timestamp = new Date().toISOString()) {
  const body = JSON.stringify(payload);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return () =>
    request(market.url).post(path).set({ 'content-type': 'application/json', 'x-lingong-timestamp': timestamp, 'x-lingong-signature': signature }).send(body);
}

/** A person's SMS reply, as the gateway passes it on. */
export function replyBySms(market: Market, from: string, text: string, secret = INBOUND_SECRET) {
  return signedByGateway(market, '/api/sms/inbound', { from, text, receivedAt: new Date().toISOString() }, secret);
}
