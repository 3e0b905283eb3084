import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisSettings } from '@lingong/config';
import { KIOSK_STREAM_MAXLEN, kioskOnBoardKey, kioskStreamKey, type KioskChangeType, type KioskStreamEntry } from '@lingong/queue';

/** The kiosk stream in Redis: the set of shifts last announced on the board, and the entries appended. */
@Injectable()
export class KioskFeedRepository implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly stream: string;
  private readonly onBoard: string;

  constructor(settings: RedisSettings) {
    // Fails fast when Redis is away, so the job is retried with backoff rather than hanging.
    this.redis = new Redis({
      host: settings.REDIS_HOST,
      port: settings.REDIS_PORT,
      password: settings.REDIS_PASSWORD,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    this.redis.on('error', () => undefined);
    this.stream = kioskStreamKey(settings.QUEUE_PREFIX);
    this.onBoard = kioskOnBoardKey(settings.QUEUE_PREFIX);
  }

  /** Notes whether the shift is on the board and says what that is for a screen: it opened, changed, or closed. */
  async mark(shiftId: string, onBoard: boolean): Promise<KioskChangeType> {
    if (onBoard) return (await this.redis.sadd(this.onBoard, shiftId)) === 1 ? 'shift.opened' : 'shift.updated';
    await this.redis.srem(this.onBoard, shiftId);
    return 'shift.closed';
  }

  async append(entry: KioskStreamEntry): Promise<string> {
    const id = await this.redis.xadd(this.stream, 'MAXLEN', '~', KIOSK_STREAM_MAXLEN, '*', 'entry', JSON.stringify(entry));
    return id!;
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
