import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { checkPartTimeShift, MAX_SHIFT_HOURS } from '@lingong/domain';
import { coveredMinutes } from '@lingong/matching-engine';
import { createValidationPipe } from '@lingong/platform';
import { CreateShiftDto } from '../apps/job-posting/src/shifts/dto/create-shift.dto';
import { ms, percentile } from './bench/util';

/**
 * Work a client can ask for, measured: validating a shift that ends in 9999 (refused before any
 * loop), and the per-day and per-week walks at the longest shift allowed. Run with
 * `node -r @swc-node/register scripts/bench-bounded-work.ts`; no database needed.
 */
const RUNS = 500;

async function timed(what: string, work: () => unknown): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  console.log(`${what.padEnd(72)} p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  max ${ms(Math.max(...times))}`);
}

async function main(): Promise<void> {
  const pipe = createValidationPipe();
  const shift = {
    title: '仓库搬运',
    category: 'loading',
    employmentType: 'part_time',
    street: '永中街道',
    address: '龙湾区永中街道某仓库',
    lat: 27.93,
    lng: 120.8,
    startsAt: '2026-12-02T08:00:00+08:00',
    endsAt: '9999-12-31T17:00:00+08:00',
    headcount: 5,
    pay: { amountFen: 3000, unit: 'hour', settlement: 'daily' },
    requirements: { skills: ['loading'], certificates: [] },
  };
  await timed('validate POST /shifts ending 9999-12-31 (refused: 400)', () =>
    pipe.transform(shift, { type: 'body', metatype: CreateShiftDto }).then(
      () => {
        throw new Error('the 9999 shift was accepted');
      },
      () => undefined,
    ),
  );
  const startsAt = new Date('2026-12-02T08:00:00+08:00');
  const longest = new Date(startsAt.getTime() + MAX_SHIFT_HOURS * 3_600_000);
  await timed(`part-time daily check of a ${MAX_SHIFT_HOURS}-hour shift`, () =>
    checkPartTimeShift({ employmentType: 'part_time', startsAt, endsAt: longest, settlement: 'daily' }),
  );
  const week = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '07:00', end: '19:00' }));
  await timed('availability of a row ending 9999-12-31 (before the bound), 7 windows', () =>
    coveredMinutes(startsAt, new Date('9999-12-31T17:00:00+08:00'), week),
  );
}

void main();
