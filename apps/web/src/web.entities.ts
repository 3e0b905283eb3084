import { OutboxEvent } from '@lingong/outbox';
import { Account } from './accounts/account.entity';
import { OtpCode } from './auth/otp-code.entity';
import { StaffSignInFailure } from './auth/staff-sign-in-failure.entity';

export const webEntities = [Account, OtpCode, StaffSignInFailure, OutboxEvent];
