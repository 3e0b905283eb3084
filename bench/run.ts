import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrowse, benchLoadCurve, type BrowseFigure, type LoadCurvePoint } from './browse';
import {
  benchDataSource,
  benchDatabase,
  dropBenchDatabase,
  recreateBenchDatabase,
  startApps,
  startChild,
  type BenchApps,
  type ChildServer,
} from './market';
import { Progress } from './progress';
import { seedCounts, seedMarket, seedSeekers, type SeedCounts } from './seed';
import { freePort } from '../test/support/free-port';
import { benchFairness, type FairnessFigures } from './fairness';
import { benchApplyAccept, benchRanking, staffToken, type CallFigures } from './flows';
import type { LoadResult } from './load';
import { repoRoot, tokenMinter } from './market';
import { benchNotifications, benchPublishStorm, benchRawQueues, type PathFigures, type PublishFigures } from './queues';
import { describeMachine, figuresMarkdown, writeReport } from './report';

/**
 * `npm run bench` (`-- --quick`, `-- --scale 10k,100k`, `-- --keep`): the market's figures, through
 * the front door over loopback, against floors measured in the same run. See docs/benchmarks.md.
 */

const scaleNames: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

export interface BenchConfig {
  quick: boolean;
  keep: boolean;
  scales: number[];
  /** autocannon per measured run. */
  seconds: number;
  /** Each browse shape driven at the measured connections before any is measured. */
  browseWarmUpSeconds: number;
  connections: number;
  curveSeconds: number;
  curveSteps: number[];
  /** Where benchmarks.md and its plots go: docs/ for a full run, bench/out/ for a quick one (--out). */
  out: string;
  pairs: number;
  messages: number;
  storm: number;
  month: { seekers: number; days: number; shiftsPerDay: number; seed: number };
}

function config(): BenchConfig {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      scale: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const scaleList = (values.scale ?? (quick ? '10k,100k' : '10k,100k,1m')).toLowerCase().split(',');
  const scales = scaleList.map((name) => {
    const seekers = scaleNames[name] ?? Number(name.replace(/_/g, ''));
    if (!Number.isInteger(seekers) || seekers < 5_000 || seekers > 2_000_000)
      throw new Error(`--scale takes 10k, 100k, 1m or a number of seekers from 5000, got ${name}`);
    return seekers;
  });
  return {
    quick,
    keep: values.keep ?? false,
    scales: [...new Set(scales)].sort((a, b) => a - b),
    seconds: quick ? 2 : 10,
    browseWarmUpSeconds: quick ? 1 : 3,
    connections: 16,
    curveSeconds: quick ? 2 : 5,
    curveSteps: quick ? [1, 8, 32] : [1, 4, 16, 64],
    out: resolve(repoRoot, values.out ?? (quick ? 'bench/out' : 'docs')),
    pairs: quick ? 100 : 400,
    messages: quick ? 500 : 2_000,
    storm: quick ? 40 : 200,
    month: quick ? { seekers: 500, days: 30, shiftsPerDay: 40, seed: 20261 } : { seekers: 2_000, days: 30, shiftsPerDay: 150, seed: 20261 },
  };
}

export interface ScaleFigures {
  seekers: number;
  seeded: SeedCounts;
  seedSeconds: number;
  browse: BrowseFigure[];
  ranking: LoadResult & { candidatesPerRanking: number; oneAtATime: { p50: number; p95: number } };
  apply: CallFigures;
  accept: CallFigures;
  notifications: PathFigures;
  rawQueues: PathFigures;
  /** The storm at STORM_PACE (the goal's figure), then flat out. */
  publish: PublishFigures[];
}

export interface BenchResults {
  config: BenchConfig;
  scales: ScaleFigures[];
  loadCurve: LoadCurvePoint[];
  fairness?: FairnessFigures;
}

const OPEN_SHIFTS = 2_000;

/**
 * The paced storm: 25 shifts a second is Longwan's busiest morning (about a thousand shifts) in 40
 * seconds. The flat-out storm beside it shows where two cores stop keeping up.
 */
const STORM_PACE = 25;

