/** One server-sent event as a client sees it. */
export interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/**
 * A server-sent events client for tests: reads the stream with fetch, keeps every event, and waits
 * for the one a test expects (with a deadline saying what it waited for).
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  status = 0;
  contentType?: string;
  retry?: number;
  private readonly controller = new AbortController();
  private done?: Promise<void>;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async open(): Promise<this> {
    const response = await fetch(this.url, { headers: { accept: 'text/event-stream', ...this.headers }, signal: this.controller.signal });
    this.status = response.status;
    this.contentType = response.headers.get('content-type') ?? undefined;
    if (!response.ok || !response.body) return this;
    this.done = this.pump(response.body).catch(() => undefined);
    return this;
  }

  /** Waits for an event after the first `skip` ones matching `match`. */
  async waitFor(what: string, match: (event: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}; saw ${JSON.stringify(this.events.map((event) => event.event))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    this.controller.abort();
    return this.done ?? Promise.resolve();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private parse(block: string): void {
    const event: Partial<SseEvent> & { lines: string[] } = { lines: [] };
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'event') event.event = value;
      else if (field === 'id') event.id = value;
      else if (field === 'data') event.lines.push(value);
      else if (field === 'retry') this.retry = Number(value);
    }
    if (event.lines.length === 0) return;
    this.events.push({ event: event.event ?? 'message', id: event.id, data: JSON.parse(event.lines.join('\n')) });
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}
