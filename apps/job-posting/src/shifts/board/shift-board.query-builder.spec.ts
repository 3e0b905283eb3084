import { boundingBox } from './shift-board.query-builder';

/** The point `meters` from (lat, lng) on a bearing, on a sphere as small as the spheroid's tightest curvature: it moves the most degrees. */
function destination(lat: number, lng: number, meters: number, bearingDeg: number): { lat: number; lng: number } {
  const R = 6_335_439; // the spheroid's meridional radius at the equator, its smallest
  const rad = Math.PI / 180;
  const d = meters / R;
  const b = bearingDeg * rad;
  const φ1 = lat * rad;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(b));
  const λ2 = lng * rad + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: φ2 / rad, lng: λ2 / rad };
}

describe('boundingBox', () => {
  it.each([
    [27.93, 120.8, 10_000],
    [27.93, 120.8, 50_000],
    [0, 0, 30_000],
    [-45.5, 170.2, 20_000],
    [70, -20, 50_000],
  ])('holds every point within the radius of (%p, %p) at %p m', (lat, lng, radiusMeters) => {
    const box = boundingBox({ lat, lng, radiusMeters });
    for (let bearing = 0; bearing < 360; bearing += 7.5) {
      const edge = destination(lat, lng, radiusMeters, bearing);
      expect(edge.lat).toBeGreaterThanOrEqual(box.south);
      expect(edge.lat).toBeLessThanOrEqual(box.north);
      expect(edge.lng).toBeGreaterThanOrEqual(box.west!);
      expect(edge.lng).toBeLessThanOrEqual(box.east!);
    }
  });

  it('is not much larger than the circle at Longwan', () => {
    const box = boundingBox({ lat: 27.93, lng: 120.8, radiusMeters: 10_000 });
    expect(box.north - box.south).toBeLessThan((2 * 10_000 * 1.02) / 110_574);
  });

  it('drops the longitude bound near a pole and across the antimeridian', () => {
    expect(boundingBox({ lat: 89.5, lng: 10, radiusMeters: 10_000 }).west).toBeUndefined();
    expect(boundingBox({ lat: 10, lng: 179.99, radiusMeters: 10_000 }).east).toBeUndefined();
  });
});
