import { Queue } from 'bullmq';
import { carriesPhone } from '@lingong/queue';
import { waitFor } from '../test/support/wait-for';
import { check, size, type Drill } from './drill';
import { Api } from './support/api';
import { Cluster } from './support/cluster';
import { DrillGateway } from './support/gateway';
import { MarketLoad } from './support/load';
import { PrivateRedis } from './support/private-servers';

/**
 * Redis stopped for 30 s under load (a Redis of the drill's own; the machine's is never touched):
 * publishing, sign-in codes, applications and bookings go on through the front door. Every
 * request must still be accepted (its rows and outbox event committed in PostgreSQL), and once
 * Redis is back every event must be relayed and handled, every code delivered.
 */
export const redisOutage: Drill = {
  name: 'redis-outage',
  what: 'Redis stopped for 30 s under load: requests still accepted, every event relayed afterwards',
  ci: false,
  async run(options) {
    const outageMs = size('REDIS_OUTAGE_MS', 30_000, 15_000, options);
    const redis = new PrivateRedis();
    const gateway = new DrillGateway();
    await gateway.start();
    let cluster: Cluster | undefined;
    try {
      const redisPort = await redis.start();
      cluster = new Cluster({
        servers: { pgPort: Number(process.env.DATABASE_PORT ?? 5432), redisPort },
        appEnv: { worker: { ...gateway.settings(), SWEEP_EVERY_SECONDS: '15' } },
      });
      await cluster.start();
      const load = new MarketLoad(new Api(cluster.url), 1);
      await load.prepare();
      load.start();
      await new Promise((steady) => setTimeout(steady, 5000));
      options.log(`Redis stops for ${outageMs / 1000} s`);
      await redis.stop();
      const down = Date.now();
      await new Promise((outage) => setTimeout(outage, outageMs));
      const up = Date.now();
      await redis.start();
      options.log('Redis is back');
      await new Promise((steady) => setTimeout(steady, 5000));
      await load.stop();

      const during = load.sent.filter((sent) => sent.at >= down && sent.at < up);
      const refusedDuring = during.filter((sent) => sent.status >= 500 || sent.status === 0);
      const events = async () =>
        (await cluster!.db.query(`SELECT id, type, relayed_at FROM outbox_events`)).rows as {
          id: string;
          type: string;
          relayed_at: Date | null;
        }[];
      const relayedAll = await waitFor(
        'every event to be relayed',
        events,
        (rows) => rows.every((row) => row.relayed_at !== null),
        180_000,
      ).catch(async () => events());
      const unrelayed = relayedAll.filter((row) => row.relayed_at === null).length;
      const queue = new Queue('domain-events', { prefix: cluster.queuePrefix, connection: { host: '127.0.0.1', port: redisPort } });
      // A job whose event carries a phone is removed once done (no phone lingers in Redis): gone is done for those.
      const unhandled = async () => {
        const states = await Promise.all(relayedAll.map(async (row) => queue.getJobState(row.id)));
        return relayedAll
          .filter((row, i) => !(states[i] === 'completed' || (states[i] === 'unknown' && carriesPhone(row.type))))
          .map((row) => `${row.type} ${row.id} (${states[relayedAll.indexOf(row)]})`);
      };
      const left = await waitFor('every event to be handled', unhandled, (ids) => ids.length === 0, 180_000).catch(unhandled);
      await queue.close();
      await waitFor(
        'every code to be delivered',
        () => Promise.resolve(gateway.delivered.size),
        (count) => count >= load.phones.length,
        180_000,
      ).catch(() => undefined);
      const undelivered = load.phones.filter((phone) => !gateway.deliveredByPhone.has(phone)).length;

      const problems: string[] = [];
      check(
        problems,
        refusedDuring.length === 0,
        `${refusedDuring.length} of ${during.length} requests during the outage were not accepted: ${JSON.stringify(load.statuses(down, up))}`,
      );
      check(problems, during.length > 0, 'no request was made during the outage');
      check(problems, unrelayed === 0, `${unrelayed} events never relayed`);
      check(problems, left.length === 0, `${left.length} events not handled: ${left.slice(0, 5).join(', ')}`);
      check(problems, undelivered === 0, `${undelivered} sign-in codes asked for were never delivered`);
      return {
        counts: {
          'requests during the outage': during.length,
          'not accepted': refusedDuring.length,
          events: relayedAll.length,
          'relayed afterwards': relayedAll.length - unrelayed,
          'handled afterwards': relayedAll.length - left.length,
          'codes lost': undelivered,
        },
        notes: [
          `answers during the outage: ${JSON.stringify(load.statuses(down, up))}; all answers: ${JSON.stringify(load.statuses())}; ${gateway.delivered.size} SMS delivered, ${gateway.resent()} resent under their key`,
        ],
        problems,
      };
    } finally {
      await cluster?.close();
      await redis.destroy();
      await gateway.stop();
    }
  },
};
