import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BootstrapAdminSettings, OtpSettings, PagesSettings, ServiceUrlSettings } from '@lingong/config';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { AccountsRepository } from './accounts/accounts.repository';
import { SeekerErasureController } from './accounts/internal/seeker-erasure.controller';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { OtpRepository } from './auth/otp.repository';
import { StaffSignInFailuresRepository } from './auth/staff-sign-in-failures.repository';
import { DevSmsController } from './dev/dev-sms.controller';
import { DevSmsRepository } from './dev/dev-sms.repository';
import { KioskBoardClient } from './kiosk/kiosk-board.client';
import { KioskStreamController } from './kiosk/kiosk-stream.controller';
import { KioskStreamRepository } from './kiosk/kiosk-stream.repository';
import { KioskStreamService } from './kiosk/kiosk-stream.service';
import { StaffController } from './staff/staff.controller';
import { StaffService } from './staff/staff.service';
import { webEntities } from './web.entities';

/** The front door: sign-in, staff accounts, the kiosk boards' live stream, pages, and forwarding of `/api/*` to the services. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'web', settings: [BootstrapAdminSettings, OtpSettings, ServiceUrlSettings, PagesSettings] }),
    DatabaseModule.forRoot(webEntities),
    TypeOrmModule.forFeature(webEntities),
    ThrottlerModule.forRootAsync({
      inject: [OtpSettings],
      useFactory: (otp: OtpSettings) => [{ name: 'address', ttl: 3_600_000, limit: otp.OTP_PER_ADDRESS_PER_HOUR }],
    }),
  ],
  controllers: [AuthController, StaffController, DevSmsController, SeekerErasureController, KioskStreamController],
  providers: [
    AuthService,
    OtpRepository,
    AccountsRepository,
    StaffSignInFailuresRepository,
    StaffService,
    DevSmsRepository,
    KioskStreamService,
    KioskStreamRepository,
    KioskBoardClient,
  ],
})
export class WebModule {}
