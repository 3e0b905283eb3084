import { noRecord, standing } from './reliability';

describe('standing', () => {
  it('starts a newcomer at full reliability and no rating', () => {
    expect(standing(noRecord)).toEqual({ reliability: 1, rating: null });
  });

  it('lowers reliability most for no-shows, half as much for late cancellations', () => {
    expect(standing({ ...noRecord, noShows: 1 }).reliability).toBe(0.5);
    expect(standing({ ...noRecord, lateCancellations: 1 }).reliability).toBe(0.67);
    expect(standing({ ...noRecord, lateCancellations: 2 }).reliability).toBe(0.5);
  });

  it('raises it with every completion, staying within 0..1', () => {
    expect(standing({ ...noRecord, completed: 3, noShows: 1 }).reliability).toBe(0.8);
    expect(standing({ ...noRecord, completed: 1, noShows: 1, lateCancellations: 1 }).reliability).toBe(0.57);
    expect(standing({ ...noRecord, completed: 50 }).reliability).toBe(1);
    expect(standing({ ...noRecord, noShows: 1000 }).reliability).toBeGreaterThanOrEqual(0);
  });

  it('rounds the rating to a tenth', () => {
    expect(standing({ ...noRecord, averageStars: 4.666 }).rating).toBe(4.7);
    expect(standing({ ...noRecord, averageStars: 5 }).rating).toBe(5);
  });
});
