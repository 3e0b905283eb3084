import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  longwanStreetNames,
  longwanStreets,
  minimumHourlyWageFen,
  shiftCategories,
  shiftCategoryCodes,
  type ShiftCategory,
} from '@lingong/domain';

/**
 * Set-based seeding of the benchmark database: every table is filled by one `INSERT … SELECT …
 * FROM generate_series`, never row by row. Randomness is a hash of a key (`bench_rand('wlat:17')`),
 * so the same sizes always give the same rows, ids included (`bench_uuid(key)`: a version-5-shaped
 * UUID from the key's md5, which the apps' UUID checks accept; `benchUuid` computes the same in
 * Node); only the dates follow the clock (shifts are always in the coming 14 days, bookings in the
 * last 30). Seekers are numbered: `seedSeekers(db, 10_001, 100_000)` grows a market of 10,000 to
 * 100,000 with the same first 10,000. Every seeker and employer has a sign-in account, so the apps
 * accept tokens for them.
 */

export interface SeedSizes {
  seekers: number;
  openShifts: number;
  employersPerStreet: number;
  /** Share of seekers with bookings in the last 30 days (1–5 each, on different days). */
  bookedShare: number;
}

export interface SeedCounts {
  employers: number;
  seekers: number;
  activeSeekers: number;
  priorityGroupSeekers: number;
  openShifts: number;
  openPlaces: number;
  pastShifts: number;
  bookings: number;
  completedBookings: number;
  seekersWithBookings: number;
}

/** How common each kind of work is in Longwan (DESIGN.md: factory, warehouse, loading, cleaning, catering, delivery, care…). */
const categoryWeights: Record<ShiftCategory, number> = {
  factory: 20,
  loading: 12,
  warehouse: 12,
  cleaning: 12,
  catering: 10,
  delivery: 8,
  care: 5,
  housekeeping: 5,
  security: 4,
  promotion: 3,
  farming: 3,
  renovation: 3,
  repair: 2,
  driving: 1,
};

/** Shift slots (local hours) and how often each is posted; a full day is paid by the day, the rest by the hour. */
const slots = [
  { name: '早班', start: 6, end: 10, weight: 10 },
  { name: '上午', start: 8, end: 12, weight: 25 },
  { name: '下午', start: 13, end: 17, weight: 20 },
  { name: '全天', start: 8, end: 17, weight: 30 },
  { name: '晚班', start: 18, end: 22, weight: 15 },
];

