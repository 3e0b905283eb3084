import { waitFor } from '../test/support/wait-for';
import { check, size, type Drill } from './drill';
import { Api } from './support/api';
import { Cluster, pgClient, type AppName } from './support/cluster';
import { DrillGateway } from './support/gateway';
import { MarketLoad } from './support/load';
import { PrivatePostgres } from './support/private-servers';

const ACTIVE = `('confirmed', 'checked_in', 'completed')`;

/**
 * PostgreSQL restarted under load (a cluster of the drill's own, stopped at once as a crash
 * would, then started): the apps must come back by themselves, with nobody restarting them, and
 * no request may be half-applied: every shift with its published event, every booking with its
 * event, its accepted application and its place counted, every answer that said "done" backed by
 * its row, and every event relayed once the database is back.
 */
export const postgresRestart: Drill = {
  name: 'postgres-restart',
  what: 'PostgreSQL restarted under load: services recover unaided, no request half-applied',
  ci: false,
  async run(options) {
    const downMs = size('PG_DOWN_MS', 10_000, 5_000, options);
    const postgres = new PrivatePostgres();
    const gateway = new DrillGateway();
    await gateway.start();
    let cluster: Cluster | undefined;
    try {
      options.log('a PostgreSQL cluster of our own');
      const pgPort = await postgres.init();
      cluster = new Cluster({
        servers: { pgPort, redisPort: Number(process.env.REDIS_PORT ?? 6379) },
        appEnv: { worker: gateway.settings() },
      });
      await cluster.start();
      const load = new MarketLoad(new Api(cluster.url), 2);
      await load.prepare();
      load.start();
      await new Promise((steady) => setTimeout(steady, 5000));
      options.log(`PostgreSQL stops at once, for ${downMs / 1000} s`);
      await cluster.db.end().catch(() => undefined);
      await postgres.stopImmediately();
      const down = Date.now();
      await new Promise((outage) => setTimeout(outage, downMs));
      await postgres.start();
      const up = Date.now();
      // Unaided: every app answers ready again, none restarted.
      const recovery: Partial<Record<AppName, number>> = {};
      await Promise.all(
        cluster.instances.map(async (instance) => {
          await waitFor(
            `${instance.app} to be ready again`,
            () =>
              fetch(`${instance.url}/health/ready`).then(
                (r) => r.ok,
                () => false,
              ),
            (ok) => ok,
            120_000,
          ).catch(() => undefined);
          recovery[instance.app] = Date.now() - up;
        }),
      );
      options.log(`back; every app ready within ${Math.max(...Object.values(recovery))} ms`);
      await new Promise((steady) => setTimeout(steady, 10_000));
      const settledFrom = Date.now() - 5000;
      await load.stop();
      const restarted = cluster.instances
        .filter((instance) => instance.child.exitCode !== null || instance.child.signalCode !== null)
        .map((instance) => `${instance.app} #${instance.index}`);

      const db = (cluster.db = pgClient(cluster.servers, cluster.databaseName));
      await db.connect();
      const one = async (sql: string) => (await db.query(sql)).rows[0].n as number;
      const shiftsWithoutEvent = await one(
        `SELECT count(*)::int AS n FROM shifts s WHERE NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.type = 'shift.published' AND e.payload->>'shiftId' = s.id::text)`,
      );
      const bookingsWithoutEvent = await one(
        `SELECT count(*)::int AS n FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.type = 'booking.confirmed' AND e.payload->>'bookingId' = b.id::text)`,
      );
      const miscounted = await one(
        `SELECT count(*)::int AS n FROM shifts s WHERE s.filled <> (SELECT count(*) FROM bookings b WHERE b.shift_id = s.id AND b.status IN ${ACTIVE})`,
      );
      const applicationsAstray = await one(
        `SELECT count(*)::int AS n FROM applications a FULL JOIN bookings b ON b.application_id = a.id
          WHERE (a.status = 'accepted' AND b.id IS NULL) OR (b.id IS NOT NULL AND b.source = 'application' AND (a.id IS NULL OR a.status <> 'accepted'))`,
      );
      const answered = (kind: string) =>
        load.sent.filter((sent) => sent.kind === kind && sent.status === 201 && sent.id).map((sent) => sent.id!);
      const missing = async (table: string, ids: string[]) =>
        ids.length - ((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n as number);
      const lostAnswers =
        (await missing('shifts', answered('publish'))) +
        (await missing('applications', answered('apply'))) +
        (await missing('bookings', answered('accept')));
      const unrelayed = await waitFor(
        'every event to be relayed',
        () => one(`SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL`),
        (n) => n === 0,
        120_000,
      ).catch(() => one(`SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL`));
      await waitFor(
        'every accepted code to be delivered',
        () => Promise.resolve(load.phones.filter((phone) => !gateway.deliveredByPhone.has(phone)).length),
        (n) => n === 0,
        120_000,
      ).catch(() => undefined);
      const codesLost = load.phones.filter((phone) => !gateway.deliveredByPhone.has(phone)).length;
      const after = load.statuses(settledFrom);
      const failingAfter = Object.entries(after)
        .filter(([status]) => Number(status) >= 500 || status === '0')
        .reduce((sum, [, n]) => sum + n, 0);
      const halfApplied = shiftsWithoutEvent + bookingsWithoutEvent + miscounted + applicationsAstray + lostAnswers;

      const problems: string[] = [];
      check(problems, restarted.length === 0, `apps that died and would need restarting: ${restarted.join(', ')}`);
      check(
        problems,
        Object.keys(recovery).length === 5 && Math.max(...Object.values(recovery)) < 120_000,
        `apps not ready again within 2 minutes: ${JSON.stringify(recovery)}`,
      );
      check(problems, failingAfter === 0, `${failingAfter} requests still failing 5 s after recovery: ${JSON.stringify(after)}`);
      check(problems, shiftsWithoutEvent === 0, `${shiftsWithoutEvent} shifts without their published event`);
      check(problems, bookingsWithoutEvent === 0, `${bookingsWithoutEvent} bookings without their event`);
      check(problems, miscounted === 0, `${miscounted} shifts whose filled count disagrees with their bookings`);
      check(
        problems,
        applicationsAstray === 0,
        `${applicationsAstray} accepted applications without a booking, or bookings without an accepted application`,
      );
      check(problems, lostAnswers === 0, `${lostAnswers} answered 201 with no row behind them`);
      check(problems, unrelayed === 0, `${unrelayed} events never relayed`);
      check(problems, codesLost === 0, `${codesLost} accepted sign-in codes never delivered`);
      return {
        counts: {
          requests: load.sent.length,
          'during the restart': Object.values(load.statuses(down, up)).reduce((a, b) => a + b, 0),
          'half-applied': halfApplied,
          'apps restarted by hand': restarted.length,
          'events unrelayed': unrelayed,
          'codes lost': codesLost,
        },
        notes: [
          `answers while PostgreSQL was down: ${JSON.stringify(load.statuses(down, up))} (by request: ${JSON.stringify(byKind(load.sent.filter((sent) => sent.at >= down && sent.at < up)))}); in the 5 s before the end: ${JSON.stringify(after)}; all: ${JSON.stringify(load.statuses())}`,
          `ready again after the start (ms): ${JSON.stringify(recovery)}`,
        ],
        problems,
      };
    } finally {
      await cluster?.close();
      await postgres.destroy();
      await gateway.stop();
    }
  },
};

function byKind(sent: { kind: string; status: number; code?: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind, status, code } of sent)
    counts[`${kind} ${status}${code ? ` ${code}` : ''}`] = (counts[`${kind} ${status}${code ? ` ${code}` : ''}`] ?? 0) + 1;
  return counts;
}
