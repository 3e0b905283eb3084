import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { DataSource } from 'typeorm';
import { longwanStreets } from '@lingong/domain';
import { percentile } from '../scripts/bench/util';
import type { Mint } from './flows';
import type { Progress } from './progress';
import { benchSeeker } from './seed';

/**
 * The queues: SMS notifications through the real path (outbox row → relay → `domain-events` →
 * processor writes the message → `notifications` → `log` provider marks it sent) against bare
 * BullMQ no-op jobs over two hops with the same concurrencies, and the time from publishing a shift
 * to its first offer while a storm of other shifts is published.
 */

export interface PathFigures {
  messages: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

function pathFigures(latencies: number[], elapsedMs: number): PathFigures {
  return {
    messages: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / (elapsedMs / 1000),
  };
}

/**
 * Probes every half second: a probe takes the machine's time from what it waits for, and the
 * figures come from the rows' own timestamps, so probing more often would end the wait sooner
 * without measuring anything better.
 */
async function until(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `count` help-text SMS (an `sms.help_requested` event each) written at once to the outbox, timed from the event's row to the message's `sent_at`. */
export async function benchNotifications(progress: Progress, db: DataSource, count: number, firstSeeker: number): Promise<PathFigures> {
  const phones = Array.from({ length: count }, (_, k) => benchSeeker(firstSeeker + k).phone);
  return progress.task('notifications: outbox → BullMQ → log provider', count, async (tick) => {
    const events = (await db.query(
      `INSERT INTO outbox_events (type, payload) SELECT 'sms.help_requested', jsonb_build_object('phone', p) FROM unnest($1::text[]) AS p RETURNING id`,
      [phones],
    )) as { id: string }[];
    const keys = events.map((e) => `${e.id}:reply_help`);
    let sent = 0;
    await until(`${count} help texts to be sent`, 300_000, async () => {
      const [row] = (await db.query(`SELECT count(*)::int AS sent FROM notifications WHERE dedupe_key = ANY($1) AND status = 'sent'`, [
        keys,
      ])) as { sent: number }[];
      sent = row.sent;
      tick(sent);
      return sent === count;
    });
    const rows = (await db.query(
      `SELECT extract(epoch FROM n.sent_at - o.created_at) * 1000 AS ms, o.created_at AS "createdAt", n.sent_at AS "sentAt"
         FROM notifications n JOIN outbox_events o ON n.dedupe_key = o.id || ':reply_help' WHERE o.id = ANY($1::uuid[])`,
      [events.map((e) => e.id)],
    )) as { ms: string; createdAt: Date; sentAt: Date }[];
    const first = Math.min(...rows.map((r) => r.createdAt.getTime()));
    const last = Math.max(...rows.map((r) => r.sentAt.getTime()));
    const figures = pathFigures(
      rows.map((r) => Number(r.ms)),
      last - first,
    );
    progress.log(
      `  notifications, real path: ${count} SMS in ${((last - first) / 1000).toFixed(1)} s, ${figures.perSecond.toFixed(0)}/s; event to sent p50 ${figures.p50.toFixed(0)} ms, p99 ${figures.p99.toFixed(0)} ms`,
    );
    return figures;
  });
}

/** The floor of that path: `count` jobs through two bare BullMQ queues (concurrency 10, then 20, as domain-events and notifications), doing nothing. */
export async function benchRawQueues(progress: Progress, env: Record<string, string>, count: number): Promise<PathFigures> {
  const connection: ConnectionOptions = { host: env.REDIS_HOST, port: Number(env.REDIS_PORT), password: env.REDIS_PASSWORD || undefined };
  const prefix = `${env.QUEUE_PREFIX}-raw`;
  const first = new Queue('hop-1', { connection, prefix });
  const second = new Queue('hop-2', { connection, prefix });
  const latencies: number[] = [];
  let last = 0;
  const workers: Worker[] = [];
  try {
    return await progress.task('notifications floor: two bare BullMQ hops', count, async (tick) => {
      let finished!: () => void;
      const allDone = new Promise<void>((resolve) => (finished = resolve));
      workers.push(
        new Worker('hop-1', async (job) => second.add('noop', job.data as object, { removeOnComplete: true }), {
          connection,
          prefix,
          concurrency: 10,
        }),
      );
      workers.push(
        new Worker(
          'hop-2',
          async (job) => {
            last = Date.now();
            latencies.push(last - (job.data as { at: number }).at);
            tick(latencies.length);
            if (latencies.length === count) finished();
          },
          { connection, prefix, concurrency: 20 },
        ),
      );
      const started = Date.now();
      await first.addBulk(Array.from({ length: count }, () => ({ name: 'noop', data: { at: started }, opts: { removeOnComplete: true } })));
      await Promise.race([
        allDone,
        new Promise((_, fail) => setTimeout(() => fail(new Error('raw BullMQ jobs did not finish in 120 s')), 120_000)),
      ]);
      const figures = pathFigures(latencies, last - started);
      progress.log(
        `  notifications floor, bare BullMQ: ${count} jobs in ${((last - started) / 1000).toFixed(1)} s, ${figures.perSecond.toFixed(0)}/s; p50 ${figures.p50.toFixed(0)} ms, p99 ${figures.p99.toFixed(0)} ms`,
      );
      return figures;
    });
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await first.obliterate({ force: true }).catch(() => undefined);
    await second.obliterate({ force: true }).catch(() => undefined);
    await Promise.all([first.close(), second.close()]);
  }
}

export interface PublishFigures {
  /** The pace asked for (shifts a second), or null: as fast as the front door answers `concurrency` publishers. */
  pace: number | null;
  /** Shifts published in the storm. */
  storm: number;
  perSecond: number;
  /** Publish answered → first offer written, and → its SMS sent (ms). */
  toOffer: { p50: number; p95: number; max: number };
  toOfferSms: { p50: number; p95: number; max: number };
  withOffer: number;
}

/**
 * A storm of `count` shifts published through the front door by the seeded employers; for each, the
 * time from its publish answer to its first offer and to that offer's SMS. At a `pace` (shifts a
 * second, `concurrency` publishers at most in flight) it measures how long an offer takes while a
 * storm runs; flat out (each of `concurrency` publishers again as soon as answered) it measures the
 * machine's limit: once shifts come faster than it can match them, the wait is the queue.
 */
export async function benchPublishStorm(
  progress: Progress,
  frontDoor: string,
  db: DataSource,
  mint: Mint,
  options: { count: number; concurrency: number; waitSeconds: number; pace?: number },
): Promise<PublishFigures> {
  const pace = options.pace ?? null;
  const name = pace ? `publish storm at ${pace}/s` : `publish storm flat out (${options.concurrency} publishers)`;
  const employers = (await db.query(
    `SELECT e.account_id AS "accountId", a.phone, e.street FROM employers e JOIN accounts a ON a.id = e.account_id ORDER BY e.id`,
  )) as { accountId: string; phone: string; street: keyof typeof longwanStreets }[];
  const published: { id: string; at: number }[] = [];
  const day = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString().slice(0, 10);
  let next = 0;
  const started = Date.now();
  await progress.task(`${name}: front door`, options.count, async (tick) => {
    const lane = async () => {
      while (next < options.count) {
        const k = next++;
        // Paced: each shift at its own moment, whether or not the ones before were answered.
        if (pace) await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (k * 1000) / pace - Date.now())));
        const employer = employers[k % employers.length];
        const point = longwanStreets[employer.street];
        const response = await fetch(`${frontDoor}/api/shifts`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${mint({ id: employer.accountId, phone: employer.phone, role: 'employer' })}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            title: `仓库搬运 ${k}`,
            description: '卸货、理货',
            category: 'loading',
            employmentType: 'temporary',
            street: employer.street,
            address: `${employer.street}某仓库`,
            lat: point.lat,
            lng: point.lng,
            startsAt: `${day}T08:00:00+08:00`,
            endsAt: `${day}T17:00:00+08:00`,
            headcount: 2,
            pay: { amountFen: 26000, unit: 'day', settlement: 'daily' },
            requirements: { skills: [], certificates: [] },
            publish: true,
          }),
        });
        const body = (await response.json()) as { id?: string; status?: string };
        if (response.status !== 201 || body.status !== 'open') throw new Error(`publish: ${response.status} ${JSON.stringify(body)}`);
        published.push({ id: body.id as string, at: Date.now() });
        tick(published.length);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, lane));
  });
  const stormSeconds = (Date.now() - started) / 1000;
  const ids = published.map((p) => p.id);
  type Row = { shiftId: string; offeredAt: Date | null; smsAt: Date | null };
  // Shifts whose first offer's SMS has gone are done: later probes ask only about the rest.
  const done = new Map<string, Row>();
  let rows: Row[] = [];
  await progress.task(`${name}: waiting for first offers`, ids.length, async (tick) => {
    await until('first offers', options.waitSeconds * 1000, async () => {
      const waiting = ids.filter((id) => !done.has(id));
      rows = (await db.query(
        `SELECT s.id AS "shiftId", min(o.created_at) AS "offeredAt", min(n.sent_at) AS "smsAt"
           FROM unnest($1::uuid[]) AS s(id) LEFT JOIN offers o ON o.shift_id = s.id LEFT JOIN notifications n ON n.dedupe_key = 'offer:' || o.id AND n.status = 'sent'
          GROUP BY s.id`,
        [waiting],
      )) as Row[];
      for (const row of rows) if (row.smsAt) done.set(row.shiftId, row);
      tick(done.size);
      return done.size === ids.length;
    }).catch((error: unknown) => progress.log(`  ${(error as Error).message}: ${done.size} of ${ids.length} shifts have an offer SMS`));
  });
  rows = [...done.values(), ...rows.filter((row) => !done.has(row.shiftId))];
  const publishedAt = new Map(published.map((p) => [p.id, p.at]));
  const spread = (values: number[]) => ({
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : NaN,
  });
  const figures: PublishFigures = {
    pace,
    storm: ids.length,
    perSecond: ids.length / stormSeconds,
    toOffer: spread(rows.filter((r) => r.offeredAt).map((r) => (r.offeredAt as Date).getTime() - (publishedAt.get(r.shiftId) as number))),
    toOfferSms: spread(rows.filter((r) => r.smsAt).map((r) => (r.smsAt as Date).getTime() - (publishedAt.get(r.shiftId) as number))),
    withOffer: rows.filter((r) => r.offeredAt).length,
  };
  progress.log(
    `  ${name}: ${ids.length} shifts at ${figures.perSecond.toFixed(1)}/s; publish → first offer p50 ${figures.toOffer.p50} ms, p95 ${figures.toOffer.p95} ms; → its SMS sent p50 ${figures.toOfferSms.p50} ms, p95 ${figures.toOfferSms.p95} ms, max ${figures.toOfferSms.max} ms`,
  );
  return figures;
}
