import { QueueEvents } from 'bullmq';
import { waitFor } from '../test/support/wait-for';
import { check, size, type Drill, type DrillOptions } from './drill';
import { Api, inParallel, phoneOf } from './support/api';
import { Cluster, type AppName } from './support/cluster';
import { DrillGateway } from './support/gateway';

/** Gateways answer in a fifth of a second or so; a worker's sends are bound by that wait, not by its CPU. */
const GATEWAY_ANSWER_MS = 200;

interface Phase {
  delivered: number;
  tookMs: number;
  lost: number;
  duplicateSms: number;
  /** Outbox events added to the event queue more than once (BullMQ's `duplicated` event) */
  doubleRelays: number;
  /** Jobs that completed more than once. */
  processedTwice: number;
  resent: number;
}

/**
 * Two of everything: two instances of each HTTP service and three workers on the same PostgreSQL
 * and Redis (each front door forwarding to its own pair of services), against one of each. The
 * same batch of sign-in codes goes through both (the requests spread over the front doors; the
 * outbox relay, event handling and sends shared by the workers). Nothing may be done twice: no
 * outbox event relayed twice, no job completed twice, no phone sent two codes. And the batch
 * should go through faster with more workers.
 */
export const twoOfEverything: Drill = {
  name: 'two-of-everything',
  what: 'two of each HTTP service and three workers: nothing processed twice (no duplicate SMS, no double relay), throughput growing',
  ci: false,
  async run(options) {
    const total = size('SCALE_SMS', 1500, 600, options);
    const single = await phase(options, total, { web: 1, 'job-posting': 1, 'worker-profile': 1, matching: 1, worker: 1 }, 0);
    options.log(`one of each: ${total} SMS in ${single.tookMs} ms`);
    const scaled = await phase(options, total, { web: 2, 'job-posting': 2, 'worker-profile': 2, matching: 2, worker: 3 }, 1);
    options.log(`two of everything: ${total} SMS in ${scaled.tookMs} ms`);
    const rate = (p: Phase) => (p.delivered / p.tookMs) * 1000;
    const problems: string[] = [];
    for (const [name, p] of [
      ['one of each', single],
      ['two of everything', scaled],
    ] as const) {
      check(problems, p.lost === 0, `${name}: ${p.lost} phones got no code`);
      check(problems, p.duplicateSms === 0, `${name}: ${p.duplicateSms} phones got two codes`);
      check(problems, p.doubleRelays === 0, `${name}: ${p.doubleRelays} outbox events relayed twice`);
      check(problems, p.processedTwice === 0, `${name}: ${p.processedTwice} jobs completed twice`);
    }
    check(problems, rate(scaled) > rate(single), `throughput did not grow: ${rate(single).toFixed(1)} SMS/s with one of each, ${rate(scaled).toFixed(1)} with more`);
    return {
      counts: {
        SMS: total * 2,
        'duplicate SMS': single.duplicateSms + scaled.duplicateSms,
        'double relays': single.doubleRelays + scaled.doubleRelays,
        'processed twice': single.processedTwice + scaled.processedTwice,
        'SMS/s with one of each': rate(single).toFixed(1),
        'SMS/s with two of everything': rate(scaled).toFixed(1),
      },
      notes: [
        `each run: ${total} sign-in codes asked for (40 at once, spread over the front doors) until every code reached the gateway (${GATEWAY_ANSWER_MS} ms per answer); one of each ${single.tookMs} ms, two of everything (3 workers) ${scaled.tookMs} ms (×${(rate(scaled) / rate(single)).toFixed(2)})`,
      ],
      problems,
    };
  },
};

async function phase(options: DrillOptions, total: number, instances: Record<AppName, number>, run: number): Promise<Phase> {
  const gateway = new DrillGateway(GATEWAY_ANSWER_MS);
  await gateway.start();
  const cluster = await new Cluster({ instances, appEnv: { worker: gateway.settings() } }).start();
  const connection = { host: '127.0.0.1', port: cluster.servers.redisPort };
  const completions = new Map<string, number>();
  let doubleRelays = 0;
  const listeners = ['domain-events', 'notifications'].map((queue) => {
    const events = new QueueEvents(queue, { prefix: cluster.queuePrefix, connection });
    events.on('completed', ({ jobId }) => completions.set(`${queue}:${jobId}`, (completions.get(`${queue}:${jobId}`) ?? 0) + 1));
    if (queue === 'domain-events') events.on('duplicated', () => (doubleRelays += 1));
    return events;
  });
  try {
    await Promise.all(listeners.map((events) => events.waitUntilReady()));
    const doors = Array.from({ length: instances.web }, (_, i) => new Api(cluster.urlOf('web', i)));
    const phones = Array.from({ length: total }, (_, i) => phoneOf('1370', 6_000_000 + run * 100_000 + i));
    const started = Date.now();
    await inParallel(phones, 40, (phone, i) => {
      const api = doors[i % doors.length]!;
      return api.expect(202, api.post('/api/auth/otp', undefined, { phone }), `a code for ${phone}`);
    });
    await waitFor('every code to reach the gateway', () => Promise.resolve(gateway.delivered.size), (count) => count >= total, 600_000).catch((error: unknown) => options.log(String(error)));
    const tookMs = Date.now() - started;
    // Let a late duplicate show itself: the queues drain and the events arrive.
    await waitFor(
      'the queues to drain',
      async () => (await cluster.db.query(`SELECT count(*)::int AS n FROM notifications WHERE status IN ('queued', 'sending')`)).rows[0].n as number,
      (left) => left === 0,
      60_000,
    ).catch(() => undefined);
    await new Promise((settle) => setTimeout(settle, 2000));
    const rows = (await cluster.db.query(`SELECT count(*)::int AS n, count(DISTINCT phone)::int AS phones FROM notifications`)).rows[0] as { n: number; phones: number };
    return {
      delivered: gateway.delivered.size,
      tookMs,
      lost: phones.filter((phone) => !gateway.deliveredByPhone.has(phone)).length,
      duplicateSms: [...gateway.deliveredByPhone.values()].filter((count) => count > 1).length + (rows.n - rows.phones),
      doubleRelays,
      processedTwice: [...completions.values()].filter((count) => count > 1).length,
      resent: gateway.resent(),
    };
  } finally {
    await Promise.all(listeners.map((events) => events.close()));
    await cluster.close();
    await gateway.stop();
  }
}
