export interface OutgoingSms {
  /** The notification row's id: the provider's idempotency key, so a retried send is one message. */
  id: string;
  phone: string;
  text: string;
}

export interface SmsReceipt {
  providerMessageId: string;
}

/** Thrown when a send may succeed if tried again later (gateway down, throttled). */
export class SmsTemporaryFailure extends Error {}

export abstract class SmsProvider {
  abstract readonly name: 'log' | 'http';
  abstract send(message: OutgoingSms): Promise<SmsReceipt>;
}
