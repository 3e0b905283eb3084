import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { KioskStreamEntry } from '@lingong/queue';
import { KioskBoardClient, type KioskSnapshotAnswer } from './kiosk-board.client';
import { compareStreamIds, KioskStreamRepository, type StreamEntry } from './kiosk-stream.repository';
import { KioskScreen } from './kiosk-screen';

/** A comment line this often keeps proxies from closing a quiet connection. */
export const HEARTBEAT_MS = 15_000;
/** How long a screen waits before reconnecting when the connection drops (the SSE `retry:`). */
export const RETRY_MS = 3_000;
const BLOCK_MS = 5_000;
/** Screens connecting within this long of each other share one snapshot (a hall reconnecting at once). */
const SNAPSHOT_SHARED_MS = 1_000;

/**
 * The live board's fan-out: ONE blocking read of the kiosk stream for the whole front door, handed
 * to every connected screen. A screen starts from a snapshot (or resumes after its Last-Event-ID),
 * so the database is read once per connection, never per screen per change.
 */
@Injectable()
export class KioskStreamService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(KioskStreamService.name);
  private readonly screens = new Set<KioskScreen>();
  private readonly snapshots = new Map<string, { until: number; answer: Promise<{ lastId: string; snapshot: KioskSnapshotAnswer }> }>();
  private running = false;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly stream: KioskStreamRepository,
    private readonly board: KioskBoardClient,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    void this.read();
    this.heartbeat = setInterval(() => this.screens.forEach((screen) => screen.heartbeat()), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Screens are ended first, so closing the server does not wait on their open connections. */
  onModuleDestroy(): void {
    this.running = false;
    clearInterval(this.heartbeat);
    for (const screen of this.screens) screen.end();
    this.screens.clear();
  }

  get connected(): number {
    return this.screens.size;
  }

  /**
   * Starts a screen: from `lastEventId` when the stream still holds everything after it, else from
   * a snapshot. Entries arriving meanwhile are held and sent after, in order, none twice.
   */
  async attach(screen: KioskScreen, lastEventId: string | undefined): Promise<void> {
    this.screens.add(screen);
    screen.onClose(() => this.screens.delete(screen));
    try {
      let from = lastEventId && (await this.resumable(lastEventId)) ? lastEventId : undefined;
      if (!from) {
        const { lastId, snapshot } = await this.snapshot(screen.street);
        screen.open(RETRY_MS);
        screen.sendSnapshot(lastId, snapshot);
        from = lastId;
      } else {
        screen.open(RETRY_MS);
      }
      screen.catchUp(from, await this.stream.after(from));
    } catch (error) {
      this.screens.delete(screen);
      throw error;
    }
  }

  /** Resume only when no entry after `id` was trimmed away and the stream is not younger than `id` (Redis lost it). */
  private async resumable(id: string): Promise<boolean> {
    const { lastGenerated, maxDeleted } = await this.stream.bounds();
    return compareStreamIds(maxDeleted, id) <= 0 && compareStreamIds(id, lastGenerated) <= 0;
  }

  /** The stream's last id is read BEFORE the board, so replaying what follows it can only repeat, never miss. */
  private snapshot(street: string | undefined): Promise<{ lastId: string; snapshot: KioskSnapshotAnswer }> {
    const key = street ?? '';
    const shared = this.snapshots.get(key);
    if (shared && shared.until > Date.now()) return shared.answer;
    const answer = (async () => {
      const lastId = await this.stream.lastId();
      return { lastId, snapshot: await this.board.snapshot(street) };
    })();
    this.snapshots.set(key, { until: Date.now() + SNAPSHOT_SHARED_MS, answer });
    answer.catch(() => this.snapshots.delete(key));
    return answer;
  }

  private async read(): Promise<void> {
    let after: string | undefined;
    while (this.running) {
      try {
        after ??= await this.stream.lastId();
        const entries = await this.stream.next(after, BLOCK_MS);
        if (entries.length > 0) {
          after = entries.at(-1)!.id;
          this.fanOut(entries);
        } else if (compareStreamIds(await this.stream.lastId(), after) < 0) {
          // The stream is behind what we read (Redis lost it): every screen starts again from a snapshot.
          this.logger.warn('the kiosk stream was reset; screens reconnect');
          after = undefined;
          for (const screen of this.screens) screen.end();
        }
      } catch (error) {
        if (!this.running) return;
        this.logger.warn(`kiosk stream read failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private fanOut(entries: StreamEntry[]): void {
    for (const screen of this.screens) for (const { id, entry } of entries) screen.send(id, entry);
  }
}

export type { KioskStreamEntry };
