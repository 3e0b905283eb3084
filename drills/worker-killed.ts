import { QueueEvents } from 'bullmq';
import { waitFor } from '../test/support/wait-for';
import { check, size, type Drill } from './drill';
import { Api, inParallel, phoneOf } from './support/api';
import { Cluster } from './support/cluster';
import { DrillGateway } from './support/gateway';

/**
 * The worker killed (SIGKILL) mid-batch: thousands of people ask for a sign-in code at once (one
 * SMS each, through the outbox, the event queue and the SMS queue to a gateway that takes 20 ms
 * to answer); when a third are delivered the worker dies with jobs active and sends in flight,
 * and a new one starts. BullMQ must find the dead worker's jobs stalled and run them again, and
 * the idempotency key must keep a resend from reaching the phone twice: every phone gets its one
 * code, none two.
 */
export const workerKilled: Drill = {
  name: 'worker-killed',
  what: 'the worker killed (SIGKILL) mid-batch of 5,000 SMS: 0 lost, 0 duplicated, stalled jobs recovered',
  ci: false,
  async run(options) {
    const total = size('WORKER_KILLED_SMS', 5000, 1000, options);
    const gateway = new DrillGateway(20);
    await gateway.start();
    const cluster = await new Cluster({ appEnv: { worker: gateway.settings() } }).start();
    const connection = { host: '127.0.0.1', port: cluster.servers.redisPort };
    const stalled = new Map<string, Set<string>>();
    const listeners = ['notifications', 'domain-events'].map((queue) => {
      const events = new QueueEvents(queue, { prefix: cluster.queuePrefix, connection });
      events.on('stalled', ({ jobId }) => {
        if (!stalled.has(queue)) stalled.set(queue, new Set());
        stalled.get(queue)!.add(jobId);
      });
      return events;
    });
    try {
      await Promise.all(listeners.map((events) => events.waitUntilReady()));
      const api = new Api(cluster.url);
      const phones = Array.from({ length: total }, (_, i) => phoneOf('1370', 5_000_000 + i));
      options.log(`${total} sign-in codes asked for`);
      const started = Date.now();
      let killedAt = 0;
      const asking = inParallel(phones, 20, (phone) => api.expect(202, api.post('/api/auth/otp', undefined, { phone }), `a code for ${phone}`));
      await waitFor('a third of the codes to be delivered', () => Promise.resolve(gateway.delivered.size), (count) => count >= total / 3, 600_000);
      const [worker] = cluster.running('worker');
      const activeAtKill = (await cluster.db.query(`SELECT count(*)::int AS n FROM notifications WHERE status = 'sending'`)).rows[0].n as number;
      await worker!.kill();
      killedAt = Date.now();
      options.log(`worker killed at ${gateway.delivered.size} delivered (${activeAtKill} sends in flight); a new one starts`);
      await cluster.startApp('worker', 0);
      await asking;
      const settled = await waitFor(
        'every message to be settled',
        async () => (await cluster.db.query(`SELECT status, count(*)::int AS n FROM notifications GROUP BY status`)).rows as { status: string; n: number }[],
        (rows) => rows.every((row) => !['queued', 'sending'].includes(row.status)) && rows.reduce((sum, row) => sum + row.n, 0) >= total,
        600_000,
      );
      const tookMs = Date.now() - started;
      const byStatus = Object.fromEntries(settled.map((row) => [row.status, row.n]));
      const rows = (await cluster.db.query(`SELECT count(*)::int AS n, count(DISTINCT phone)::int AS phones FROM notifications WHERE kind = 'otp'`)).rows[0] as { n: number; phones: number };
      const lost = phones.filter((phone) => !gateway.deliveredByPhone.has(phone)).length;
      const duplicated = [...gateway.deliveredByPhone.values()].filter((count) => count > 1).length + (rows.n - rows.phones);
      const stalledJobs = [...stalled.values()].reduce((sum, ids) => sum + ids.size, 0);
      const problems: string[] = [];
      check(problems, lost === 0, `${lost} phones got no code (${JSON.stringify(byStatus)})`);
      check(problems, duplicated === 0, `${duplicated} phones got more than one message`);
      check(problems, rows.n === total, `${rows.n} messages written for ${total} codes asked`);
      check(problems, stalledJobs > 0, 'no job was found stalled: the kill did not catch the worker mid-batch');
      return {
        counts: { sent: gateway.delivered.size, lost, duplicated, 'stalled recovered': stalledJobs },
        notes: [
          `stalled by queue: ${JSON.stringify(Object.fromEntries([...stalled].map(([queue, ids]) => [queue, ids.size])))}; ${activeAtKill} sends in flight at the kill; ${gateway.resent()} resent under their key after it (delivered once); all settled ${Math.round((Date.now() - killedAt) / 1000)} s after the kill, ${Math.round(tookMs / 1000)} s in all (${Math.round((total / tookMs) * 1000)} SMS/s with the crash)`,
        ],
        problems,
      };
    } finally {
      await Promise.all(listeners.map((events) => events.close()));
      await cluster.close();
      await gateway.stop();
    }
  },
};
