import { Module } from '@nestjs/common';
import { SmsSettings } from '@lingong/config';
import { HttpSmsProvider } from './http-sms.provider';
import { LogSmsProvider } from './log-sms.provider';
import { SmsProvider } from './sms-provider';

/** The provider named by SMS_PROVIDER, injectable as `SmsProvider`. */
@Module({
  providers: [
    {
      provide: SmsProvider,
      inject: [SmsSettings],
      useFactory: (settings: SmsSettings): SmsProvider =>
        settings.SMS_PROVIDER === 'http' ? new HttpSmsProvider(settings) : new LogSmsProvider(),
    },
  ],
  exports: [SmsProvider],
})
export class SmsModule {}