/** Weekly availability patterns (ISO days, local `HH:MM`) and their shares. None runs overnight. */
const availabilityPatterns = [
  { days: [1, 2, 3, 4, 5], start: '07:00', end: '19:00', weight: 25 },
  { days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '22:00', weight: 20 },
  { days: [1, 2, 3, 4, 5, 6], start: '06:00', end: '14:00', weight: 15 },
  { days: [1, 2, 3, 4, 5, 6, 7], start: '16:00', end: '24:00', weight: 15 },
  { days: [6, 7], start: '07:00', end: '22:00', weight: 10 },
  { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00', weight: 10 },
  { days: [1, 3, 5], start: '08:00', end: '18:00', weight: 5 },
];

const employerKinds = ['鞋业有限公司', '阀门制造有限公司', '电气配件有限公司', '物流仓储有限公司', '保洁服务有限公司', '餐饮管理有限公司'];
const surnames = ['陈', '王', '林', '李', '张', '黄', '周', '吴', '郑', '叶', '潘', '徐', '杨'];
const givenNames = ['建华', '秀英', '志强', '丽娟', '国平', '美玲', '海波', '春燕', '晓东', '桂芳', '德明', '小兰'];

/** Days back (1..PAST_DAYS) that past shifts cover, and the shifts per street per day. */
const PAST_DAYS = 28;
const PAST_VARIANTS = 6;
/** Booking j of a seeker falls PAST_STRIDE days after booking j−1 (mod PAST_DAYS): 5 bookings land on 5 different days. */
const PAST_STRIDE = 5;
const MAX_BOOKINGS = 5;

function cumulative<T extends { weight: number }>(items: readonly T[]): (T & { idx: number; cum: number })[] {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let running = 0;
  return items.map((item, idx) => {
    running += item.weight;
    return { ...item, idx, cum: idx === items.length - 1 ? 1.0000001 : running / total };
  });
}

/** A version-5-shaped UUID from a key, as `bench_uuid(key)` makes it in the database: md5, version and variant bits set. */
export function benchUuid(key: string): string {
  const hex = createHash('md5').update(key).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Seeker number i's ids and phone, as seeded. */
export const benchSeeker = (i: number) => ({
  id: benchUuid(`bench-worker:${i}`),
  accountId: benchUuid(`bench-worker-account:${i}`),
  phone: `13${String(i).padStart(9, '0')}`,
});

const streets = JSON.stringify(
  longwanStreetNames.map((name, idx) => ({ idx, name, lat: longwanStreets[name].lat, lng: longwanStreets[name].lng })),
);
const categories = JSON.stringify(
  shiftCategoryCodes.map((code) => ({ code, label: shiftCategories[code], weight: categoryWeights[code] })),
);
const slotRows = JSON.stringify(
  cumulative(slots).map(({ idx, name, start, end, cum }) => ({ idx, name, start_hour: start, end_hour: end, cum })),
);
const patterns = JSON.stringify(cumulative(availabilityPatterns).map(({ idx, days, start, end, cum }) => ({ idx, days, start, end, cum })));

const cte = `
    streets AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(idx int, name text, lat float8, lng float8)),
    cats AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS t(code text, label text, weight float8)),
    slots AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS t(idx int, name text, start_hour int, end_hour int, cum float8))`;

type Step = (label: string, sql: string, params: unknown[]) => Promise<void>;

/** Runs `work` in one transaction with the seeding functions defined (and dropped at its end, so the database is as the apps know it). */
async function seeding(dataSource: DataSource, log: (line: string) => void, work: (step: Step) => Promise<void>): Promise<void> {
  await dataSource.transaction(async (db) => {
    const step: Step = async (label, sql, params) => {
      const started = performance.now();
      await db.query(sql, params);
      log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    };
    // A uniform number in [0, 1) from a key: 52 bits of its md5.
    await db.query(`CREATE FUNCTION bench_rand(key text) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (('x' || substr(md5(key), 1, 13))::bit(52)::bigint)::double precision / 4503599627370496.0 $$`);
    // benchUuid in SQL: the md5 with the version nibble 5 and the variant bits 10.
    await db.query(`CREATE FUNCTION bench_uuid(key text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (substr(h, 1, 12) || '5' || substr(h, 14, 3) || substr('89ab', 1 + (('x' || substr(h, 17, 1))::bit(4)::int & 3), 1) || substr(h, 18))::uuid
           FROM md5(key) AS h $$`);
    await work(step);
    await db.query(`DROP FUNCTION bench_uuid(text)`);
    await db.query(`DROP FUNCTION bench_rand(text)`);
  });
}

const shiftInsert = (kind: 'open' | 'past') => `
     WITH ${cte},
       src AS (
         SELECT ${kind === 'open' ? `i % 10 AS street_idx, 1 + floor(bench_rand('day:' || i) * 14)::int AS day_offset, 'bench-shift:' || i AS key` : `s AS street_idx, -d AS day_offset, 'bench-past-shift:' || d || ':' || s || ':' || v AS key`}
           FROM ${kind === 'open' ? `generate_series(1, $4::int) AS i` : `generate_series(1, $4::int) AS d, generate_series(0, 9) AS s, generate_series(0, ${PAST_VARIANTS - 1}) AS v`}
       )
     INSERT INTO shifts (id, employer_id, title, description, category, employment_type, street, address, lat, lng, starts_at, ends_at,
                         headcount, filled, pay_amount_fen, pay_unit, settlement, required_skills, required_certificates, status, published_at)
     SELECT bench_uuid(src.key),
            e.id, c.label || '（' || sl.name || '）', c.label || '，' || sl.name || sl.start_hour || '点到' || sl.end_hour || '点，龙湾' || st.name || '。',
            c.code,
            CASE WHEN sl.end_hour - sl.start_hour <= 4 THEN 'part_time' WHEN bench_rand('etype:' || src.key) < 0.6 THEN 'temporary' ELSE 'seasonal' END,
            st.name, e.address,
            round((st.lat + (bench_rand('slat:' || src.key) * 2 - 1) * 0.03)::numeric, 6),
            round((st.lng + (bench_rand('slng:' || src.key) * 2 - 1) * 0.03)::numeric, 6),
            ((timezone('Asia/Shanghai', $5::timestamptz)::date + src.day_offset)::timestamp + sl.start_hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai',
            ((timezone('Asia/Shanghai', $5::timestamptz)::date + src.day_offset)::timestamp + sl.end_hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai',
            ${kind === 'open' ? `1 + floor(power(bench_rand('head:' || src.key), 2) * 10)::int` : `500`}, 0,
            -- legal pay: at least 2400 fen an hour (Longwan, tier 1); a full day of 9 hours from 22000 fen (2444 an hour)
            CASE WHEN sl.end_hour - sl.start_hour <= 4 THEN 2400 + 100 * floor(bench_rand('hpay:' || src.key) * 13)::int
                 ELSE 22000 + 500 * floor(bench_rand('dpay:' || src.key) * 17)::int END,
            CASE WHEN sl.end_hour - sl.start_hour <= 4 THEN 'hour' ELSE 'day' END,
            CASE WHEN bench_rand('settle:' || src.key) < 0.6 THEN 'daily' ELSE 'weekly' END,
            CASE WHEN bench_rand('req:' || src.key) < 0.6 THEN ARRAY[c.code] ELSE '{}'::text[] END,
            CASE WHEN c.code = 'catering' THEN ARRAY['health'] ELSE '{}'::text[] END,
            '${kind === 'open' ? 'open' : 'completed'}',
            ${kind === 'open' ? `now() - interval '1 day' * bench_rand('pub:' || src.key)` : `now() - interval '1 day' * (3 - src.day_offset)`}
       FROM src
       JOIN streets st ON st.idx = src.street_idx
       JOIN employers e ON e.id = bench_uuid('bench-employer:' || src.street_idx || ':' || floor(bench_rand('emp:' || src.key) * $6)::int)
      CROSS JOIN LATERAL (SELECT code, label FROM cats ORDER BY -ln(1 - bench_rand('cat:' || src.key || ':' || code)) / weight LIMIT 1) c
      CROSS JOIN LATERAL (SELECT * FROM slots WHERE slots.cum > bench_rand('slot:' || src.key) ORDER BY slots.cum LIMIT 1) sl`;

/** Employers (verified, each with an account) and the shifts: `openShifts` open in the coming 14 days, and the past four weeks' completed ones. */
export async function seedMarket(
  dataSource: DataSource,
  sizes: Pick<SeedSizes, 'openShifts' | 'employersPerStreet'>,
  log: (line: string) => void,
  now = new Date(),
): Promise<void> {
  await seeding(dataSource, log, async (step) => {
    await step(
      'employers',
      `WITH ${cte}
       INSERT INTO employers (id, account_id, name, contact_name, street, address, verified_at)
       SELECT bench_uuid('bench-employer:' || st.idx || ':' || k), bench_uuid('bench-employer-account:' || st.idx || ':' || k),
              '温州' || substr(st.name, 1, 2) || ($4::text[])[1 + (st.idx * 7 + k) % array_length($4::text[], 1)] || ' ' || k,
              ($5::text[])[1 + (st.idx + k) % 13] || '经理',
              st.name, st.name || '工业区' || (10 + k) || '号', now()
         FROM streets st CROSS JOIN generate_series(0, $6::int - 1) AS k`,
      [streets, categories, slotRows, employerKinds, surnames, sizes.employersPerStreet],
    );
    await step(
      'their accounts',
      `INSERT INTO accounts (id, phone, role, name)
       SELECT e.account_id, '15' || lpad(row_number() OVER (ORDER BY e.id)::text, 9, '0'), 'employer', e.contact_name FROM employers e WHERE e.account_id IS NOT NULL`,
      [],
    );
    await step(`${sizes.openShifts.toLocaleString('en')} open shifts`, shiftInsert('open'), [
      streets,
      categories,
      slotRows,
      sizes.openShifts,
      now,
      sizes.employersPerStreet,
    ]);
    await step(`${(PAST_DAYS * 10 * PAST_VARIANTS).toLocaleString('en')} past shifts`, shiftInsert('past'), [
      streets,
      categories,
      slotRows,
      PAST_DAYS,
      now,
      sizes.employersPerStreet,
    ]);
  });
}

/**
 * Seekers number `from` to `to` (each with a sign-in account), and the bookings of those among them
 * who worked in the last four weeks; then the past shifts' headcount and filled follow their bookings.
 */
export async function seedSeekers(
  dataSource: DataSource,
  from: number,
  to: number,
  bookedShare: number,
  log: (line: string) => void,
): Promise<void> {
  await seeding(dataSource, log, async (step) => {
    await step(
      `seekers ${from.toLocaleString('en')}–${to.toLocaleString('en')}`,
      `WITH ${cte},
         patterns AS (SELECT * FROM jsonb_to_recordset($4::jsonb) AS t(idx int, days int[], start text, "end" text, cum float8))
       INSERT INTO workers (id, account_id, phone, name, street, lat, lng, max_distance_km, skills, certificates, availability,
                            expected_daily_pay_fen, has_smartphone, consent_data_processing_at, consent_sms, priority_group, status)
       SELECT bench_uuid('bench-worker:' || i), bench_uuid('bench-worker-account:' || i),
              '13' || lpad(i::text, 9, '0'),
              ($5::text[])[1 + i % 13] || ($6::text[])[1 + (i / 13) % 12],
              st.name,
              round((st.lat + (bench_rand('wlat:' || i) * 2 - 1) * 0.03)::numeric, 6),
              round((st.lng + (bench_rand('wlng:' || i) * 2 - 1) * 0.03)::numeric, 6),
              5 + floor(bench_rand('maxkm:' || i) * 16)::int,
              sk.skills,
              CASE WHEN sk.catering THEN jsonb_build_array(jsonb_build_object('code', 'health', 'expiresOn',
                     to_char(current_date + CASE WHEN bench_rand('cert:' || i) < 0.05 THEN -30 ELSE 200 END, 'YYYY-MM-DD')))
                   ELSE '[]'::jsonb END,
              av.availability,
              CASE WHEN bench_rand('pay:' || i) < 0.1 THEN NULL ELSE 18000 + 1000 * floor(bench_rand('pay2:' || i) * 13)::int END,
              bench_rand('phone:' || i) < 0.8,
              now() - bench_rand('consent:' || i) * interval '365 days',
              bench_rand('sms:' || i) < 0.85,
              CASE WHEN bench_rand('prio:' || i) < 0.02 THEN 'low_income'
                   WHEN bench_rand('prio:' || i) < 0.035 THEN 'disability'
                   WHEN bench_rand('prio:' || i) < 0.05 THEN 'long_term_unemployed' ELSE 'none' END,
              CASE WHEN bench_rand('status:' || i) < 0.03 THEN 'inactive' ELSE 'active' END
         FROM generate_series($7::int, $8::int) AS i
         JOIN streets st ON st.idx = i % 10
        CROSS JOIN LATERAL (
          -- 1–3 distinct categories, drawn in proportion to their weights (exponential race), 0–10 years each
          SELECT jsonb_agg(jsonb_build_object('code', c.code, 'years', floor(bench_rand('years:' || i || ':' || c.code) * 11)::int) ORDER BY c.code) AS skills,
                 bool_or(c.code = 'catering') AS catering
            FROM (SELECT code FROM cats ORDER BY -ln(1 - bench_rand('skill:' || i || ':' || code)) / weight
                   LIMIT 1 + floor(bench_rand('nskills:' || i) * 3)::int) c
        ) sk
        CROSS JOIN LATERAL (
          SELECT (SELECT jsonb_agg(jsonb_build_object('day', d, 'start', p.start, 'end', p."end") ORDER BY d) FROM unnest(p.days) AS d) AS availability
            FROM patterns p WHERE p.cum > bench_rand('avail:' || i) ORDER BY p.cum LIMIT 1
        ) av`,
      [streets, categories, slotRows, patterns, surnames, givenNames, from, to],
    );
    await step(
      'their accounts',
      `INSERT INTO accounts (id, phone, role, name)
       SELECT bench_uuid('bench-worker-account:' || i), '13' || lpad(i::text, 9, '0'), 'worker', w.name
         FROM generate_series($1::int, $2::int) AS i JOIN workers w ON w.id = bench_uuid('bench-worker:' || i)`,
      [from, to],
    );
    // Bookings: a booked seeker works 1–5 past shifts of their street, on different days (stride 5 over 28 days),
    // so the exclusion constraint holds; ~5% are no-shows and ~2% late cancellations, for reliability.
    await step(
      'their bookings',
      `WITH picks AS (
         SELECT w.id AS worker_id, i, j,
                bench_uuid('bench-past-shift:' || (((floor(bench_rand('d0:' || i) * ${PAST_DAYS})::int + j * ${PAST_STRIDE}) % ${PAST_DAYS}) + 1)
                    || ':' || (i % 10) || ':' || floor(bench_rand('var:' || i || ':' || j) * ${PAST_VARIANTS})::int) AS shift_id,
                bench_rand('bstatus:' || i || ':' || j) AS u
           FROM generate_series($1::int, $3::int) AS i
           JOIN workers w ON w.id = bench_uuid('bench-worker:' || i) AND w.status = 'active'
          CROSS JOIN LATERAL generate_series(0, floor(bench_rand('nbook:' || i) * ${MAX_BOOKINGS})::int) AS j
          WHERE bench_rand('booked:' || i) < $2
       )
       INSERT INTO bookings (shift_id, employer_id, worker_id, source, status, starts_at, ends_at, employment_type, pay_amount_fen, pay_unit,
                             checked_in_at, checked_out_at, minutes_worked, pay_owed_fen, settle_by, cancelled_by, cancelled_at, late_cancellation, created_at)
       SELECT s.id, s.employer_id, p.worker_id,
              (ARRAY['application', 'offer', 'referral', 'dispatch'])[1 + floor(bench_rand('src:' || p.i || ':' || p.j) * 4)::int],
              st.status, s.starts_at, s.ends_at, s.employment_type, s.pay_amount_fen, s.pay_unit,
              CASE WHEN st.status = 'completed' THEN s.starts_at - interval '10 minutes' END,
              CASE WHEN st.status = 'completed' THEN s.ends_at END,
              CASE WHEN st.status = 'completed' THEN (extract(epoch FROM s.ends_at - s.starts_at) / 60)::int END,
              CASE WHEN st.status <> 'completed' THEN NULL
                   WHEN s.pay_unit = 'hour' THEN round(s.pay_amount_fen * extract(epoch FROM s.ends_at - s.starts_at) / 3600)::int
                   ELSE s.pay_amount_fen END,
              CASE WHEN st.status = 'completed' THEN s.ends_at + interval '1 day' END,
              CASE WHEN st.status = 'cancelled' THEN 'worker' END,
              CASE WHEN st.status = 'cancelled' THEN s.starts_at - interval '3 hours' END,
              st.status = 'cancelled',
              s.starts_at - interval '2 days'
         FROM picks p
         JOIN shifts s ON s.id = p.shift_id
        CROSS JOIN LATERAL (SELECT CASE WHEN p.u < 0.05 THEN 'no_show' WHEN p.u < 0.07 THEN 'cancelled' ELSE 'completed' END AS status) st`,
      [from, bookedShare, to],
    );
    await step(
      'past shifts: headcount and filled from their bookings',
      `UPDATE shifts s SET headcount = greatest(1, coalesce(b.booked, 0)), filled = coalesce(b.active, 0)
         FROM shifts s2 LEFT JOIN (
           SELECT shift_id, count(*) FILTER (WHERE status <> 'cancelled')::int AS booked, count(*) FILTER (WHERE status = 'completed')::int AS active
             FROM bookings GROUP BY shift_id) b ON b.shift_id = s2.id
        WHERE s.id = s2.id AND s.status = 'completed'`,
      [],
    );
  });
}

/**
 * What the database holds now, after a VACUUM ANALYZE, as after any bulk load: otherwise
 * autovacuum wakes to the hundreds of thousands of new rows during the measurements and takes one
 * of the machine's two cores for as long as it runs. Fails on a shift below the minimum wage.
 */
export async function seedCounts(dataSource: DataSource, log: (line: string) => void): Promise<SeedCounts> {
  const started = performance.now();
  await dataSource.query('VACUUM (ANALYZE)');
  log(`  VACUUM ANALYZE (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return seededCounts(dataSource);
}

/** What the benchmark database holds (also of a kept one, used again); throws if a shift pays below the minimum wage. */
export async function seededCounts(dataSource: DataSource): Promise<SeedCounts> {
  const [counts] = (await dataSource.query(`
    SELECT (SELECT count(*) FROM employers)::int AS employers,
           (SELECT count(*) FROM workers)::int AS seekers,
           (SELECT count(*) FROM workers WHERE status = 'active')::int AS "activeSeekers",
           (SELECT count(*) FROM workers WHERE priority_group <> 'none')::int AS "priorityGroupSeekers",
           (SELECT count(*) FROM shifts WHERE status = 'open')::int AS "openShifts",
           (SELECT coalesce(sum(headcount), 0) FROM shifts WHERE status = 'open')::int AS "openPlaces",
           (SELECT count(*) FROM shifts WHERE status = 'completed')::int AS "pastShifts",
           (SELECT count(*) FROM bookings)::int AS bookings,
           (SELECT count(*) FROM bookings WHERE status = 'completed')::int AS "completedBookings",
           (SELECT count(DISTINCT worker_id) FROM bookings)::int AS "seekersWithBookings"`)) as SeedCounts[];

  // The data must be legal: no shift below the minimum hourly wage.
  const [{ lowest }] = (await dataSource.query(
    `SELECT min(CASE WHEN pay_unit = 'hour' THEN pay_amount_fen ELSE pay_amount_fen / (extract(epoch FROM ends_at - starts_at) / 3600) END)::float8 AS lowest FROM shifts`,
  )) as { lowest: number }[];
  const minimum = minimumHourlyWageFen(1);
  if (lowest < minimum) throw new Error(`seeded a shift paying ${lowest} fen an hour, below the minimum ${minimum}`);
  return counts;
}

/** The whole market in one go (scripts/bench-matching.ts): employers, shifts, `sizes.seekers` seekers and their bookings. */
export async function seedBenchDatabase(dataSource: DataSource, sizes: SeedSizes, log: (line: string) => void): Promise<SeedCounts> {
  await seedMarket(dataSource, sizes, log);
  await seedSeekers(dataSource, 1, sizes.seekers, sizes.bookedShare, log);
  return seedCounts(dataSource, log);
}
