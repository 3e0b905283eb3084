import type { SelectQueryBuilder } from 'typeorm';
import { employerSuspendedSql } from '../../employers/employer-suspension';
import type { Shift } from '../shift.entity';
import type { BoardFilter, BoardPosition } from './shift-board.types';

/** The point of `near`, as geography; `ST_DWithin` on it uses the `shifts_location` GiST index. */
const NEAR_POINT = 'ST_SetSRID(ST_MakePoint(CAST(:nearLng AS float8), CAST(:nearLat AS float8)), 4326)::geography';
/** Metres from `near` (spheroid, as ST_DWithin measures); the same expression sorts, pages and answers distanceKm. */
export const DISTANCE_SQL = `ST_Distance(shift.location, ${NEAR_POINT})`;
export const DISTANCE_ALIAS = 'distance_m';

/**
 * Degrees of latitude and longitude that hold every point within `radiusMeters` of the centre, with
 * room to spare: a degree of latitude is at least 110,574 m on the spheroid, a degree of longitude
 * at least 111,319 m × cos(latitude). No longitude bound near a pole or across the antimeridian.
 */
export function boundingBox({ lat, lng, radiusMeters }: { lat: number; lng: number; radiusMeters: number }): {
  south: number;
  north: number;
  west?: number;
  east?: number;
} {
  const dLat = radiusMeters / 110_000;
  const south = lat - dLat;
  const north = lat + dLat;
  const widest = Math.max(Math.abs(south), Math.abs(north));
  if (widest >= 89) return { south, north };
  const dLng = radiusMeters / (110_000 * Math.cos((widest * Math.PI) / 180));
  if (lng - dLng < -180 || lng + dLng > 180) return { south, north };
  return { south, north, west: lng - dLng, east: lng + dLng };
}

/** `100%_a\b` → `%100\%\_a\\b%`: q is found literally (ILIKE's escape is a backslash). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The WHERE of a board query: status, the filters of API.md, and the keyset after the cursor. */
export function applyBoardFilter(query: SelectQueryBuilder<Shift>, filter: BoardFilter): SelectQueryBuilder<Shift> {
  query.where('shift.status = :status', { status: filter.status }).andWhere(`NOT ${employerSuspendedSql('shift')}`);
  if (filter.street) query.andWhere('shift.street = :street', { street: filter.street });
  if (filter.category) query.andWhere('shift.category = :category', { category: filter.category });
  if (filter.employmentType) query.andWhere('shift.employmentType = :employmentType', { employmentType: filter.employmentType });
  if (filter.from) query.andWhere('shift.startsAt >= :from', { from: filter.from });
  if (filter.to) query.andWhere('shift.startsAt < :to', { to: filter.to });
  if (filter.minPayFen !== undefined) {
    // Pay for the whole shift: a day rate as it is, an hourly rate × hours (compared in seconds, no rounding); piece rates cannot be judged.
    query.andWhere(
      `((shift.payUnit = 'day' AND shift.payAmountFen >= :minPayFen)
        OR (shift.payUnit = 'hour' AND shift.payAmountFen * EXTRACT(EPOCH FROM (shift.endsAt - shift.startsAt)) >= CAST(:minPayFen AS numeric) * 3600))`,
      { minPayFen: filter.minPayFen },
    );
  }
  if (filter.q) {
    // The GIN index on the bigrams narrows (a one-character q has none and matches every row); ILIKE rechecks the text.
    query.andWhere(
      `shift.search_bigrams @> text_bigrams(CAST(:q AS text)) AND (shift.title ILIKE :qPattern ESCAPE '\\' OR shift.description ILIKE :qPattern ESCAPE '\\')`,
      { q: filter.q, qPattern: containsPattern(filter.q) },
    );
  }
  if (filter.near) {
    const { lat, lng, radiusMeters } = filter.near;
    const near = { nearLat: lat, nearLng: lng, radiusMeters };
    if (filter.sort === 'distance') {
      // Nearest first sorts every shift within the radius: the location index finds them.
      query.andWhere(`ST_DWithin(shift.location, ${NEAR_POINT}, CAST(:radiusMeters AS float8))`, near);
    } else {
      // Sorted by time or pay, a page is the first rows of the board index that lie within the
      // radius: a box on the plain lat/lng columns rules out most others for almost nothing, and
      // _ST_DWithin (ST_DWithin without its index rewrite, the same spheroid test) decides the rest.
      // Given ST_DWithin, the planner reads and sorts every nearby open shift instead (30× slower).
      const box = boundingBox(filter.near);
      query.andWhere(
        `shift.lat BETWEEN :south AND :north AND _ST_DWithin(shift.location, ${NEAR_POINT}, CAST(:radiusMeters AS float8), true)`,
        {
          ...near,
          south: box.south,
          north: box.north,
        },
      );
      if (box.west !== undefined) query.andWhere('shift.lng BETWEEN :west AND :east', { west: box.west, east: box.east });
    }
    query.addSelect(DISTANCE_SQL, DISTANCE_ALIAS);
  }
  if (filter.after) applyKeyset(query, filter.after);
  return query;
}

/** Rows strictly after the cursor in the sort's order, so rows arriving meanwhile neither skip nor repeat. */
function applyKeyset(query: SelectQueryBuilder<Shift>, after: BoardPosition): void {
  switch (after.sort) {
    case 'startsAt':
      query.andWhere('(shift.startsAt, shift.id) > (CAST(:afterStartsAt AS timestamptz), CAST(:afterId AS uuid))', {
        afterStartsAt: after.startsAt,
        afterId: after.id,
      });
      return;
    case 'pay':
      query.andWhere('(shift.payAmountFen < :afterPay OR (shift.payAmountFen = :afterPay AND shift.id > CAST(:afterId AS uuid)))', {
        afterPay: after.payFen,
        afterId: after.id,
      });
      return;
    case 'distance':
      query.andWhere(`(${DISTANCE_SQL}, shift.id) > (CAST(:afterMeters AS float8), CAST(:afterId AS uuid))`, {
        afterMeters: after.meters,
        afterId: after.id,
      });
      return;
  }
}

/** ORDER BY for each sort; id breaks ties, ascending, matching the keyset above. */
export function applyBoardOrder(query: SelectQueryBuilder<Shift>, filter: BoardFilter): SelectQueryBuilder<Shift> {
  switch (filter.sort) {
    case 'startsAt':
      query.orderBy('shift.startsAt', 'ASC');
      break;
    case 'pay':
      query.orderBy('shift.payAmountFen', 'DESC');
      break;
    case 'distance':
      query.orderBy(DISTANCE_ALIAS, 'ASC');
      break;
  }
  return query.addOrderBy('shift.id', 'ASC');
}
