import 'reflect-metadata';
import { DataSource, QueryFailedError, type DataSourceOptions } from 'typeorm';
import { readEnvFile } from '@lingong/config';
import {
  defaultWeights,
  greedyAssignment,
  overlaps,
  rankCandidates,
  scoreCandidate,
  solveAssignment,
  type AssignmentPlan,
  type DispatchShift,
} from '@lingong/matching-engine';
import { Clock } from '@lingong/platform';
import { CandidatesRepository, type ShiftRow } from '../apps/matching/src/candidates/candidates.repository';
import { CandidatesService } from '../apps/matching/src/candidates/candidates.service';
import { SeekerPool } from '../apps/matching/src/candidates/seeker-pool';
import { createCliDataSource } from './data-source';
import { isEligible, prepareSeeker, prepareShift } from './bench/eligibility';
import { activeBookings, allEligible, loadSeekers, loadShifts, sqlEligibility } from './bench/load';
import { monthOfShifts, simulateMonth, type MonthResult } from './bench/month';
import { startMatchingProcess, timedRequest, type MatchingProcess } from './bench/http';
import { seedBenchDatabase, seededCounts, type SeedCounts } from '../bench/seed';
import { count, mean, ms, pct, percentile, seconds, seededRandom, shuffled } from './bench/util';

/**
 * `npm run bench:matching`: seeds 100,000 seekers and 2,000 open shifts in a database of its own
 * and prints p50/p95 time for one candidate ranking, time and total score of a 200-shift × 5,000
 * seeker dispatch against greedy, and the Gini of hours with fairness on and off over a simulated
 * month. Ends with a Markdown table for the README.
 *
 * Rankings run the service's own path (CandidatesRepository + rankCandidates) under a statement
 * timeout, so a query that cannot finish is reported as such instead of stalling the run. Dispatch
 * and the month apply the same eligibility rule in memory (bench/eligibility.ts), checked against
 * the service's SQL on a sample of pairs.
 *
 * Options: --seekers=N (100000), --keep (keep the database, and use a kept one of the same size
 * again instead of seeding), --phases=ranking,http,dispatch,month (all), --rankings=N (200). The
 * HTTP phases start the matching service as its own process on the benchmark database.
 *
 * Environment: BENCH_DATABASE (default lingong_bench; must contain "bench": it is dropped and
 * created afresh unless kept), BENCH_KEEP=1 is --keep, BENCH_SEED (default 20261) seeds every random
 * choice, BENCH_SEEKERS (default 100000) scales the seekers, BENCH_STATEMENT_TIMEOUT_MS (default 20000) and BENCH_RANKING_BUDGET_S (default 120) bound
 * the ranking phase. The connection is the project's (DATABASE_HOST, DATABASE_PORT, DATABASE_USER,
 * DATABASE_PASSWORD; .env, .env.example); CREATE/DROP DATABASE go through BENCH_ADMIN_DATABASE
 * (default postgres).
 */

/** `--name=value` and `--flag` options on the command line (after `npm run bench:matching --`). */
function option(name: string): string | undefined {
  const found = process.argv.slice(2).find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (found === undefined) return undefined;
  return found.includes('=') ? found.slice(found.indexOf('=') + 1) : 'true';
}

/** --seekers (or BENCH_SEEKERS) scales the seekers: 100000 by default, down for a quick try (the pool and the month need at least 5,000). */
const SIZES = {
  seekers: Number(option('seekers') ?? process.env.BENCH_SEEKERS ?? 100_000),
  openShifts: 2_000,
  employersPerStreet: 2,
  bookedShare: 0.2,
};
const RANKINGS = Number(option('rankings') ?? 200);
/** Which parts run (--phases=ranking,http,dispatch,month; all by default). */
const PHASES = new Set((option('phases') ?? 'ranking,http,dispatch,month').split(','));
const WARM_UP = 5;
/** Rankings compared with scoring every eligible seeker (BENCH_EXACTNESS_CHECKS). */
const EXACTNESS_CHECKS = Number(process.env.BENCH_EXACTNESS_CHECKS ?? 5);
const DISPATCH_SHIFTS = 200;
const DISPATCH_POOL = 5_000;
const MONTH = { seekers: 2_000, days: 30, shiftsPerDay: 150 };
/** Every measured query gets this long (BENCH_STATEMENT_TIMEOUT_MS); the ranking phase stops after MAX_TIMEOUTS of them. */
const STATEMENT_TIMEOUT_MS = Number(process.env.BENCH_STATEMENT_TIMEOUT_MS ?? 20_000);
const MAX_TIMEOUTS = 3;
/** The ranking phase stops once it has run this long (BENCH_RANKING_BUDGET_S). */
const RANKING_BUDGET_MS = Number(process.env.BENCH_RANKING_BUDGET_S ?? 120) * 1000;
/** Dispatch eligibility is computed in memory and checked against the service's SQL on this many pairs. */
const CROSS_CHECK_PAIRS = 200;
const DISPATCH_ROUNDS = 3;

