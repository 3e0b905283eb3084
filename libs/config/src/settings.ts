import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsMainlandPhone, LONGWAN_MINIMUM_WAGE_TIER, minimumWageTiers, ToMainlandPhone, type MinimumWageTier } from '@lingong/domain';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

/** One class per concern; each app composes the ones it needs (the worker never reads HTTP settings). */

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes'].includes(value.toLowerCase()) : value;

export class RuntimeSettings {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Human-readable logs for `npm run demo`; JSON otherwise. */
  @Transform(toBoolean)
  @IsBoolean()
  LOG_PRETTY = false;

  /**
   * GET /api/dev/sms, the `log` provider's inbox (sign-in codes included): off unless switched on,
   * answered only to requests from this machine (loopback), and refused at start in production.
   */
  @Transform(toBoolean)
  @IsBoolean()
  @ValidateBy({
    name: 'offInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        !(value === true && (args?.object as RuntimeSettings).NODE_ENV === 'production'),
      defaultMessage: () => 'DEV_SMS_INBOX must be false when NODE_ENV=production: the inbox shows sign-in codes',
    },
  })
  DEV_SMS_INBOX = false;
}

export class DatabaseSettings {
  @IsString()
  DATABASE_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  DATABASE_PORT = 5432;

  @IsString()
  DATABASE_USER = 'postgres';

  @IsString()
  DATABASE_PASSWORD = '';

  @IsString()
  @MinLength(1)
  DATABASE_NAME = 'lingong';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;
}

export class RedisSettings {
  @IsString()
  REDIS_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  REDIS_PORT = 6379;

  @IsOptional()
  @IsString()
  REDIS_PASSWORD?: string;

  /** BullMQ key prefix; tests give each file its own. */
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'lingong';
}

/** Personal data kept protected (worker-profile). */
export class PrivacySettings {
  /**
   * HMAC key for resident-ID hashes, its own so that rotating the sign-in secret keeps duplicate
   * detection working. Changing it orphans the stored hashes: set it once, keep it. (Before it
   * existed the hashes were keyed with JWT_SECRET; an older deployment sets it to that value.)
   * The worker app also keys with it (separately labelled) the short-lived phone hashes of erasures.
   */
  @IsString()
  @MinLength(32, { message: 'RESIDENT_ID_KEY must be at least 32 characters' })
  RESIDENT_ID_KEY!: string;
}

export class AuthSettings {
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;
}

export class BootstrapAdminSettings {
  @ToMainlandPhone()
  @IsMainlandPhone({ message: 'BOOTSTRAP_ADMIN_PHONE must be a mainland mobile number' })
  BOOTSTRAP_ADMIN_PHONE!: string;

  @IsString()
  @MinLength(8, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters' })
  BOOTSTRAP_ADMIN_PASSWORD!: string;
}

export class OtpSettings {
  /** Sign-ins from one network address per hour: generous, since a whole hall shares one connection. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  OTP_PER_ADDRESS_PER_HOUR = 200;
}

export class SmsSettings {
  @IsIn(['log', 'http'])
  SMS_PROVIDER: 'log' | 'http' = 'log';

  /** The gateway's address and credentials: required with SMS_PROVIDER=http, so a gap stops the start with the rest. */
  @ValidateIf((sms: SmsSettings) => sms.SMS_PROVIDER === 'http')
  @IsUrl({ require_tld: false }, { message: 'SMS_HTTP_URL must be the gateway URL when SMS_PROVIDER=http' })
  SMS_HTTP_URL?: string;

  @ValidateIf((sms: SmsSettings) => sms.SMS_PROVIDER === 'http')
  @IsNotEmpty({ message: 'SMS_HTTP_KEY_ID is required when SMS_PROVIDER=http' })
  @IsString()
  SMS_HTTP_KEY_ID?: string;

  @ValidateIf((sms: SmsSettings) => sms.SMS_PROVIDER === 'http')
  @IsNotEmpty({ message: 'SMS_HTTP_SECRET is required when SMS_PROVIDER=http' })
  @IsString()
  SMS_HTTP_SECRET?: string;

  @IsString()
  SMS_SIGNATURE = '【龙湾零工市场】';

  /** Non-urgent SMS wait out these hours (market time); `off` disables (tests do). */
  @Matches(/^(\d{2}:\d{2}-\d{2}:\d{2}|off)$/, { message: 'SMS_QUIET_HOURS must be HH:MM-HH:MM or off' })
  SMS_QUIET_HOURS = '22:00-07:00';

