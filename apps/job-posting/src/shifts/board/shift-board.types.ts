import type { EmploymentType, ShiftCategory, ShiftStatus } from '@lingong/domain';

export const boardSorts = ['startsAt', 'pay', 'distance'] as const;
export type BoardSort = (typeof boardSorts)[number];

/** Drafts and shifts awaiting review are seen only by their employer and staff (as GET /shifts/:id). */
export const boardStatuses = ['open', 'filled', 'in_progress', 'completed', 'cancelled'] as const satisfies readonly ShiftStatus[];
export type BoardStatus = (typeof boardStatuses)[number];

export const DEFAULT_RADIUS_KM = 10;

export interface Point {
  lat: number;
  lng: number;
}

const NEAR = /^\s*([+-]?\d{1,3}(?:\.\d+)?)\s*,\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$/;

/** `"27.93,120.80"` → `{lat: 27.93, lng: 120.8}`; null when malformed or out of range. */
export function parseNear(value: string): Point | null {
  const match = NEAR.exec(value);
  if (!match) return null;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

/** Where a page continues: after the row with this sort key and id. */
export type BoardPosition =
  | { sort: 'startsAt'; startsAt: Date; id: string }
  | { sort: 'pay'; payFen: number; id: string }
  | { sort: 'distance'; meters: number; id: string };

/** What the repository is asked for: already parsed and checked. */
export interface BoardFilter {
  status: BoardStatus;
  street?: string;
  category?: ShiftCategory;
  employmentType?: EmploymentType;
  from?: Date;
  to?: Date;
  minPayFen?: number;
  q?: string;
  near?: Point & { radiusMeters: number };
  sort: BoardSort;
  after?: BoardPosition;
  limit: number;
}