const benchDatabase = process.env.BENCH_DATABASE || 'lingong_bench';
/** --keep (or BENCH_KEEP=1): keep the database afterwards, and use it again when it already holds this many seekers (no reseeding). */
const keep = process.env.BENCH_KEEP === '1' || option('keep') === 'true';
const seed = Number(process.env.BENCH_SEED ?? 20261);

const t0 = performance.now();
function log(line: string): void {
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

function dataSourceFor(database: string, poolSize = 4): DataSource {
  return createCliDataSource({ ...readEnvFile(), ...process.env, DATABASE_NAME: database, DATABASE_POOL_SIZE: String(poolSize) });
}

/** The same connection with a statement timeout on every session, so one runaway query cannot stall the run. */
function withStatementTimeout(base: DataSource, timeoutMs: number): DataSource {
  const extra = { ...(base.options.extra as Record<string, unknown>), options: `-c statement_timeout=${Math.round(timeoutMs)}` };
  return new DataSource({ ...base.options, extra } as DataSourceOptions);
}

function isTimeout(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '57014';
}

/** Runs `work` on a connection to the server's maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
async function onServer(work: (server: DataSource) => Promise<void>): Promise<void> {
  const server = dataSourceFor(process.env.BENCH_ADMIN_DATABASE || 'postgres', 1);
  await server.initialize();
  try {
    await work(server);
  } finally {
    await server.destroy();
  }
}

async function recreateDatabase(): Promise<void> {
  // It is dropped: a plain lower-case name that says it is a benchmark's, never the market's own database.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(benchDatabase) || !benchDatabase.includes('bench'))
    throw new Error(`BENCH_DATABASE must be a plain lower-case name containing "bench", got ${JSON.stringify(benchDatabase)}`);
  await onServer(async (server) => {
    await server.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`);
    await server.query(`CREATE DATABASE "${benchDatabase}"`);
  });
}

async function dropDatabase(): Promise<void> {
  await onServer(async (server) => {
    await server.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`);
  });
}

// ---------------------------------------------------------------------------------------------
// 2. One candidate ranking, as the matching service runs it.

interface RankingResult {
  attempted: number;
  completed: number;
  timedOut: number;
  p50: number;
  p95: number;
  max: number;
  queryP50: number;
  rankP50: number;
  avgCandidates: number;
  minCandidates: number;
  maxCandidates: number;
  avgEligible: number;
  exactnessChecked: number;
}

async function benchRanking(dataSource: DataSource, now: Date, picked: readonly string[]): Promise<RankingResult> {
  const repository = new CandidatesRepository(dataSource);
  const service = new CandidatesService(repository, new SeekerPool(dataSource), new Clock());
  // Time spent in SQL (summed over statements, some of which run side by side).
  let sqlMs = 0;
  const untimed = dataSource.query.bind(dataSource);
  dataSource.query = (async (...args: Parameters<DataSource['query']>) => {
    const q0 = performance.now();
    try {
      return (await untimed(...args)) as unknown;
    } finally {
      sqlMs += performance.now() - q0;
    }
  }) as DataSource['query'];
  const context = await service.fairnessContext(now); // once, as the service caches it for five minutes
  log(`fairness context: median ${context.medianHoursLast30Days} h and ${context.medianEarningsLast30DaysFen} fen over the last 30 days`);

  // Per attempted ranking: its time, or Infinity when the statement timeout cut it off.
  const total: number[] = [];
  const query: number[] = [];
  const rank: number[] = [];
  const sizes: number[] = [];
  const eligible: number[] = [];
  const done: string[] = [];
  let timedOut = 0;
  const started = performance.now();
  for (const [n, shiftId] of picked.entries()) {
    const warmUp = n < WARM_UP;
    if (timedOut >= MAX_TIMEOUTS || performance.now() - started > RANKING_BUDGET_MS) {
      log(
        `  stopping the ranking phase after ${total.length} timed rankings: ` +
          (timedOut >= MAX_TIMEOUTS ? `${timedOut} timed out` : `its ${seconds(RANKING_BUDGET_MS)} budget is spent`),
      );
      break;
    }
    // The service's forShift for staff: the shift, then its top 20 (the pool's look at what changed,
    // the shift's facts, the walk over the pool in memory, the chosen seekers' names).
    const a = performance.now();
    sqlMs = 0;
    let walked;
    try {
      const shift = await repository.shift(shiftId);
      if (!shift) throw new Error(`shift ${shiftId} vanished`);
      walked = await service.topCandidates(shift, now, { limit: 20 });
    } catch (error) {
      if (!isTimeout(error)) throw error;
      timedOut += 1;
      total.push(Infinity); // a warm-up that cannot finish is a result too
      query.push(Infinity);
      log(`  ranking ${n + 1} (${shiftId}): a ring did not finish within the ${seconds(STATEMENT_TIMEOUT_MS)} statement timeout`);
      continue;
    }
    const c = performance.now();
    if (warmUp) continue; // warm the caches and the plan first
    total.push(c - a);
    query.push(sqlMs);
    rank.push(c - a - sqlMs);
    sizes.push(walked.stats.read);
    eligible.push(walked.stats.eligible);
    done.push(shiftId);
    if (done.length % 50 === 0) log(`  ${done.length}/${RANKINGS} rankings, p50 so far ${ms(percentile(total, 50))}`);
  }

  // The same top 20 as scoring every eligible seeker: checked on a few shifts (the exhaustive query takes seconds each).
  const checked = done.slice(0, EXACTNESS_CHECKS);
  for (const shiftId of checked) {
    const shift = (await repository.shift(shiftId)) as ShiftRow;
    const walked = await service.topCandidates(shift, now, { limit: 20 });
    const everyone = await allEligible(dataSource, shiftId, now);
    const exhaustive = rankCandidates(shift, everyone, context, defaultWeights).slice(0, 20);
    const same =
      JSON.stringify(walked.ranked.map((c) => [c.seeker.id, c.score])) === JSON.stringify(exhaustive.map((c) => [c.seeker.id, c.score]));
    if (!same)
      throw new Error(
        `the best-first top 20 of shift ${shiftId} differs from the exhaustive ranking of its ${everyone.length} eligible seekers`,
      );
    log(
      `  shift ${shiftId}: the same top 20 as the exhaustive ranking of all ${count(everyone.length)} eligible seekers (read ${walked.stats.read})`,
    );
  }

  Reflect.deleteProperty(dataSource, 'query'); // the prototype's again, untimed
  const orNaN = (values: number[], f: (v: number[]) => number) => (values.length > 0 ? f(values) : NaN);
  return {
    attempted: total.length,
    completed: done.length,
    timedOut,
    p50: orNaN(total, (v) => percentile(v, 50)),
    p95: orNaN(total, (v) => percentile(v, 95)),
    max: orNaN(total, (v) => Math.max(...v)),
    queryP50: orNaN(query, (v) => percentile(v, 50)),
    rankP50: orNaN(rank, (v) => percentile(v, 50)),
    avgCandidates: orNaN(sizes, mean),
    minCandidates: orNaN(sizes, (v) => Math.min(...v)),
    maxCandidates: orNaN(sizes, (v) => Math.max(...v)),
    avgEligible: orNaN(eligible, mean),
    exactnessChecked: checked.length,
  };
}

/** A time, or "> timeout" for one that the statement timeout cut off, or "n/a" for none. */
function timing(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  return value === Infinity ? `> ${seconds(STATEMENT_TIMEOUT_MS)} (timeout)` : ms(value);
}

// ---------------------------------------------------------------------------------------------
// 3. Bulk dispatch: the exact solver against a greedy pass.

interface DispatchResult {
  shifts: number;
  pool: number;
  places: number;
  pairs: number;
  span: string;
  eligibilityMs: number;
  scoringMs: number;
  solverMs: number;
  greedyMs: number;
  solver: AssignmentPlan;
  greedy: AssignmentPlan;
  crossCheck: { sampled: number; agreed: number };
}

/** Headcounts respected, one person once per shift, nobody on two overlapping shifts. */
function checkPlan(name: string, plan: AssignmentPlan, shifts: ReadonlyMap<string, DispatchShift>): void {
  const perShift = new Map<string, Set<string>>();
  const perSeeker = new Map<string, DispatchShift[]>();
  for (const a of plan.assignments) {
    const shift = shifts.get(a.shiftId) as DispatchShift;
    const people = perShift.get(a.shiftId) ?? new Set<string>();
    if (people.has(a.seekerId)) throw new Error(`${name}: ${a.seekerId} twice on ${a.shiftId}`);
    people.add(a.seekerId);
    perShift.set(a.shiftId, people);
    if (people.size > shift.headcount) throw new Error(`${name}: ${a.shiftId} over its headcount`);
    const mine = perSeeker.get(a.seekerId) ?? [];
    if (mine.some((other) => overlaps(other, shift))) throw new Error(`${name}: ${a.seekerId} on overlapping shifts`);
    mine.push(shift);
    perSeeker.set(a.seekerId, mine);
  }
}

/** Up to `n` pairs the in-memory rule admits and `n` it refuses, for the cross-check against the SQL. */
function crossCheckSample(
  shifts: readonly { id: string }[],
  seekers: readonly { id: string }[],
  verdict: (shift: number, seeker: number) => boolean,
  n: number,
  random: () => number,
): { shiftId: string; seekerId: string; expected: boolean }[] {
  const yes: { shiftId: string; seekerId: string; expected: boolean }[] = [];
  const no: typeof yes = [];
  for (let tries = 0; tries < 200 * n && (yes.length < n || no.length < n); tries++) {
    const i = Math.floor(random() * shifts.length);
    const j = Math.floor(random() * seekers.length);
    const expected = verdict(i, j);
    const list = expected ? yes : no;
    if (list.length < n) list.push({ shiftId: shifts[i].id, seekerId: seekers[j].id, expected });
  }
  return [...yes, ...no];
}

async function benchDispatch(dataSource: DataSource, now: Date, random: () => number): Promise<DispatchResult> {
  const repository = new CandidatesRepository(dataSource);
  // What staff dispatch in bulk: the next shifts to start (tomorrow's and some of the day after), so they compete for people.
  const shiftIds = (
    (await dataSource.query(`SELECT id FROM shifts WHERE status = 'open' AND starts_at > $1 ORDER BY starts_at, id LIMIT $2`, [
      now,
      DISPATCH_SHIFTS,
    ])) as {
      id: string;
    }[]
  ).map((r) => r.id);
  const activeIds = (
    (await dataSource.query(
      `SELECT id FROM workers WHERE status = 'active' AND phone IS NOT NULL AND location IS NOT NULL ORDER BY id`,
    )) as { id: string }[]
  ).map((r) => r.id);
  const poolIds = shuffled(activeIds, random).slice(0, DISPATCH_POOL);

  const [shifts, seekers, context] = await Promise.all([
    loadShifts(dataSource, shiftIds),
    loadSeekers(dataSource, poolIds, now),
    repository.refreshFairnessContext(now),
  ]);
  const from = new Date(Math.min(...shifts.map((s) => s.startsAt.getTime())));
  const to = new Date(Math.max(...shifts.map((s) => s.endsAt.getTime())));
  const booked = await activeBookings(dataSource, poolIds, from, to);

  // Eligibility: the service's rule in memory, so the figure is the solver's alone (the route retrieves per shift; see the ranking).
  const e0 = performance.now();
  const preparedShifts = shifts.map(prepareShift);
  const preparedSeekers = seekers.map((s) => prepareSeeker(s, booked.get(s.id) ?? []));
  const verdict = (i: number, j: number) => isEligible(shifts[i], preparedShifts[i], seekers[j], preparedSeekers[j]);
  const pairs: { shift: number; seeker: number }[] = [];
  shifts.forEach((_, i) => seekers.forEach((_, j) => verdict(i, j) && pairs.push({ shift: i, seeker: j })));
  const eligibilityMs = performance.now() - e0;
  log(
    `dispatch input: ${shifts.length} shifts, ${seekers.length} seekers in the pool, ${count(pairs.length)} eligible pairs (${ms(eligibilityMs)})`,
  );

  // …checked against the service's SQL on a sample of pairs, half admitted and half refused.
  const sample = crossCheckSample(shifts, seekers, verdict, CROSS_CHECK_PAIRS / 2, random);
  const c0 = performance.now();
  const sqlVerdicts = await sqlEligibility(dataSource, sample);
  const agreed = sample.filter((p, k) => p.expected === sqlVerdicts[k]).length;
  log(`  cross-check with candidate.sql.ts on ${sample.length} sampled pairs: ${agreed} agree (${ms(performance.now() - c0)})`);
  for (const [k, p] of sample.entries()) {
    if (p.expected !== sqlVerdicts[k])
      log(`    disagree: shift ${p.shiftId}, seeker ${p.seekerId}: in memory ${p.expected}, SQL ${sqlVerdicts[k]}`);
  }

  // A loaded seeker is already what the engine reads (SeekerForMatching and more).
  const engineSeekers = seekers;
  const a = performance.now();
  const scores = new Map<string, Map<string, number>>();
  for (const { shift, seeker } of pairs) {
    const scored = scoreCandidate(shifts[shift], engineSeekers[seeker], context, defaultWeights);
    const row = scores.get(shifts[shift].id) ?? new Map<string, number>();
    row.set(seekers[seeker].id, scored.score);
    scores.set(shifts[shift].id, row);
  }
  const scoringMs = performance.now() - a;

  const dispatchShifts: DispatchShift[] = shifts.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, headcount: s.remaining }));
  const input = { shifts: dispatchShifts, seekers: seekers.map((s) => ({ id: s.id })), scores };
  // Each runs DISPATCH_ROUNDS times, alternating, and the median time counts (the first round also warms the JIT).
  const solverTimes: number[] = [];
  const greedyTimes: number[] = [];
  let solver: AssignmentPlan | undefined;
  let greedy: AssignmentPlan | undefined;
  for (let round = 0; round < DISPATCH_ROUNDS; round++) {
    const b = performance.now();
    solver = solveAssignment(input);
    const c = performance.now();
    greedy = greedyAssignment(input);
    solverTimes.push(c - b);
    greedyTimes.push(performance.now() - c);
  }
  if (!solver || !greedy) throw new Error('no dispatch round ran');
  log(`  solver ${solverTimes.map(ms).join(', ')}; greedy ${greedyTimes.map(ms).join(', ')} (${DISPATCH_ROUNDS} rounds)`);
  const byId = new Map(dispatchShifts.map((s) => [s.id, s]));
  checkPlan('solver', solver, byId);
  checkPlan('greedy', greedy, byId);

  const fmt = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
  return {
    shifts: shifts.length,
    pool: seekers.length,
    places: dispatchShifts.reduce((sum, s) => sum + s.headcount, 0),
    pairs: pairs.length,
    span: `${fmt(from)} – ${fmt(to)}`,
    eligibilityMs,
    scoringMs,
    solverMs: percentile(solverTimes, 50),
    greedyMs: percentile(greedyTimes, 50),
    solver,
    greedy,
    crossCheck: { sampled: sample.length, agreed },
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Fairness over a simulated month, on and off.

interface MonthBench {
  on: MonthResult;
  off: MonthResult;
  seekers: number;
  shifts: number;
  places: number;
}

async function benchMonth(dataSource: DataSource, now: Date, random: () => number): Promise<MonthBench> {
  const activeIds = (
    (await dataSource.query(
      `SELECT id FROM workers WHERE status = 'active' AND phone IS NOT NULL AND location IS NOT NULL ORDER BY id`,
    )) as { id: string }[]
  ).map((r) => r.id);
  const seekers = (await loadSeekers(dataSource, shuffled(activeIds, random).slice(0, MONTH.seekers), now)).map((s) => ({ ...s }));
  const shapeIds = ((await dataSource.query(`SELECT id FROM shifts WHERE status = 'open' ORDER BY id`)) as { id: string }[]).map(
    (r) => r.id,
  );
  const shapes = await loadShifts(dataSource, shapeIds);
  const month = monthOfShifts(shapes, { days: MONTH.days, perDay: MONTH.shiftsPerDay, start: now, random });
  const shifts = month.reduce((sum, day) => sum + day.length, 0);
  const places = month.reduce((sum, day) => sum + day.reduce((s, shift) => s + shift.remaining, 0), 0);
  log(
    `month: ${seekers.length} seekers, ${MONTH.days} days, ${count(shifts)} shifts with ${count(places)} places (drawn from the open shifts' shapes)`,
  );

  const on = simulateMonth(seekers, month, defaultWeights);
  log(
    `  fairness on (weight ${defaultWeights.fairness}): hours Gini ${on.hoursGini.toFixed(3)}, ${count(on.scored)} scorings in ${seconds(on.elapsedMs)}`,
  );
  const off = simulateMonth(seekers, month, { ...defaultWeights, fairness: 0 });
  log(`  fairness off (weight 0): hours Gini ${off.hoursGini.toFixed(3)}, ${count(off.scored)} scorings in ${seconds(off.elapsedMs)}`);
  return { on, off, seekers: seekers.length, shifts, places };
}

// ---------------------------------------------------------------------------------------------

interface HttpRanking {
  timed: number;
  p50: number;
  p95: number;
  max: number;
}

/** The same shifts' rankings as staff ask for them over HTTP (GET /api/matching/shifts/:id/candidates, 20 items). */
async function benchHttpRanking(app: MatchingProcess, shiftIds: readonly string[]): Promise<HttpRanking> {
  const times: number[] = [];
  const started = performance.now();
  for (const [n, shiftId] of shiftIds.entries()) {
    if (performance.now() - started > RANKING_BUDGET_MS) {
      log(`  stopping the HTTP rankings after ${times.length}: the ${seconds(RANKING_BUDGET_MS)} budget is spent`);
      break;
    }
    const { ms: elapsed, body } = await timedRequest(app, 'GET', `/api/matching/shifts/${shiftId}/candidates?limit=20`);
    if (!Array.isArray((body as { items?: unknown }).items)) throw new Error(`no items for ${shiftId}`);
    if (n < WARM_UP) continue;
    times.push(elapsed);
    if (times.length % 50 === 0) log(`  ${times.length} HTTP rankings, p50 so far ${ms(percentile(times, 50))}`);
  }
  return { timed: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

interface HttpDispatch {
  rounds: number[];
  median: number;
  assignments: number;
  totalScore: number;
}

/** POST /api/dispatch/plans for the dispatch's shifts, as staff ask for it: one retrieval for all of them, scoring, both solvers, the plan saved. */
async function benchHttpDispatch(app: MatchingProcess, dataSource: DataSource, now: Date): Promise<HttpDispatch> {
  const shiftIds = (
    (await dataSource.query(`SELECT id FROM shifts WHERE status = 'open' AND starts_at > $1 ORDER BY starts_at, id LIMIT $2`, [
      now,
      DISPATCH_SHIFTS,
    ])) as {
      id: string;
    }[]
  ).map((r) => r.id);
  const rounds: number[] = [];
  let last: { assignments: unknown[]; totalScore: number } | undefined;
  for (let round = 0; round < DISPATCH_ROUNDS; round++) {
    const { ms: elapsed, body } = await timedRequest(app, 'POST', '/api/dispatch/plans', { shiftIds });
    rounds.push(elapsed);
    last = body as { assignments: unknown[]; totalScore: number };
  }
  return { rounds, median: percentile(rounds, 50), assignments: last?.assignments.length ?? 0, totalScore: last?.totalScore ?? 0 };
}

interface Results {
  seedMs: number | null;
  seeded: SeedCounts;
  ranking?: RankingResult;
  http?: HttpRanking;
  dispatch?: DispatchResult;
  httpDispatch?: HttpDispatch;
  month?: MonthBench;
}

function summary({ seedMs, seeded, ranking, http, dispatch, httpDispatch, month }: Results): string {
  const rows: [string, string][] = [
    [
      seedMs === null ? 'Seeding (kept database, used again)' : 'Seeding (set-based SQL, incl. ANALYZE)',
      `${seedMs === null ? '—' : seconds(seedMs)} for ${count(seeded.seekers)} seekers, ${count(seeded.openShifts)} open shifts, ${count(seeded.bookings)} past bookings`,
    ],
  ];
  if (ranking) {
    rows.push(
      [
        `One candidate ranking in process, service path (${ranking.attempted} of ${RANKINGS} random open shifts timed${ranking.timedOut ? `, ${ranking.timedOut} cut off` : ''}): p50 / p95 / max`,
        `${timing(ranking.p50)} / ${timing(ranking.p95)} / ${timing(ranking.max)}`,
      ],
      [
        '… of which SQL (summed: the shift, the pool’s look at changes, the shift’s facts, the names) / the rest, p50',
        `${timing(ranking.queryP50)} / ${timing(ranking.rankP50)}`,
      ],
      [
        `Candidates scored per ranking (avg, min–max; of ${count(ranking.avgEligible)} eligible on average; ${ranking.exactnessChecked} checked equal to the exhaustive top 20)`,
        Number.isNaN(ranking.avgCandidates)
          ? 'n/a (no ranking finished)'
          : `${count(ranking.avgCandidates)} (${count(ranking.minCandidates)}–${count(ranking.maxCandidates)})`,
      ],
    );
  }
  if (http) {
    rows.push([
      `One candidate ranking over HTTP, staff, 20 items (${http.timed} timed): p50 / p95 / max`,
      `${timing(http.p50)} / ${timing(http.p95)} / ${timing(http.max)}`,
    ]);
  }
  if (dispatch) {
    const gain = dispatch.solver.totalScore - dispatch.greedy.totalScore;
    const gainPct = dispatch.greedy.totalScore > 0 ? (gain / dispatch.greedy.totalScore) * 100 : 0;
    rows.push(
      [
        `Dispatch ${dispatch.shifts} shifts × ${count(dispatch.pool)} seekers (${count(dispatch.pairs)} eligible pairs, ${count(dispatch.places)} places)`,
        `solver ${ms(dispatch.solverMs)}, greedy ${ms(dispatch.greedyMs)} (median of ${DISPATCH_ROUNDS}; eligibility ${ms(dispatch.eligibilityMs)}, scoring ${ms(dispatch.scoringMs)})`,
      ],
      [
        'Dispatch total score: solver / greedy',
        `${dispatch.solver.totalScore.toFixed(1)} / ${dispatch.greedy.totalScore.toFixed(1)} (+${gain.toFixed(1)} points, +${gainPct.toFixed(2)}%)`,
      ],
      [
        'Dispatch places filled: solver / greedy',
        `${count(dispatch.solver.assignments.length)} / ${count(dispatch.greedy.assignments.length)} of ${count(dispatch.places)}`,
      ],
    );
  }
  if (httpDispatch) {
    rows.push([
      `Dispatch over HTTP, POST /api/dispatch/plans of ${DISPATCH_SHIFTS} shifts (pools of each shift’s best by the best-first walk over the seeker pool; median of ${DISPATCH_ROUNDS})`,
      `${ms(httpDispatch.median)} (${httpDispatch.rounds.map(ms).join(', ')}); ${count(httpDispatch.assignments)} assigned, total ${httpDispatch.totalScore.toFixed(1)}`,
    ]);
  }
  if (month) {
    rows.push(
      [
        `Month (${month.seekers} seekers, ${MONTH.days} days, ${count(month.places)} places): Gini of hours, fairness on / off`,
        `${month.on.hoursGini.toFixed(3)} / ${month.off.hoursGini.toFixed(3)}`,
      ],
      ['Month: Gini of earnings, fairness on / off', `${month.on.earningsGini.toFixed(3)} / ${month.off.earningsGini.toFixed(3)}`],
      [
        'Month: seekers with any work, fairness on / off',
        `${pct(month.on.seekersWithWork / month.seekers)} / ${pct(month.off.seekersWithWork / month.seekers)}`,
      ],
      [
        `Month: priority-group seekers (${month.on.priorityGroupSeekers}) with any work, on / off`,
        `${pct(month.on.priorityGroupWithWork / month.on.priorityGroupSeekers)} / ${pct(month.off.priorityGroupWithWork / month.off.priorityGroupSeekers)}`,
      ],
      [
        'Month: share of bookings to priority groups, on / off',
        `${pct(month.on.priorityGroupBookings / month.on.filled)} / ${pct(month.off.priorityGroupBookings / month.off.filled)}`,
      ],
    );
  }
  return ['| Measure | Result |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

/** A kept database with this many seekers is used again (after any new migrations); otherwise it is made afresh. */
async function reusableDatabase(): Promise<boolean> {
  if (!keep) return false;
  let exists = false;
  await onServer(async (server) => {
    exists = ((await server.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [benchDatabase])) as unknown[]).length > 0;
  });
  if (!exists) return false;
  const probe = dataSourceFor(benchDatabase, 1);
  await probe.initialize();
  try {
    const rows = (await probe.query(`SELECT count(*)::int AS n FROM workers`).catch(() => [{ n: -1 }])) as { n: number }[];
    if (rows[0].n === SIZES.seekers) return true;
    log(`kept database ${benchDatabase} holds ${rows[0].n} seekers, not ${SIZES.seekers}: made afresh`);
    return false;
  } finally {
    await probe.destroy();
  }
}

async function main(): Promise<void> {
  log(
    `matching benchmark: database ${benchDatabase}, seed ${seed}, phases ${[...PHASES].join(', ')}${keep ? ', kept afterwards (--keep)' : ''}`,
  );
  const reuse = await reusableDatabase();
  if (!reuse) await recreateDatabase();
  const dataSource = dataSourceFor(benchDatabase);
  const measured = withStatementTimeout(dataSource, STATEMENT_TIMEOUT_MS);
  let app: MatchingProcess | undefined;
  let ok = false;
  try {
    await dataSource.initialize();
    const m0 = performance.now();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    log(
      `${reuse ? 'using the kept' : 'created'} ${benchDatabase}, applied ${applied.length} migrations (${seconds(performance.now() - m0)})`,
    );

    let seeded: SeedCounts;
    let seedMs: number | null = null;
    if (reuse) {
      if (applied.length > 0) await dataSource.query('ANALYZE');
      seeded = await seededCounts(dataSource);
    } else {
      log(`seeding ${count(SIZES.seekers)} seekers and ${count(SIZES.openShifts)} open shifts…`);
      const s0 = performance.now();
      seeded = await seedBenchDatabase(dataSource, SIZES, log);
      seedMs = performance.now() - s0;
    }
    log(
      `${reuse ? 'kept' : `seeded in ${seconds(seedMs ?? 0)}`}: ${count(seeded.seekers)} seekers (${count(seeded.activeSeekers)} active, ${count(seeded.priorityGroupSeekers)} in a priority group), ` +
        `${seeded.employers} employers, ${count(seeded.openShifts)} open shifts (${count(seeded.openPlaces)} places), ${count(seeded.pastShifts)} past shifts, ` +
        `${count(seeded.bookings)} bookings (${count(seeded.completedBookings)} completed) for ${count(seeded.seekersWithBookings)} seekers`,
    );

    const now = new Date();
    const random = seededRandom(seed);
    await measured.initialize();
    const results: Results = { seedMs, seeded };

    const openIds = ((await dataSource.query(`SELECT id FROM shifts WHERE status = 'open' ORDER BY id`)) as { id: string }[]).map(
      (r) => r.id,
    );
    const picked = shuffled(openIds, random).slice(0, RANKINGS + WARM_UP);
    if (PHASES.has('ranking')) {
      log(`ranking candidates in process for ${RANKINGS} random open shifts (after ${WARM_UP} warm-up rankings)…`);
      const ranking = (results.ranking = await benchRanking(measured, now, picked));
      log(
        `ranking: ${ranking.completed} of ${ranking.attempted} timed rankings finished (${ranking.timedOut} cut off at ${seconds(STATEMENT_TIMEOUT_MS)}): ` +
          `p50 ${timing(ranking.p50)}, p95 ${timing(ranking.p95)}, max ${timing(ranking.max)}; SQL p50 ${timing(ranking.queryP50)}, engine p50 ${timing(ranking.rankP50)}; ` +
          `${Number.isNaN(ranking.avgCandidates) ? 'n/a' : count(ranking.avgCandidates)} candidates scored on average`,
      );
    }

    if (PHASES.has('http') || PHASES.has('dispatch')) {
      log('starting the matching service on the benchmark database…');
      app = await startMatchingProcess(dataSource, { ...readEnvFile(), ...process.env }, benchDatabase);
    }
    if (PHASES.has('http') && app) {
      log(`ranking candidates over HTTP for the same ${RANKINGS} shifts (after ${WARM_UP} warm-up requests)…`);
      const http = (results.http = await benchHttpRanking(app, picked));
      log(`HTTP ranking: p50 ${timing(http.p50)}, p95 ${timing(http.p95)}, max ${timing(http.max)} over ${http.timed} requests`);
    }

    if (PHASES.has('dispatch')) {
      log(`dispatch: ${DISPATCH_SHIFTS} shifts × ${count(DISPATCH_POOL)} seekers…`);
      const dispatch = (results.dispatch = await benchDispatch(measured, now, random));
      const gain = dispatch.solver.totalScore - dispatch.greedy.totalScore;
      log(`  shifts from ${dispatch.span} (market time), ${count(dispatch.places)} places; scoring ${ms(dispatch.scoringMs)}`);
      log(
        `  solver: ${ms(dispatch.solverMs)}, total ${dispatch.solver.totalScore.toFixed(1)}, ${dispatch.solver.assignments.length} places filled; ` +
          `greedy: ${ms(dispatch.greedyMs)}, total ${dispatch.greedy.totalScore.toFixed(1)}, ${dispatch.greedy.assignments.length} places filled`,
      );
      log(`  solver over greedy: +${gain.toFixed(1)} points (+${((gain / dispatch.greedy.totalScore) * 100).toFixed(2)}%)`);
    }

    if (PHASES.has('dispatch') && app) {
      log(`dispatch over HTTP: POST /api/dispatch/plans with the same ${DISPATCH_SHIFTS} shifts…`);
      const httpDispatch = (results.httpDispatch = await benchHttpDispatch(app, dataSource, now));
      log(`  ${httpDispatch.rounds.map(ms).join(', ')}: median ${ms(httpDispatch.median)}, ${httpDispatch.assignments} assigned`);
    }

    if (PHASES.has('month')) {
      log(`fairness over a simulated month…`);
      const month = (results.month = await benchMonth(measured, now, random));
      for (const [name, r] of [
        ['on ', month.on],
        ['off', month.off],
      ] as const) {
        log(
          `  fairness ${name}: Gini hours ${r.hoursGini.toFixed(3)}, earnings ${r.earningsGini.toFixed(3)}; ${count(r.filled)}/${count(r.places)} places filled; ` +
            `${pct(r.seekersWithWork / month.seekers)} of seekers and ${r.priorityGroupWithWork}/${r.priorityGroupSeekers} priority-group seekers got work`,
        );
      }
    }

    console.log(`\n${summary(results)}\n`);
    ok = true;
  } finally {
    if (app) await app.stop();
    if (measured.isInitialized) await measured.destroy();
    if (dataSource.isInitialized) await dataSource.destroy();
    if (keep) log(`kept database ${benchDatabase}`);
    else {
      await dropDatabase();
      log(`dropped database ${benchDatabase}`);
    }
    log(ok ? 'done' : 'failed');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
