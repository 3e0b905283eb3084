import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisSettings } from '@lingong/config';
import Redis from 'ioredis';

/** Pings Redis on a connection of its own that fails fast instead of queueing commands while down. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(
    settings: RedisSettings,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = new Redis({
      host: settings.REDIS_HOST,
      port: settings.REDIS_PORT,
      password: settings.REDIS_PASSWORD,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectionName: 'health',
    });
    this.client.on('error', () => undefined); // reported through the readiness check, not as crashes
  }

  ping() {
    return this.health
      .check('redis')
      .attempt(async () => {
        if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
        await this.client.ping();
      })
      .withTimeout(1500);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
