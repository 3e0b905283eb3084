import type { DataSource } from 'typeorm';
import type { AccountRole } from '@lingong/identity';
import { percentile } from '../scripts/bench/util';
import { drive, type LoadResult } from './load';
import type { Progress } from './progress';
import { benchSeeker } from './seed';

/** Ranking, applying and accepting through the front door, as staff, seekers and employers call them. */

export type Mint = (account: { id: string; phone: string; role: AccountRole }) => string;

/** The bootstrap admin's token, from the front door's own staff sign-in. */
export async function staffToken(frontDoor: string, env: Record<string, string>): Promise<string> {
  const response = await fetch(`${frontDoor}/api/auth/staff-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: env.BOOTSTRAP_ADMIN_PHONE, password: env.BOOTSTRAP_ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`staff sign-in: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Rankings timed one after the other: this many rounds of the 50 shifts. */
const ONE_AT_A_TIME_ROUNDS = 4;

/** GET /api/matching/shifts/:id/candidates?limit=20 over random open shifts, as staff: one at a time, then side by side. */
export async function benchRanking(
  progress: Progress,
  frontDoor: string,
  db: DataSource,
  token: string,
  options: { seconds: number; connections: number },
): Promise<LoadResult & { candidatesPerRanking: number; oneAtATime: { p50: number; p95: number } }> {
  const ids = ((await db.query(`SELECT id FROM shifts WHERE status = 'open' ORDER BY md5(id::text) LIMIT 50`)) as { id: string }[]).map(
    (r) => r.id,
  );
  const requests = ids.map((id) => ({ method: 'GET' as const, path: `/api/matching/shifts/${id}/candidates?limit=20` }));
  const headers = { authorization: `Bearer ${token}` };
  // The first ranking after seeding reads the new seekers into matching's pool (at a million, longer
  // than the front door waits for an answer): asked again until it answers.
  let sample = await fetch(`${frontDoor}${requests[0].path}`, { headers });
  for (let tries = 1; sample.status === 503 && tries < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    sample = await fetch(`${frontDoor}${requests[0].path}`, { headers });
  }
  if (!sample.ok) throw new Error(`ranking: ${sample.status} ${await sample.text()}`);
  const candidatesPerRanking = ((await sample.json()) as { items: unknown[] }).items.length;
  // Warm up with a few whole rankings (one can take longer than a short autocannon run at a million seekers).
  for (const request of requests.slice(1, 4)) await fetch(`${frontDoor}${request.path}`, { headers }).then((r) => r.arrayBuffer());
  // One at a time first: how long one person at a desk waits for a ranking, with nothing queued ahead.
  const latencies: number[] = [];
  for (let round = 0; round < ONE_AT_A_TIME_ROUNDS; round++) {
    for (const request of requests) {
      const started = performance.now();
      const answer = await fetch(`${frontDoor}${request.path}`, { headers });
      await answer.arrayBuffer();
      if (!answer.ok) throw new Error(`ranking: ${answer.status}`);
      latencies.push(performance.now() - started);
    }
  }
  const oneAtATime = { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  const result = await drive(progress, 'ranking: front door', { url: frontDoor, headers, requests, ...options });
  progress.log(
    `  ranking (candidates of one open shift, ${candidatesPerRanking} answered): one at a time p50 ${oneAtATime.p50.toFixed(1)} ms, p95 ${oneAtATime.p95.toFixed(1)} ms; ` +
      `${options.connections} at a time ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
  );
  return { ...result, candidatesPerRanking, oneAtATime };
}

export interface CallFigures {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  /** Answers by status (and code, for 4xx). */
  outcomes: Record<string, number>;
}

function figures(latencies: number[], elapsedMs: number, outcomes: Record<string, number>): CallFigures {
  return {
    count: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / (elapsedMs / 1000),
    outcomes,
  };
}

async function call(url: string, token: string, body: unknown): Promise<{ status: number; ms: number; json: Record<string, unknown> }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, ms: performance.now() - started, json };
}

const outcome = (status: number, json: Record<string, unknown>) =>
  status >= 400 && status < 500 && typeof json.code === 'string' ? `${status} ${json.code}` : String(status);

/**
 * `pairs` seekers (numbers from `firstSeeker`) each apply to an open shift with a place left, and the
 * shift's employer accepts at once: POST /api/shifts/:id/applications then POST /api/applications/:id/accept,
 * `concurrency` such pairs at a time. Every answer is counted by status and code (DOUBLE_BOOKING, SHIFT_FULL, and any 5xx).
 */
export async function benchApplyAccept(
  progress: Progress,
  frontDoor: string,
  db: DataSource,
  mint: Mint,
  options: { pairs: number; concurrency: number; firstSeeker: number },
): Promise<{ apply: CallFigures; accept: CallFigures }> {
  const shifts = (await db.query(
    `SELECT s.id, e.account_id AS "accountId", a.phone FROM shifts s JOIN employers e ON e.id = s.employer_id JOIN accounts a ON a.id = e.account_id
      WHERE s.status = 'open' AND s.filled < s.headcount ORDER BY md5(s.id::text) LIMIT 200`,
  )) as { id: string; accountId: string; phone: string }[];
  const employerTokens = new Map(shifts.map((s) => [s.accountId, mint({ id: s.accountId, phone: s.phone, role: 'employer' })]));
  const applyLatencies: number[] = [];
  const acceptLatencies: number[] = [];
  const applyOutcomes: Record<string, number> = {};
  const acceptOutcomes: Record<string, number> = {};
  let next = 0;
  let done = 0;
  const started = performance.now();
  await progress.task('apply + accept: front door', options.pairs, async (tick) => {
    const lane = async () => {
      while (next < options.pairs) {
        const k = next++;
        const seeker = benchSeeker(options.firstSeeker + k);
        const shift = shifts[k % shifts.length];
        const applied = await call(
          `${frontDoor}/api/shifts/${shift.id}/applications`,
          mint({ id: seeker.accountId, phone: seeker.phone, role: 'worker' }),
          {},
        );
        applyLatencies.push(applied.ms);
        applyOutcomes[outcome(applied.status, applied.json)] = (applyOutcomes[outcome(applied.status, applied.json)] ?? 0) + 1;
        if (applied.status === 201) {
          const accepted = await call(
            `${frontDoor}/api/applications/${String(applied.json.id)}/accept`,
            employerTokens.get(shift.accountId) as string,
            {},
          );
          acceptLatencies.push(accepted.ms);
          acceptOutcomes[outcome(accepted.status, accepted.json)] = (acceptOutcomes[outcome(accepted.status, accepted.json)] ?? 0) + 1;
        }
        tick(++done);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, lane));
  });
  const elapsed = performance.now() - started;
  const apply = figures(applyLatencies, elapsed, applyOutcomes);
  const accept = figures(acceptLatencies, elapsed, acceptOutcomes);
  const show = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${v}× ${k}`)
      .join(', ');
  progress.log(
    `  apply: p50 ${apply.p50.toFixed(1)} ms, p99 ${apply.p99.toFixed(1)} ms (${show(apply.outcomes)}); accept: p50 ${accept.p50.toFixed(1)} ms, p99 ${accept.p99.toFixed(1)} ms (${show(accept.outcomes)}); ${(done / (elapsed / 1000)).toFixed(1)} pairs/s at ${options.concurrency} at a time`,
  );
  return { apply, accept };
}
