import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchDatabase, benchDataSource, startApps, tokenMinter } from './market';
import { Progress } from './progress';
import { benchPublishStorm } from './queues';

/**
 * `npm run bench:storm` (`-- --pace 25 --count 200 --warm-up 100`): the publish storm alone, again,
 * on the database a bench run kept (`npm run bench -- --keep`), without seeding it anew (a million
 * seekers take ten minutes to seed). Starts the five apps; a warm-up storm first (its runs wait
 * for matching to read its pool, and the apps' code gets hot), a pause while its alerts start
 * going out, then the storm measured, with the CPU each part of the market spent on it.
 */

/** CPU seconds so far of this machine's processes, by the part of the market they are. */
function cpuSecondsByPart(): Map<string, number> {
  const parts = new Map<string, number>();
  const ticksPerSecond = 100;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let command: string;
    let fields: string[];
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    } catch {
      continue; // gone meanwhile
    }
    const part =
      /apps\/([a-z-]+)\//.exec(command)?.[1] ??
      (/^postgres:|\/bin\/postgres /.test(command)
        ? 'postgresql'
        : /redis-server/.test(command)
          ? 'redis'
          : /bench\/storm/.test(command)
            ? 'bench'
            : null);
    if (!part) continue;
    // utime and stime, the 14th and 15th fields of /proc/<pid>/stat (the 12th and 13th after the
    // command); for PostgreSQL also cutime and cstime, where a backend's time goes when it ends.
    const [user, system, children, childrenSystem] = fields.slice(11, 15).map(Number);
    const ticks = user! + system! + (part === 'postgresql' ? children! + childrenSystem! : 0);
    parts.set(part, (parts.get(part) ?? 0) + ticks / ticksPerSecond);
  }
  return parts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pace: { type: 'string', default: '25' },
      count: { type: 'string', default: '200' },
      'warm-up': { type: 'string', default: '100' },
      'pause-seconds': { type: 'string', default: '20' },
    },
  });
  const [pace, count, warmUp, pauseSeconds] = [values.pace, values.count, values['warm-up'], values['pause-seconds']].map(Number);
  if (![pace, count, warmUp, pauseSeconds].every((n) => Number.isFinite(n) && n >= 0) || pace! <= 0 || count! < 1)
    throw new Error('--pace (shifts a second), --count, --warm-up and --pause-seconds take positive numbers');

  const progress = new Progress();
  const db = benchDataSource(4);
  await db.initialize().catch((error: unknown) => {
    throw new Error(`no database ${benchDatabase} to storm: keep one with \`npm run bench -- --keep\` (${String(error)})`);
  });
  const pending = await db.showMigrations();
  if (pending) await db.runMigrations({ transaction: 'each' });
  const [{ seekers }] = (await db.query(`SELECT count(*)::int AS seekers FROM workers WHERE status = 'active'`)) as { seekers: number }[];
  progress.log(
    `storm on ${benchDatabase}: ${seekers.toLocaleString('en')} active seekers${pending ? ', migrations brought up to date' : ''}`,
  );
  const apps = await startApps((name) => progress.log(`started ${name}`));
  try {
    const mint = tokenMinter(apps.env);
    const storm = (shifts: number) =>
      benchPublishStorm(progress, apps.url, db, mint, { count: shifts, concurrency: 32, waitSeconds: 120, pace: pace! });
    if (warmUp! > 0) {
      const warm = await storm(warmUp!);
      progress.log(`warm-up: first offer SMS p50 ${warm.toOfferSms.p50} ms, p95 ${warm.toOfferSms.p95} ms`);
      await new Promise((resolve) => setTimeout(resolve, pauseSeconds! * 1000));
    }
    const before = cpuSecondsByPart();
    const started = performance.now();
    const measured = await storm(count!);
    const seconds = (performance.now() - started) / 1000;
    const after = cpuSecondsByPart();
    progress.stop();
    const spent = [...after].map(([part, total]) => [part, total - (before.get(part) ?? 0)] as const).filter(([, cpu]) => cpu > 0);
    const cpu = spent.reduce((sum, [, s]) => sum + s, 0);
    console.log(
      `\n${measured.storm} shifts at ${measured.perSecond.toFixed(1)}/s, ${seekers.toLocaleString('en')} seekers: ` +
        `publish → first offer p50 ${measured.toOffer.p50} ms, p95 ${measured.toOffer.p95} ms; → its SMS sent p50 ${measured.toOfferSms.p50} ms, ` +
        `p95 ${measured.toOfferSms.p95} ms, max ${measured.toOfferSms.max} ms (${measured.withOffer} with an offer)`,
    );
    console.log(
      `CPU over the ${seconds.toFixed(1)} s until the last first offer went: ${cpu.toFixed(1)} s (${((1000 * cpu) / measured.storm).toFixed(0)} ms a shift); ` +
        spent
          .sort((a, b) => b[1] - a[1])
          .map(([part, s]) => `${part} ${s.toFixed(1)}`)
          .join(', '),
    );
  } finally {
    progress.stop();
    await apps.stop();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