async function main(): Promise<void> {
  const settings = config();
  const progress = new Progress();
  const log = (line: string) => progress.log(line);
  log(
    `bench: database ${benchDatabase}, scales ${settings.scales.map((s) => s.toLocaleString('en')).join(' → ')} seekers${settings.quick ? ', quick' : ''}${settings.keep ? ', kept afterwards' : ''}`,
  );
  log('figures are noisy on a shared machine: every comparison is made within this run, front door and floor in alternating slices');

  await recreateBenchDatabase();
  const dataSource = benchDataSource(4);
  let apps: BenchApps | undefined;
  let floor: ChildServer | undefined;
  let ok = false;
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    log(`created ${benchDatabase}: ${applied.length} migrations`);
    await seedMarket(dataSource, { openShifts: OPEN_SHIFTS, employersPerStreet: 2 }, log);

    const results: BenchResults = { config: settings, scales: [], loadCurve: [] };
    let seeded = 0;
    for (const [n, seekers] of settings.scales.entries()) {
      const s0 = performance.now();
      await seedSeekers(dataSource, seeded + 1, seekers, 0.2, log);
      seeded = seekers;
      const counts = await seedCounts(dataSource, log);
      const seedSeconds = (performance.now() - s0) / 1000;
      log(
        `${seekers.toLocaleString('en')} seekers (${counts.activeSeekers.toLocaleString('en')} active), ${counts.openShifts} open shifts, ${counts.bookings.toLocaleString('en')} past bookings; seeded in ${seedSeconds.toFixed(1)} s`,
      );

      if (!apps) {
        apps = await progress.task('starting the five apps', 5, async (tick) => {
          let started = 0;
          return startApps((name) => tick(++started, name));
        });
        const floorPort = await freePort();
        floor = await startChild('floor', 'bench/floor.ts', floorPort, { ...apps.env, FLOOR_PORT: String(floorPort) });
        log(`apps up: front door ${apps.url}, floor ${floor.url}, queue prefix ${apps.queuePrefix}`);
      }
      if (!floor) throw new Error('the floor is not running');

      const browse = await benchBrowse(progress, apps.url, floor, {
        seconds: settings.seconds,
        connections: settings.connections,
        warmUpSeconds: settings.browseWarmUpSeconds,
      });
      if (n === 0)
        results.loadCurve = await benchLoadCurve(progress, apps.url, floor, { seconds: settings.curveSeconds, steps: settings.curveSteps });
      const mint = tokenMinter(apps.env);
      const ranking = await benchRanking(progress, apps.url, dataSource, await staffToken(apps.url, apps.env), {
        seconds: Math.max(settings.seconds, 5),
        connections: 4,
      });
      // Each scale's seekers apply from a range of their own, so nobody is booked twice across scales.
      const { apply, accept } = await benchApplyAccept(progress, apps.url, dataSource, mint, {
        pairs: settings.pairs,
        concurrency: 8,
        firstSeeker: 1 + n * settings.pairs,
      });
      const rawQueues = await benchRawQueues(progress, apps.env, settings.messages);
      const notifications = await benchNotifications(progress, dataSource, settings.messages, 1);
      const publish: PublishFigures[] = [];
      for (const pace of [STORM_PACE, undefined])
        publish.push(
          await benchPublishStorm(progress, apps.url, dataSource, mint, {
            count: settings.storm,
            concurrency: pace ? 32 : 6,
            waitSeconds: settings.quick ? 20 : 120,
            pace,
          }),
        );
      results.scales.push({ seekers, seeded: counts, seedSeconds, browse, ranking, apply, accept, notifications, rawQueues, publish });
    }
    // The month is the engine alone, in this process: the apps are stopped first so it has the cores.
    await floor?.stop();
    await apps?.stop();
    floor = undefined;
    apps = undefined;
    results.fairness = await benchFairness(progress, dataSource, settings.month);

    progress.stop();
    console.log(`\n${figuresMarkdown(results)}\n`);
    const written = await writeReport(settings.out, results, await describeMachine(dataSource), repoRoot);
    log(`wrote ${written.join(', ')}`);
    ok = true;
  } finally {
    progress.stop();
    await floor?.stop();
    await apps?.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    if (settings.keep) log(`kept database ${benchDatabase} (fully migrated; the apps run on it with DATABASE_NAME=${benchDatabase})`);
    else await dropBenchDatabase();
    log(ok ? 'done' : 'failed');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
