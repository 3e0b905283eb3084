import { OutboxEvent } from '@lingong/outbox';
import { Account } from './accounts/account.entity';
import { OtpCode } from './auth/otp-code.entity';

export const webEntities = [Account, OtpCode, OutboxEvent];
