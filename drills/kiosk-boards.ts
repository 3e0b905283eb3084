import Redis from 'ioredis';
import { shiftInput } from '../test/support/people';
import { SseClient } from '../test/support/sse';
import { waitFor } from '../test/support/wait-for';
import { check, size, type Drill } from './drill';
import { Api, inParallel } from './support/api';
import { Cluster } from './support/cluster';

/**
 * Kiosk boards on the event stream during a publish storm: hundreds of screens hold
 * `GET /api/kiosk/stream` open while shifts are published and some cancelled at once. Every
 * board must receive every entry the worker wrote to the kiosk stream after its snapshot, in
 * order, none twice, and so show exactly the open shifts.
 */
export const kioskBoards: Drill = {
  name: 'kiosk-boards',
  what: '500 kiosk boards on the event stream during a publish storm: every board sees every change',
  ci: true,
  async run(options) {
    const boardCount = size('KIOSK_BOARDS', 500, 200, options);
    const published = size('KIOSK_SHIFTS', 200, 60, options);
    const cancelled = Math.floor(published / 5);
    const cluster = await new Cluster().start();
    const boards: SseClient[] = [];
    const redis = new Redis({ host: '127.0.0.1', port: cluster.servers.redisPort });
    try {
      const api = new Api(cluster.url);
      const staff = await api.signInAdmin();
      const employer = await api.verifiedEmployer('13600000901', staff);
      options.log(`opening ${boardCount} boards`);
      await inParallel(Array.from({ length: boardCount }, (_, i) => i), 50, async () => {
        const board = await new SseClient(`${cluster.url}/api/kiosk/stream`).open();
        boards.push(board);
        if (board.status !== 200) throw new Error(`a board was answered ${board.status}`);
        await board.waitFor('its snapshot', (event) => event.event === 'snapshot', 60_000);
      });

      options.log(`publishing ${published} shifts, cancelling ${cancelled}`);
      const stormStarted = Date.now();
      const ids = await inParallel(Array.from({ length: published }, (_, i) => i), 10, async (i) => {
        const input = shiftInput({ publish: true, headcount: 1 + (i % 5), title: `看板风暴 ${i}` }, 2 + (i % 5));
        return (await api.expect<{ id: string }>(201, api.post('/api/shifts', employer.token, input), 'publishing')).id;
      });
      await inParallel(ids.slice(0, cancelled), 10, (id) => api.expect(200, api.post(`/api/shifts/${id}/cancel`, employer.token, { reason: '订单取消' }), 'cancelling'));
      const stormMs = Date.now() - stormStarted;

      // The stream is complete once every published shift opened and every cancelled one closed on it.
      const key = `${cluster.queuePrefix}:kiosk`;
      const entries = async () => ((await redis.xrange(key, '-', '+')) as [string, string[]][]).map(([id, fields]) => ({ id, body: fields.join(' ') }));
      const stream = await waitFor(
        'the kiosk stream to carry every change',
        entries,
        (all) => ids.every((id) => all.some((entry) => entry.body.includes(id))) && ids.slice(0, cancelled).every((id) => all.some((entry) => entry.body.includes(id) && entry.body.includes('shift.closed'))),
        180_000,
      );
      const lastId = stream.at(-1)!.id;
      const settled = Date.now();
      await waitFor(
        'every board to receive the last change',
        async () => boards.filter((board) => board.events.some((event) => event.id === lastId)).length,
        (count) => count === boards.length,
        120_000,
      ).catch((error: unknown) => options.log(String(error)));
      const fanOutMs = Date.now() - settled;

      const open = new Set(((await cluster.db.query(`SELECT id FROM shifts WHERE status = 'open'`)).rows as { id: string }[]).map((row) => row.id));
      let missed = 0;
      let duplicated = 0;
      let outOfOrder = 0;
      let wrongBoards = 0;
      for (const board of boards) {
        const snapshot = board.events.find((event) => event.event === 'snapshot')!;
        const expected = stream.filter((entry) => compareIds(entry.id, snapshot.id!) > 0).map((entry) => entry.id);
        const received = board.events.filter((event) => event.event.startsWith('shift.')).map((event) => event.id!);
        const seen = new Set(received);
        missed += expected.filter((id) => !seen.has(id)).length;
        duplicated += received.length - seen.size;
        outOfOrder += received.filter((id, i) => i > 0 && compareIds(id, received[i - 1]!) < 0).length;
        if (!sameSet(shown(board), open)) wrongBoards += 1;
      }
      const problems: string[] = [];
      check(problems, missed === 0, `${missed} changes missed across the boards`);
      check(problems, duplicated === 0, `${duplicated} changes received twice`);
      check(problems, outOfOrder === 0, `${outOfOrder} changes out of order`);
      check(problems, wrongBoards === 0, `${wrongBoards} boards do not show exactly the open shifts`);
      return {
        counts: { boards: boards.length, changes: stream.length, missed, duplicated, 'out of order': outOfOrder, 'boards wrong': wrongBoards },
        notes: [`${published} published and ${cancelled} cancelled in ${stormMs} ms; the last change reached every board ${fanOutMs} ms after it was written`],
        problems,
      };
    } finally {
      await Promise.all(boards.map((board) => board.close()));
      redis.disconnect();
      await cluster.close();
    }
  },
};

/** The shift ids a board shows after folding its events, as the page does. */
function shown(board: SseClient): Set<string> {
  const ids = new Set<string>();
  for (const { event, data } of board.events) {
    if (event === 'snapshot') {
      ids.clear();
      (data as { shifts: { id: string }[] }).shifts.forEach((shift) => ids.add(shift.id));
    } else if (event === 'shift.closed') ids.delete((data as { shiftId: string }).shiftId);
    else if (event.startsWith('shift.')) ids.add((data as { shiftId: string }).shiftId);
  }
  return ids;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** Orders Redis stream ids (`ms-seq`). */
function compareIds(a: string, b: string): number {
  const [am = 0n, as = 0n] = a.split('-').map(BigInt);
  const [bm = 0n, bs = 0n] = b.split('-').map(BigInt);
  return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}
