import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, type as osType } from 'node:os';
import { join, relative } from 'node:path';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { DataSource } from 'typeorm';
import type { BenchResults } from './run';

/** docs/benchmarks.md and its plots (vega-lite, rendered to SVG in Node by vega's View#toSVG: no browser). */

// vega is ESM with top-level await: loaded by a real import(), not the require() our TypeScript compiles to.
const importEsm = new Function('name', 'return import(name)') as <T>(name: string) => Promise<T>;

async function svg(spec: VegaLite.TopLevelSpec): Promise<string> {
  const vega = await importEsm<typeof Vega>('vega');
  const vl = await importEsm<typeof VegaLite>('vega-lite');
  return new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' }).toSVG();
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  redis: string;
}

export async function describeMachine(db: DataSource): Promise<Machine> {
  const [{ server_version: version }] = (await db.query('SHOW server_version')) as { server_version: string }[];
  let redis = 'unknown';
  try {
    redis = /redis_version:(\S+)/.exec(execFileSync('redis-cli', ['INFO', 'server'], { encoding: 'utf8' }))?.[1] ?? redis;
  } catch {
    // redis-cli is not on every machine
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    postgres: version ?? 'unknown',
    redis,
  };
}

const n0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en') : 'n/a');
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const k = (seekers: number) => (seekers >= 1_000_000 ? `${seekers / 1_000_000}M` : `${seekers / 1000}k`);
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The figures as Markdown, every one of them: printed at the end of every run and written to the report. */
export function figuresMarkdown(results: BenchResults): string {
  const out: string[] = [];
  const scales = results.scales;
  out.push('### Browse: GET /api/shifts, front door vs the floor (same SQL, bare node:http + pg)');
  for (const s of scales) {
    out.push(`\n${k(s.seekers)} seekers, ${results.config.connections} connections, ${results.config.seconds} s each in all:\n`);
    out.push(
      table(
        ['shape', 'front door req/s', 'p50 / p99 ms', 'floor req/s', 'p50 / p99 ms', 'front door ÷ floor (goal ≥ 0.6)'],
        s.browse.map((b) => [
          b.shape,
          n0(b.frontDoor.requestsPerSecond),
          `${b.frontDoor.p50} / ${b.frontDoor.p99}`,
          n0(b.floor.requestsPerSecond),
          `${b.floor.p50} / ${b.floor.p99}`,
          `${b.ratio.toFixed(2)}×`,
        ]),
      ),
    );
  }
  out.push('\n### Latency against load (no filter)\n');
  out.push(
    table(
      ['connections', 'front door req/s', 'p50 / p99 ms', 'floor req/s', 'p50 / p99 ms'],
      results.config.curveSteps.map((c) => {
        const door = results.loadCurve.find((p) => p.connections === c && p.target === 'front door');
        const bare = results.loadCurve.find((p) => p.connections === c && p.target === 'floor');
        return [
          String(c),
          n0(door?.result.requestsPerSecond ?? NaN),
          `${door?.result.p50} / ${door?.result.p99}`,
          n0(bare?.result.requestsPerSecond ?? NaN),
          `${bare?.result.p50} / ${bare?.result.p99}`,
        ];
      }),
    ),
  );
  out.push('\n### Ranking, applying, accepting, through the front door\n');
  out.push(
    table(
      [
        'seekers',
        'ranking one at a time p50 / p95 ms',
        'ranking 4 at a time req/s',
        'p50 / p99 ms',
        'apply p50 / p99 ms',
        'accept p50 / p99 ms',
        'apply answers',
        'accept answers',
      ],
      scales.map((s) => [
        k(s.seekers),
        `${n1(s.ranking.oneAtATime.p50)} / ${n1(s.ranking.oneAtATime.p95)}`,
        n1(s.ranking.requestsPerSecond),
        `${s.ranking.p50} / ${s.ranking.p99}`,
        `${n1(s.apply.p50)} / ${n1(s.apply.p99)}`,
        `${n1(s.accept.p50)} / ${n1(s.accept.p99)}`,
        Object.entries(s.apply.outcomes)
          .map(([o, c]) => `${c}× ${o}`)
          .join(', '),
        Object.entries(s.accept.outcomes)
          .map(([o, c]) => `${c}× ${o}`)
          .join(', '),
      ]),
    ),
  );
  out.push('\n### Notifications: outbox → BullMQ → `log` provider vs bare BullMQ no-op jobs (two hops)\n');
  out.push(
    table(
      ['seekers', 'messages', 'real path /s', 'event → sent p50 / p99 ms', 'bare BullMQ /s', 'p50 / p99 ms', 'real ÷ bare'],
      scales.map((s) => [
        k(s.seekers),
        String(s.notifications.messages),
        n0(s.notifications.perSecond),
        `${n0(s.notifications.p50)} / ${n0(s.notifications.p99)}`,
        n0(s.rawQueues.perSecond),
        `${n0(s.rawQueues.p50)} / ${n0(s.rawQueues.p99)}`,
        `${(s.notifications.perSecond / s.rawQueues.perSecond).toFixed(2)}×`,
      ]),
    ),
  );
  out.push('\n### Publish to first offer, during a publish storm\n');
  out.push(
    '25 shifts a second is the busiest morning (about a thousand shifts) in 40 seconds; flat out, six publishers send the next shift as soon as one is answered, faster than two cores can match them, so the wait there is the queue.\n',
  );
  out.push(
    table(
      [
        'seekers',
        'storm',
        'shifts published',
        'publish rate /s',
        'publish → first offer p50 / p95 ms',
        'publish → its SMS sent p50 / p95 / max ms',
        'shifts with an offer',
      ],
      scales.flatMap((s) =>
        s.publish.map((storm) => [
          k(s.seekers),
          storm.pace ? `paced, ${storm.pace}/s` : 'flat out',
          String(storm.storm),
          n1(storm.perSecond),
          `${n0(storm.toOffer.p50)} / ${n0(storm.toOffer.p95)}`,
          `${n0(storm.toOfferSms.p50)} / ${n0(storm.toOfferSms.p95)} / ${n0(storm.toOfferSms.max)}`,
          `${storm.withOffer} of ${storm.storm}`,
        ]),
      ),
    ),
  );
  out.push('\n### How each figure grows with the seekers\n');
  const growth: [string, (s: (typeof scales)[number]) => number, (v: number) => string][] = [
    ...(['no filter', 'filters', 'near', 'q=搬运'] as const).map(
      (shape) =>
        [
          `browse ${shape}, front door req/s`,
          (s: (typeof scales)[number]) => s.browse.find((b) => b.shape === shape)?.frontDoor.requestsPerSecond ?? NaN,
          n0,
        ] as [string, (s: (typeof scales)[number]) => number, (v: number) => string],
    ),
    ['browse ratio, worst shape', (s) => Math.min(...s.browse.map((b) => b.ratio)), (v) => `${v.toFixed(2)}×`],
    ['ranking one at a time p95 ms', (s) => s.ranking.oneAtATime.p95, n1],
    ['ranking 4 at a time p50 ms', (s) => s.ranking.p50, n1],
    ['ranking req/s', (s) => s.ranking.requestsPerSecond, n1],
    ['apply p50 ms', (s) => s.apply.p50, n1],
    ['accept p50 ms', (s) => s.accept.p50, n1],
    ['notifications /s (real path)', (s) => s.notifications.perSecond, n0],
    ['publish → first offer SMS p95 ms, paced storm', (s) => s.publish[0]!.toOfferSms.p95, n0],
    ['publish → first offer SMS p95 ms, flat out', (s) => s.publish[1]!.toOfferSms.p95, n0],
    ['seeding s', (s) => s.seedSeconds, n1],
  ];
  out.push(
    table(
      ['figure', ...scales.map((s) => k(s.seekers))],
      growth.map(([name, get, fmt]) => [name, ...scales.map((s) => fmt(get(s)))]),
    ),
  );
  const f = results.fairness;
  if (f) {
    out.push(
      `\n### Fairness over a simulated month (${f.seekers.toLocaleString('en')} seekers, ${f.days} days, ${f.places.toLocaleString('en')} places)\n`,
    );
    out.push(
      table(
        ['', 'fairness on', 'fairness off'],
        [
          ['Gini of hours worked', f.on.hoursGini.toFixed(3), f.off.hoursGini.toFixed(3)],
          ['Gini of earnings', f.on.earningsGini.toFixed(3), f.off.earningsGini.toFixed(3)],
          [
            'mean score of the people chosen, without the fairness part (what employers get)',
            f.on.chosenScoreWithoutFairness.toFixed(2),
            f.off.chosenScoreWithoutFairness.toFixed(2),
          ],
          [
            'seekers with at least half an equal share of the hours',
            `${(f.on.atLeastHalfShare * 100).toFixed(1)}%`,
            `${(f.off.atLeastHalfShare * 100).toFixed(1)}%`,
          ],
          [
            'seekers with any work',
            `${((f.on.seekersWithWork / f.seekers) * 100).toFixed(1)}%`,
            `${((f.off.seekersWithWork / f.seekers) * 100).toFixed(1)}%`,
          ],
          ['places filled', `${f.on.filled} of ${f.on.places}`, `${f.off.filled} of ${f.off.places}`],
        ],
      ),
    );
    const cost = f.off.chosenScoreWithoutFairness - f.on.chosenScoreWithoutFairness;
    out.push(
      `\nFairness costs employers ${cost.toFixed(2)} points of 100 on average per person sent (${((cost / f.off.chosenScoreWithoutFairness) * 100).toFixed(1)}%).`,
    );
  }
  return out.join('\n');
}

