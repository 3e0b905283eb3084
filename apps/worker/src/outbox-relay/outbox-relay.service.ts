import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DatabaseSettings, OutboxSettings, RedisSettings } from '@lingong/config';
import { OUTBOX_CHANNEL } from '@lingong/outbox';
import { carriesPhone, defaultJobOptions, eventPriority, QueueName } from '@lingong/queue';
import { OutboxRepository, type PendingEvent } from './outbox.repository';

const BATCH_SIZE = 100;
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Moves committed outbox events onto the `domain-events` queue, job id = event id, so a relay
 * that retries after a crash never doubles a job. Woken by LISTEN/NOTIFY; polls as a fallback.
 * While Redis is down the events wait in PostgreSQL and go out once it is back.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly queue: Queue;
  private listener?: Client;
  private poller?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly database: DatabaseSettings,
    private readonly settings: OutboxSettings,
    redis: RedisSettings,
  ) {
    // A connection of its own that fails fast when Redis is away, instead of holding the transaction.
    this.queue = new Queue(QueueName.domainEvents, {
      prefix: redis.QUEUE_PREFIX,
      connection: {
        host: redis.REDIS_HOST,
        port: redis.REDIS_PORT,
        password: redis.REDIS_PASSWORD,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectionName: 'outbox-relay',
      },
      defaultJobOptions: defaultJobOptions[QueueName.domainEvents],
    });
    this.queue.on('error', (error) => this.logger.debug(`relay queue: ${error.message}`));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.poller = setInterval(() => this.wake(), this.settings.OUTBOX_POLL_MS);
    this.wake();
  }

  /** Relays everything pending; concurrent wake-ups fold into one more pass. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      let relayed: number;
      do {
        relayed = await this.relayBatch();
      } while (relayed === BATCH_SIZE && !this.stopped);
      if (this.failures > 0) this.logger.log('outbox relay recovered');
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      // Logged once per outage, not once per poll.
      if (this.failures === 1) this.logger.warn(`outbox relay paused, will retry: ${(error as Error).message}`);
    }
  }

  /**
   * For the sweep: relays events still waiting since before `before`, on its own path, for when
   * the relay itself stalled (a lost NOTIFY and a poll stuck behind a hung pass). Returns how many.
   */
  async relayLeftBehind(before: Date): Promise<number> {
    let total = 0;
    let relayed: number;
    do {
      relayed = await this.relayBatch(before);
      total += relayed;
    } while (relayed === BATCH_SIZE && !this.stopped);
    return total;
  }

  private relayBatch(before?: Date): Promise<number> {
    return this.outbox.transaction(async (manager) => {
      const events = await this.outbox.claimBatch(manager, BATCH_SIZE, before);
      if (events.length === 0) return 0;
      await this.enqueue(events);
      await this.outbox.markRelayed(
        manager,
        events.map((event) => event.id),
      );
      return events.length;
    });
  }

  private async enqueue(events: PendingEvent[]): Promise<void> {
    const jobs = events.map((event) => ({
      name: event.type,
      data: { eventId: event.id, type: event.type, payload: event.payload, occurredAt: event.created_at.toISOString() },
      // Background work (a shift's publishing) has a priority: BullMQ takes it after the events that send someone an SMS now.
      // A sign-in code must not linger in Redis (or on the staff queue board) once its SMS is written,
      // nor a phone once its work is done (a failed job stays for staff, until the phone is erased).
      opts: {
        jobId: event.id,
        ...(eventPriority(event.type) && { priority: eventPriority(event.type) }),
        ...(carriesPhone(event.type) && { removeOnComplete: true }),
        ...(event.type === 'auth.otp_requested' && { removeOnFail: { age: 3600 } }),
      },
    }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.queue.addBulk(jobs), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({
      host: this.database.DATABASE_HOST,
      port: this.database.DATABASE_PORT,
      user: this.database.DATABASE_USER,
      password: this.database.DATABASE_PASSWORD,
      database: this.database.DATABASE_NAME,
      application_name: 'lingong-outbox-relay',
    });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`outbox listener lost (${error.message}); polling until it is back`);
      this.listener = undefined;
      if (!this.stopped) setTimeout(() => void this.listen(), 2_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`outbox listener could not start (${(error as Error).message}); polling until it is back`);
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 5_000).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    await this.queue.close();
  }
}
