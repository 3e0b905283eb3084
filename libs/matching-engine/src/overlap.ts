/**
 * Overlap groups for the dispatch solver. Shifts are half-open [start, end), as the bookings'
 * exclusion constraint reads them: one ending at 12:00 does not overlap one starting at 12:00.
 */
export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

export function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * Connected components of the overlap graph of `spans`, by one sweep over start times: sorted by
 * start, a span joins the current group while it starts before the latest end seen in it.
 * Returns each span's group number (0, 1, …, in time order), O(n log n).
 */
export function overlapGroups(spans: readonly TimeSpan[]): number[] {
  const order = spans.map((_, i) => i).sort((i, j) => spans[i].startsAt.getTime() - spans[j].startsAt.getTime() || i - j);
  const group = new Array<number>(spans.length);
  let current = -1;
  let latestEnd = -Infinity;
  for (const i of order) {
    const start = spans[i].startsAt.getTime();
    if (start >= latestEnd) current += 1;
    latestEnd = start >= latestEnd ? spans[i].endsAt.getTime() : Math.max(latestEnd, spans[i].endsAt.getTime());
    group[i] = current;
  }
  return group;
}