/** Writes `<dir>/benchmarks.md` and `<dir>/benchmarks/*.svg`; returns the files written. */
export async function writeReport(dir: string, results: BenchResults, machine: Machine, repoRoot: string): Promise<string[]> {
  const plots = join(dir, 'benchmarks');
  mkdirSync(plots, { recursive: true });
  const curve = results.loadCurve.flatMap((p) => [
    { target: p.target, connections: p.connections, reqPerSecond: p.result.requestsPerSecond, percentile: 'p50', ms: p.result.p50 },
    { target: p.target, connections: p.connections, reqPerSecond: p.result.requestsPerSecond, percentile: 'p99', ms: p.result.p99 },
  ]);
  const latencySvg = await svg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'GET /api/shifts (no filter): latency against load',
    width: 480,
    height: 280,
    data: { values: curve },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'reqPerSecond', type: 'quantitative', title: 'requests per second achieved' },
      y: { field: 'ms', type: 'quantitative', title: 'latency (ms)' },
      color: { field: 'target', type: 'nominal', title: null },
      strokeDash: { field: 'percentile', type: 'nominal', title: null },
      detail: { field: 'percentile' },
      tooltip: [{ field: 'connections' }],
    },
  } as VegaLite.TopLevelSpec);
  const ranking = results.scales.flatMap((s) => [
    { seekers: s.seekers, percentile: 'p50', ms: s.ranking.p50 },
    { seekers: s.seekers, percentile: 'p99', ms: s.ranking.p99 },
  ]);
  const rankingSvg = await svg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Ranking the candidates of one shift, through the front door',
    width: 480,
    height: 280,
    data: { values: ranking },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'seekers', type: 'quantitative', scale: { type: 'log' }, title: 'seekers in the market' },
      y: { field: 'ms', type: 'quantitative', title: 'time per ranking (ms)' },
      color: { field: 'percentile', type: 'nominal', title: null },
    },
  } as VegaLite.TopLevelSpec);
  const latencyPath = join(plots, 'latency-against-load.svg');
  const rankingPath = join(plots, 'ranking-against-seekers.svg');
  writeFileSync(latencyPath, latencySvg);
  writeFileSync(rankingPath, rankingSvg);

  const c = results.config;
  const md = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${c.quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (${c.scales.map(k).join(', ')} seekers, 2,000 open shifts).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; ${machine.os}; Node ${machine.node}; PostgreSQL ${machine.postgres}; Redis ${machine.redis}.`,
    'The machine is shared (other test runs use the same cores), so absolute figures are noisy; each comparison is made in the same run; front door and floor take turns in two-second slices.',
    '',
    'How: the five apps run as their own processes on the `lingong_bench` database (seeded set-based by `bench/seed.ts`) and a BullMQ prefix of their own;',
    'autocannon drives the front door over loopback. The floor of the board is `bench/floor.ts`: bare `node:http` and a `pg` pool running the SQL of',
    "job-posting's own `boardQuery` (built once per query string, and a named statement on both sides), so the two cannot drift apart. The notifications floor is two bare BullMQ queues of no-op",
    'jobs with the concurrencies of `domain-events` and `notifications`. The simulated month runs the matching engine in-process (`scripts/bench/month.ts`).',
    `Each scale's seeding ends with a VACUUM ANALYZE (as after any bulk load); before any browse shape is measured, every shape is driven at the measured connections for ${c.browseWarmUpSeconds} s, front door and floor.`,
    '',
    '![latency against load](benchmarks/latency-against-load.svg)',
    '![ranking time against seekers](benchmarks/ranking-against-seekers.svg)',
    '',
    figuresMarkdown(results),
    '',
    'Measured before (2026-11-30, 100,000 seekers and 2,000 open shifts), GET /api/shifts front door vs floor: no filter 537 vs 1,214 req/s (0.44×); near 177 vs 203; q=搬运 277 vs 343.',
    '',
  ].join('\n');
  const mdPath = join(dir, 'benchmarks.md');
  writeFileSync(mdPath, md);
  return [mdPath, latencyPath, rankingPath].map((p) => relative(repoRoot, p));
}
