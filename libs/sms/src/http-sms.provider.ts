import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SmsSettings } from '@lingong/config';
import { OutgoingSms, SmsProvider, SmsReceipt, SmsTemporaryFailure } from './sms-provider';

/** Signs `timestamp.body` with HMAC-SHA256, the scheme the gateway checks (and the inbound route mirrors). */
export function signSmsRequest(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

const MAX_SKEW_MS = 5 * 60_000;

/** Checks a request from the gateway (a reply, a delivery receipt): signed the same way, and fresh. */
export function isSignedByGateway(
  secret: string | undefined,
  body: string | undefined,
  timestamp: string | undefined,
  signature: string | undefined,
): boolean {
  if (!secret || body === undefined || !timestamp || !signature) return false;
  if (!(Math.abs(Date.now() - Date.parse(timestamp)) < MAX_SKEW_MS)) return false;
  // Only 64 hex digits can be a signature: anything else (64 non-ASCII characters are 128 bytes)
  // is refused before the constant-time compare, which throws on buffers of different lengths.
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signSmsRequest(secret, timestamp, body), 'hex'), Buffer.from(signature, 'hex'));
}

/** Posts each message to the configured gateway, signed, with the notification id as idempotency key. */
@Injectable()
export class HttpSmsProvider extends SmsProvider {
  readonly name = 'http';

  constructor(private readonly settings: SmsSettings) {
    super();
    if (!settings.SMS_HTTP_URL || !settings.SMS_HTTP_SECRET || !settings.SMS_HTTP_KEY_ID) {
      throw new Error('SMS_PROVIDER=http needs SMS_HTTP_URL, SMS_HTTP_KEY_ID and SMS_HTTP_SECRET');
    }
  }

  async send(message: OutgoingSms): Promise<SmsReceipt> {
    const body = JSON.stringify({ messageId: message.id, phone: message.phone, text: message.text });
    const timestamp = new Date().toISOString();
    let response: Response;
    try {
      response = await fetch(this.settings.SMS_HTTP_URL!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          'x-lingong-key-id': this.settings.SMS_HTTP_KEY_ID!,
          'x-lingong-timestamp': timestamp,
          'x-lingong-signature': signSmsRequest(this.settings.SMS_HTTP_SECRET!, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new SmsTemporaryFailure(`SMS gateway unreachable: ${(error as Error).message}`);
    }
    if (response.status === 429 || response.status >= 500) {
      throw new SmsTemporaryFailure(`SMS gateway answered ${response.status}`);
    }
    if (!response.ok) throw new Error(`SMS gateway refused the message: ${response.status}`);
    const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
    return { providerMessageId: typeof answer.id === 'string' ? answer.id : message.id };
  }
}
