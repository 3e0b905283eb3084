import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisSettings } from '@lingong/config';
import { kioskStreamKey, type KioskStreamEntry } from '@lingong/queue';

export interface StreamEntry {
  id: string;
  entry: KioskStreamEntry;
}

type RawEntries = [string, string[]][];

/** The kiosk stream as the front door reads it: one blocking reader for the fan-out, one connection for short reads. */
@Injectable()
export class KioskStreamRepository implements OnApplicationShutdown {
  private readonly reads: Redis;
  private readonly blocking: Redis;
  private readonly key: string;

  constructor(settings: RedisSettings) {
    const options = {
      host: settings.REDIS_HOST,
      port: settings.REDIS_PORT,
      password: settings.REDIS_PASSWORD,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    };
    this.reads = new Redis(options);
    this.blocking = new Redis(options);
    for (const client of [this.reads, this.blocking]) client.on('error', () => undefined);
    this.key = kioskStreamKey(settings.QUEUE_PREFIX);
  }

  /** The newest entry's id, `0-0` when the stream is empty or absent. */
  async lastId(): Promise<string> {
    const [last] = (await this.reads.xrevrange(this.key, '+', '-', 'COUNT', 1)) as RawEntries;
    return last?.[0] ?? '0-0';
  }

  /**
   * The ids that bound a resume: the last one the stream ever gave, and the newest one trimmed away
   * (Redis 7). A stream that is gone (Redis lost it) reads as new: `0-0` for both.
   */
  async bounds(): Promise<{ lastGenerated: string; maxDeleted: string }> {
    try {
      const info = (await this.reads.xinfo('STREAM', this.key)) as (string | number | null)[];
      const field = (name: string) => String(info[info.indexOf(name) + 1] ?? '0-0');
      return { lastGenerated: field('last-generated-id'), maxDeleted: field('max-deleted-entry-id') };
    } catch (error) {
      if (/no such key/i.test((error as Error).message)) return { lastGenerated: '0-0', maxDeleted: '0-0' };
      throw error;
    }
  }

  /** Entries after `id`, oldest first. */
  async after(id: string): Promise<StreamEntry[]> {
    return parse((await this.reads.xrange(this.key, `(${id}`, '+')) as RawEntries);
  }

  /** Waits up to `blockMs` for entries after `id` (on the connection kept for blocking reads). */
  async next(id: string, blockMs: number): Promise<StreamEntry[]> {
    const answer = (await this.blocking.xread('COUNT', 500, 'BLOCK', blockMs, 'STREAMS', this.key, id)) as [string, RawEntries][] | null;
    return answer ? parse(answer[0]![1]) : [];
  }

  onApplicationShutdown(): void {
    this.reads.disconnect();
    this.blocking.disconnect();
  }
}

function parse(raw: RawEntries): StreamEntry[] {
  return raw.flatMap(([id, fields]) => {
    const json = fields[fields.indexOf('entry') + 1];
    return json ? [{ id, entry: JSON.parse(json) as KioskStreamEntry }] : [];
  });
}

/** Stream ids (`<ms>-<seq>`) in order: negative, zero or positive. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt);
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt);
  return aMs === bMs ? Number(aSeq - bSeq) : aMs < bMs ? -1 : 1;
}