  /** Alerts about new gigs one phone gets in 24 hours at most: enough to find work, not enough to drown in. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  SMS_ALERTS_PER_PHONE_PER_DAY = 5;

  /**
   * Alerts one new shift sends at most. A street of a large market holds tens of thousands of
   * seekers; a shift of a few places needs hundreds told, and each message costs the market. Past
   * the cap, priority groups are told first, then a draw that differs from shift to shift.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  SMS_ALERTS_PER_SHIFT = 1_000;
}

/** The pages the front door serves: the built client (`npm run build:client`). */
export class PagesSettings {
  /** Where the built pages are, relative to the working directory. */
  @IsString()
  @MinLength(1)
  CLIENT_DIR = 'dist/client';

  /**
   * Who may show the kiosk board in a frame (CSP frame-ancestors), e.g. a hall's signage player:
   * `'self'` by default. Every other page may be framed by nobody.
   */
  @Matches(/^('none'|'self'|https?:\/\/[^\s;,]+)( ('self'|https?:\/\/[^\s;,]+))*$/, {
    message: "KIOSK_FRAME_ANCESTORS must be 'none', 'self' or origins separated by spaces",
  })
  KIOSK_FRAME_ANCESTORS = "'self'";
}

export class ServiceUrlSettings {
  @IsUrl({ require_tld: false })
  JOB_POSTING_URL = 'http://127.0.0.1:3001';

  @IsUrl({ require_tld: false })
  WORKER_PROFILE_URL = 'http://127.0.0.1:3002';

  @IsUrl({ require_tld: false })
  MATCHING_URL = 'http://127.0.0.1:3003';

  /** The front door, for its internal routes (a seeker's erasure removes their sign-in account there). */
  @IsUrl({ require_tld: false })
  WEB_URL = 'http://127.0.0.1:3000';
}

/** Where each app listens; the front door forwards to the services at ServiceUrlSettings. */
export class ListenSettings {
  @IsString()
  HOST = '0.0.0.0';

  /**
   * Which proxies may say who the client is (X-Forwarded-For): `false` (the default: the address
   * that connected, as when the front door is reached directly), `true` (any hop: only behind a
   * proxy that overwrites the header), or the proxies' addresses / CIDRs, comma-separated.
   * Trusting a header clients write lets anyone escape the per-address sign-in cap.
   */
  @Matches(/^(false|true|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be false, true, or addresses/CIDRs separated by commas',
  })
  TRUST_PROXY = 'false';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WEB_PORT = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  JOB_POSTING_PORT = 3001;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PROFILE_PORT = 3002;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  MATCHING_PORT = 3003;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3004;
}

export class OutboxSettings {
  /** The relay is woken by LISTEN/NOTIFY; this poll is the fallback when a notification is missed. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 1000;
}

/** The worker's sweep: work left behind (overdue offers, messages and events without a live job, interrupted dispatch) is finished or re-queued. */
export class SweepSettings {
  /** How often the sweep runs, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(3600)
  SWEEP_EVERY_SECONDS = 60;
}

/** Market rules that change with policy, not code. */
export class MarketRuleSettings {
  /** Zhejiang minimum-wage tier of the market's district (Longwan: tier 1); see libs/domain/src/minimum-wage.ts. */
  @Type(() => Number)
  @IsIn(minimumWageTiers)
  MINIMUM_WAGE_TIER: MinimumWageTier = LONGWAN_MINIMUM_WAGE_TIER;

  /** A seeker's cancellation this close to the start counts as late (against reliability, less than a no-show). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(168)
  LATE_CANCELLATION_HOURS = 12;

  /** An employer cancelling this close to the start owes each booked seeker compensation… */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(168)
  EMPLOYER_LATE_CANCELLATION_HOURS = 24;

  /** …of this many hours' pay (at the booking's pay, at least the minimum wage). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(24)
  EMPLOYER_CANCELLATION_COMPENSATION_HOURS = 4;

  /** Check-in opens this many minutes before the start. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(240)
  CHECK_IN_OPENS_MINUTES = 30;
}

/** How shifts are offered by SMS. */
export class OfferSettings {
  /** An offer stands this long (shorter when the start is near), then the next candidate is asked. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  OFFER_MINUTES = 30;

  /** Offers out at once per remaining place. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  OFFERS_PER_PLACE = 2;

  /** HMAC key the SMS gateway signs inbound replies with; empty refuses every inbound message. */
  @IsOptional()
  @IsString()
  SMS_INBOUND_SECRET?: string;
}

/** Reminders of booked work (market time, UTC+8). */
export class ReminderSettings {
  /** The evening before a shift, at this hour, the seeker is asked by SMS to reply 1 if they are coming. */
  @Type(() => Number)
  @IsInt()
  @Min(12)
  @Max(23)
  REMINDER_EVENING_HOUR = 18;

  /**
   * A booking still unconfirmed this long before the start is released and offered to the next
   * candidate (moved to the evening before when it would fall in the quiet hours).
   */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(24 * 60)
  ATTENDANCE_CONFIRM_BY_MINUTES = 180;

  /** A last reminder this long before the start. */
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(24 * 60)
  REMINDER_BEFORE_START_MINUTES = 120;
}
