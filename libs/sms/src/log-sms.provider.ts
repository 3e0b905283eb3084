import { Injectable } from '@nestjs/common';
import { OutgoingSms, SmsProvider, SmsReceipt } from './sms-provider';

/**
 * Development provider: sends nothing. The notification row is the message, readable at
 * `GET /api/dev/sms` outside production.
 */
@Injectable()
export class LogSmsProvider extends SmsProvider {
  readonly name = 'log';

  send(message: OutgoingSms): Promise<SmsReceipt> {
    return Promise.resolve({ providerMessageId: `log-${message.id}` });
  }
}
