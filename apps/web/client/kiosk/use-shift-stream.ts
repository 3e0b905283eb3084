import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { MARKET_OFFSET_MS } from '@lingong/domain';
import { applyChange, fromSnapshot, type Board, type KioskChange, type KioskSnapshot } from './board';

/** No event (not even a heartbeat, sent every 15 s) for this long: the connection is dead, start a new one. */
const SILENCE_MS = 40_000;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;
const CHANGES = ['shift.opened', 'shift.updated', 'shift.closed'] as const;

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The live board: a snapshot, then every change, from `GET /api/kiosk/stream`. EventSource
 * reconnects by itself after a dropped connection (resuming with Last-Event-ID); when it gives up
 * (the server answered an error) or goes silent, this starts a new one, resuming by `lastEventId`,
 * with growing pauses. At market midnight it starts afresh so today's figures start from zero.
 */
export function useShiftStream(street: string | undefined) {
  const board = shallowRef<Board>({ shifts: [], figures: undefined });
  const status = ref<StreamStatus>('connecting');
  let source: EventSource | undefined;
  let lastEventId: string | undefined;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;
  let midnightTimer: ReturnType<typeof setTimeout> | undefined;

  function url(): string {
    const params = new URLSearchParams();
    if (street) params.set('street', street);
    if (lastEventId) params.set('lastEventId', lastEventId);
    const query = params.toString();
    return `/api/kiosk/stream${query ? `?${query}` : ''}`;
  }

  function heard(event: MessageEvent<string>): void {
    if (event.lastEventId) lastEventId = event.lastEventId;
    status.value = 'live';
    retryMs = RETRY_MIN_MS;
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => reconnect(0), SILENCE_MS);
  }

  function connect(): void {
    source?.close();
    const current = new EventSource(url());
    source = current;
    current.addEventListener('snapshot', (event) => {
      heard(event);
      board.value = fromSnapshot(JSON.parse(event.data) as KioskSnapshot);
    });
    for (const type of CHANGES) {
      current.addEventListener(type, (event) => {
        heard(event);
        board.value = applyChange(board.value, JSON.parse(event.data) as KioskChange);
      });
    }
    current.addEventListener('heartbeat', heard);
    current.onerror = () => {
      status.value = 'reconnecting';
      // CONNECTING: the browser retries by itself. CLOSED: it gave up (an error answer); we try again.
      if (current.readyState === EventSource.CLOSED) reconnect(retryMs);
    };
    silenceTimer = setTimeout(() => reconnect(0), SILENCE_MS);
  }

  function reconnect(afterMs: number): void {
    source?.close();
    clearTimeout(silenceTimer);
    clearTimeout(retryTimer);
    status.value = 'reconnecting';
    retryTimer = setTimeout(connect, afterMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  }

  function scheduleMidnight(): void {
    const dayMs = 86_400_000;
    const now = Date.now();
    const nextMidnight = Math.floor((now + MARKET_OFFSET_MS) / dayMs + 1) * dayMs - MARKET_OFFSET_MS;
    midnightTimer = setTimeout(
      () => {
        lastEventId = undefined;
        reconnect(0);
        scheduleMidnight();
      },
      nextMidnight - now + 1_000,
    );
  }

  onMounted(() => {
    connect();
    scheduleMidnight();
  });
  onBeforeUnmount(() => {
    source?.close();
    [retryTimer, silenceTimer, midnightTimer].forEach((timer) => clearTimeout(timer));
  });

  return { board, status };
}
