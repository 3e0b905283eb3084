import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readEnvFile } from '@lingong/config';
import { createCliDataSource } from '../../scripts/data-source';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/**
 * Availability by index (migration 1796700000000) keeps the eligibility rule the jsonb check
 * applied: a window of the shift's start day (market time, UTC+8) starting at or before the start
 * minute and ending after it. Both rules are evaluated by PostgreSQL on the same pairs.
 */
const jsonbRule = `EXISTS (
    SELECT 1 FROM jsonb_to_recordset(av) AS a(day int, start text, "end" text)
     WHERE a.day = extract(isodow FROM t AT TIME ZONE 'Asia/Shanghai')
       AND a.start <= to_char(t AT TIME ZONE 'Asia/Shanghai', 'HH24:MI')
       AND a."end" > to_char(t AT TIME ZONE 'Asia/Shanghai', 'HH24:MI'))`;
const indexedRule = `weekly_minutes(av) @> market_minute_of_week(t)`;

type Window = { day: number; start: string; end: string };
const clock = (minutes: number) =>
  minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('availability as minutes of the week', () => {
  let database: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createCliDataSource({ ...readEnvFile(), ...process.env, DATABASE_NAME: database, DATABASE_POOL_SIZE: '2' });
    await dataSource.initialize();
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropTestDatabase(database);
  });

  /** Pairs on which the two rules disagree, and how many of the pairs each finds available. */
  async function compare(availabilities: Window[][], starts: string[]) {
    const rows = (await dataSource.query(
      `SELECT av::text AS availability, t AS "startsAt", ${jsonbRule} AS old, ${indexedRule} AS new
         FROM unnest($1::jsonb[]) AS av, unnest($2::timestamptz[]) AS t`,
      [availabilities.map((windows) => JSON.stringify(windows)), starts],
    )) as { availability: string; startsAt: Date; old: boolean; new: boolean }[];
    return {
      disagreements: rows.filter((row) => row.old !== row.new),
      available: rows.filter((row) => row.old).length,
      total: rows.length,
    };
  }

  it('agrees with the jsonb rule on the edges: window ends, 24:00, overnight and empty windows, seconds, the market day', async () => {
    const availabilities: Window[][] = [
      [{ day: 1, start: '08:00', end: '12:00' }],
      [{ day: 7, start: '20:00', end: '24:00' }],
      [{ day: 1, start: '22:00', end: '06:00' }], // overnight: the jsonb rule never matched it
      [{ day: 2, start: '09:00', end: '09:00' }], // empty
      [
        { day: 1, start: '00:00', end: '01:00' },
        { day: 7, start: '23:00', end: '24:00' },
      ],
      [
        { day: 3, start: '08:00', end: '10:00' },
        { day: 3, start: '09:30', end: '12:00' },
        { day: 3, start: '12:00', end: '13:00' },
      ],
      [
        { day: 1, start: '00:00', end: '24:00' },
        { day: 2, start: '00:00', end: '24:00' },
      ],
      [],
    ];
    // 2026-12-07 is a Monday in Shanghai; 16:00Z is midnight there.
    const starts = [
      '2026-12-07T08:00:00+08:00',
      '2026-12-07T07:59:59+08:00',
      '2026-12-07T11:59:59+08:00',
      '2026-12-07T12:00:00+08:00',
      '2026-12-07T23:00:00+08:00',
      '2026-12-08T02:00:00+08:00',
      '2026-12-13T23:59:00+08:00',
      '2026-12-13T20:00:00+08:00',
      '2026-12-06T16:30:00Z', // Monday 00:30 in Shanghai, still Sunday in UTC
      '2026-12-06T15:30:00Z', // Sunday 23:30 in Shanghai
      '2026-12-09T09:45:00+08:00',
      '2026-12-09T12:00:00+08:00',
      '2026-12-09T13:00:00+08:00',
      '2026-12-08T09:00:00+08:00',
      '2026-12-08T23:59:59.999+08:00',
    ];
    const result = await compare(availabilities, starts);
    expect(result.disagreements).toEqual([]);
    expect(result.available).toBeGreaterThan(10); // the edges include matches, not only misses
  });

  it('agrees with the jsonb rule on random weeks and random starts', async () => {
    let state = 20261;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const availabilities = Array.from({ length: 150 }, () =>
      Array.from({ length: random(5) }, () => ({ day: 1 + random(7), start: clock(random(1441)), end: clock(random(1441)) })),
    );
    // Starts on whole minutes and in between, over two weeks.
    const starts = Array.from({ length: 150 }, () =>
      new Date(Date.UTC(2026, 11, 6) + random(14 * 1440) * 60_000 + random(2) * 30_000).toISOString(),
    );
    const result = await compare(availabilities, starts);
    expect(result.disagreements).toEqual([]);
    expect(result.available).toBeGreaterThan(result.total / 50);
  });

  it('keeps the column current whenever a profile is written, however it is written', async () => {
    const [{ id }] = (await dataSource.query(
      `INSERT INTO workers (name, phone, street, lat, lng, consent_data_processing_at, availability)
       VALUES ('王建国', '13800000000', '龙湾', 27.9, 120.8, now(), $1) RETURNING id`,
      [JSON.stringify([{ day: 1, start: '08:00', end: '12:00' }])],
    )) as { id: string }[];
    const minutes = async () =>
      ((await dataSource.query(`SELECT availability_minutes::text AS m FROM workers WHERE id = $1`, [id])) as { m: string }[])[0].m;
    expect(await minutes()).toBe('{[480,720)}');
    await dataSource.query(`UPDATE workers SET availability = $2 WHERE id = $1`, [
      id,
      JSON.stringify([
        { day: 7, start: '20:00', end: '24:00' },
        { day: 7, start: '18:00', end: '20:00' },
      ]),
    ]);
    expect(await minutes()).toBe('{[9720,10080)}');
    await dataSource.query(`UPDATE workers SET availability = '[]' WHERE id = $1`, [id]);
    expect(await minutes()).toBe('{}');
  });
});
