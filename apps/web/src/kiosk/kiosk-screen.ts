import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { KioskStreamEntry } from '@lingong/queue';
import type { KioskSnapshotAnswer } from './kiosk-board.client';
import type { KioskChange } from './kiosk-events.schema';
import { compareStreamIds, type StreamEntry } from './kiosk-stream.repository';

/**
 * One connected screen: writes server-sent events to it, for its street only when it has one, each
 * entry once and in order (entries that arrive while it catches up are held, then sent after).
 */
export class KioskScreen {
  private lastSent?: string;
  private held: StreamEntry[] | undefined = [];
  private closed = false;

  constructor(
    private readonly response: ServerResponse,
    readonly street: string | undefined,
    private readonly headers: OutgoingHttpHeaders,
  ) {
    response.on('close', () => (this.closed = true));
  }

  onClose(listener: () => void): void {
    this.response.on('close', listener);
  }

  /** Headers and the reconnect hint. No compression: each event must leave at once. */
  open(retryMs: number): void {
    this.response.writeHead(200, {
      ...this.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.write(`retry: ${retryMs}\n\n`);
  }

  sendSnapshot(id: string, snapshot: KioskSnapshotAnswer): void {
    this.event('snapshot', id, snapshot);
    this.lastSent = id;
  }

  /** Sends what the stream holds after `from`, then what arrived meanwhile; live from then on. */
  catchUp(from: string, entries: StreamEntry[]): void {
    this.lastSent = from;
    const held = this.held ?? [];
    this.held = undefined;
    for (const { id, entry } of [...entries, ...held]) this.send(id, entry);
  }

  send(id: string, entry: KioskStreamEntry): void {
    if (this.held) {
      this.held.push({ id, entry });
      return;
    }
    if (this.lastSent && compareStreamIds(id, this.lastSent) <= 0) return;
    this.lastSent = id;
    if (this.street && entry.shift.street !== this.street) return;
    const change: KioskChange = {
      type: entry.type,
      shiftId: entry.shift.id,
      ...(entry.type !== 'shift.closed' && 'title' in entry.shift && { shift: entry.shift }),
      figures: this.street ? entry.streetFigures : entry.figures,
    };
    this.event(entry.type, id, change);
  }

  /** An event rather than a comment, so the page can tell a live connection from a silently dead one. */
  heartbeat(): void {
    if (!this.held) this.write('event: heartbeat\ndata: {}\n\n');
  }

  end(): void {
    if (!this.closed) this.response.end();
    this.closed = true;
  }

  private event(name: string, id: string, data: unknown): void {
    this.write(`event: ${name}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(text: string): void {
    if (!this.closed) this.response.write(text);
  }
}
