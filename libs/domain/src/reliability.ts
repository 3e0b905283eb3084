/** What a seeker's history says about them, counted from bookings and ratings (job-posting's tables). */
export interface WorkerRecord {
  completed: number;
  noShows: number;
  /** Cancellations by the seeker close to the start (the booking's `late_cancellation`). */
  lateCancellations: number;
  /** Average stars employers gave, or null when nobody has rated them yet. */
  averageStars: number | null;
}

export interface WorkerStanding {
  reliability: number;
  rating: number | null;
}

export const noRecord: WorkerRecord = { completed: 0, noShows: 0, lateCancellations: 0, averageStars: null };

/**
 * reliability = (completed + 1) / (completed + 1 + noShows × 1 + lateCancellations × 0.5): a newcomer
 * starts at 1 (a prior of one completion); a no-show counts most, a late cancellation half as much,
 * and every completion raises it back (DESIGN.md, booking statuses). Shown to two decimals.
 */
export function standing(record: WorkerRecord): WorkerStanding {
  const earned = record.completed + 1;
  const reliability = earned / (earned + record.noShows * 1 + record.lateCancellations * 0.5);
  return {
    reliability: Math.round(reliability * 100) / 100,
    rating: record.averageStars === null ? null : Math.round(record.averageStars * 10) / 10,
  };
}
