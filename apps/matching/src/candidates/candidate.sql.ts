/**
 * The SQL of candidate retrieval, kept together so the conditions read as DESIGN.md states them:
 * active, within travel distance (geo index), holding the required skills
 * (GIN index) and unexpired certificates, available when the shift starts, and not booked on
 * an overlapping shift (the bookings' range index).
 */

/**
 * The seeker's booking outcomes (reliability) and hours and pay of the last 30 market days
 * (fairness), from the figures job-posting keeps as bookings change (read only here).
 */
export const seekerHistoryAt = (now: string) => `
  LEFT JOIN seeker_figures figures ON figures.worker_id = w.id
  LEFT JOIN LATERAL (
    SELECT coalesce(sum(d.minutes_worked), 0) / 60.0 AS "hoursLast30Days",
           -- a month's pay summed can pass int's range; float8 holds whole fen exactly up to 2^53
           coalesce(sum(d.earnings_fen), 0)::float8 AS "earningsLast30DaysFen"
      FROM seeker_work_daily d
     WHERE d.worker_id = w.id AND d.market_day > (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 30
  ) history ON true`;
/** The same, as of the instant in $2. */
export const seekerHistory = seekerHistoryAt('$2');

export const seekerColumns = `
  w.id, w.name, w.phone, w.lat, w.lng, w.max_distance_km AS "maxDistanceKm", w.skills, w.availability,
  w.expected_daily_pay_fen AS "expectedDailyPayFen", w.priority_group AS "priorityGroup",
  coalesce(figures.completed, 0) AS completed, coalesce(figures.no_shows, 0) AS "noShows",
  coalesce(figures.late_cancellations, 0) AS "lateCancellations", history."hoursLast30Days", history."earningsLast30DaysFen"`;

/** A seeker (w) who may work shift (s). */
export const eligible = `
  w.status = 'active' AND w.location IS NOT NULL
  AND ST_DWithin(w.location, s.location, w.max_distance_km * 1000, false) -- on the sphere, as the engine measures
  AND w.skills @> (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code)), '[]'::jsonb) FROM unnest(s.required_skills) AS code)
  AND NOT EXISTS (
    SELECT 1 FROM unnest(s.required_certificates) AS needed
     WHERE NOT EXISTS (
       SELECT 1 FROM jsonb_to_recordset(w.certificates) AS c(code text, "expiresOn" date)
        WHERE c.code = needed AND c."expiresOn" >= (s.ends_at AT TIME ZONE 'Asia/Shanghai')::date))
  -- free when the shift starts: the weekly windows as minutes of the week (market time), indexed
  AND w.availability_minutes @> market_minute_of_week(s.starts_at)
  AND NOT EXISTS (
    -- OFFSET 0 keeps this a per-seeker probe of the bookings' range index; unfenced, the planner
    -- turned it into an anti-join reading every booking for every candidate (43 s at 100k seekers).
    SELECT 1 FROM bookings b
     WHERE b.worker_id = w.id AND b.status IN ('confirmed', 'checked_in', 'completed')
       AND b.period && tstzrange(s.starts_at, s.ends_at, '[)') OFFSET 0)`;

/** Staff suspended the shift's employer: its shifts are recommended and offered to nobody. */
export const employerSuspended = `EXISTS (SELECT 1 FROM employers e WHERE e.id = s.employer_id AND e.suspended_at IS NOT NULL)`;

export const shiftColumns = `
  s.id, s.employer_id AS "employerId", s.title, s.category, s.street, s.address, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.lat, s.lng, s.required_skills AS "requiredSkills", s.pay_amount_fen AS "payAmountFen", s.pay_unit AS "payUnit",
  s.settlement, s.employment_type AS "employmentType", s.headcount, s.headcount - s.filled AS remaining, s.status,
  ${employerSuspended} AS "employerSuspended"`;
