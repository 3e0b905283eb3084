import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import {
  AuthSettings,
  DatabaseSettings,
  ListenSettings,
  RedisSettings,
  RuntimeSettings,
  SettingsModule,
  type SettingsClass,
} from '@lingong/config';
import { IdentityModule } from '@lingong/identity';
import { Clock } from './clock';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { HealthModule } from './health/health.module';
import { loggingModule } from './logging';
import { HostileBodyPipe } from './hostile-body.pipe';
import { NoBodyForActionsInterceptor } from './no-body-for-actions.interceptor';
import { createValidationPipe } from './validation';

export interface PlatformOptions {
  /** Names the app in logs. */
  service: string;
  /** Settings beyond runtime, database, Redis and auth, which every app reads. */
  settings?: SettingsClass[];
}

/** What every Lingong app shares: validated settings, JSON logs, the access guard, health checks, one error shape. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const settings = [RuntimeSettings, DatabaseSettings, RedisSettings, AuthSettings, ListenSettings, ...(options.settings ?? [])];
    return {
      module: PlatformModule,
      global: true,
      imports: [SettingsModule.forRoot(settings), loggingModule(options.service), IdentityModule, HealthModule],
      providers: [
        Clock,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Pipes run in this order: hostile shapes are refused before validation walks them.
        { provide: APP_PIPE, useClass: HostileBodyPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: NoBodyForActionsInterceptor },
      ],
      exports: [Clock],
    };
  }
}
