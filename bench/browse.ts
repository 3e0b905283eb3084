import type { ChildServer } from './market';
import { drive, type LoadResult } from './load';
import type { Progress } from './progress';

/**
 * GET /api/shifts through the front door against the floor (bench/floor.ts: the same SQL on bare
 * node:http + pg), shape by shape, in the same run on the same machine, in alternating slices.
 */

export const browseShapes = {
  'no filter': '/api/shifts',
  filters: `/api/shifts?street=${encodeURIComponent('永中街道')}&category=factory&minPayFen=20000`,
  near: '/api/shifts?near=27.93,120.80',
  'q=搬运': `/api/shifts?q=${encodeURIComponent('搬运')}`,
} as const;
export type BrowseShape = keyof typeof browseShapes;

export interface BrowseFigure {
  shape: BrowseShape;
  frontDoor: LoadResult;
  floor: LoadResult;
  /** Front door req/s ÷ floor req/s. */
  ratio: number;
}

export interface LoadCurvePoint {
  target: 'front door' | 'floor';
  connections: number;
  result: LoadResult;
}

export async function benchBrowse(
  progress: Progress,
  frontDoor: string,
  floor: ChildServer,
  options: { seconds: number; connections: number; warmUpSeconds: number },
): Promise<BrowseFigure[]> {
  const figures: BrowseFigure[] = [];
  const shapes = Object.entries(browseShapes) as [BrowseShape, string][];
  // A warm-up pass over every shape before any is measured, at the measured number of connections:
  // the JIT done with the apps' request path (the front door's first shape measured just after the
  // apps started ran at two thirds of its later rate), and every connection the run will use open
  // (the front door's to the service, each pool's to PostgreSQL, whose new backends start cold).
  if (options.warmUpSeconds > 0) {
    const warm = { connections: options.connections, seconds: options.warmUpSeconds };
    for (const [shape, path] of shapes) {
      await drive(progress, `warm ${shape}`, { url: `${frontDoor}${path}`, ...warm });
      await drive(progress, `warm ${shape} (floor)`, { url: `${floor.url}${path}`, ...warm });
    }
  }
  for (const [shape, path] of shapes) {
    const [viaFrontDoor, viaFloor] = await inTurns(progress, `browse ${shape}`, options, [
      ['front door', `${frontDoor}${path}`],
      ['floor', `${floor.url}${path}`],
    ]);
    const figure = { shape, frontDoor: viaFrontDoor, floor: viaFloor, ratio: viaFrontDoor.requestsPerSecond / viaFloor.requestsPerSecond };
    progress.log(
      `  browse ${shape}: front door ${viaFrontDoor.requestsPerSecond.toFixed(0)} req/s (p50 ${viaFrontDoor.p50} ms, p99 ${viaFrontDoor.p99} ms), ` +
        `floor ${viaFloor.requestsPerSecond.toFixed(0)} req/s (p50 ${viaFloor.p50} ms, p99 ${viaFloor.p99} ms): ${figure.ratio.toFixed(2)}×`,
    );
    figures.push(figure);
  }
  return figures;
}

/**
 * Drives each target for `seconds` in all, in alternating slices of two seconds (one second when
 * quick): a burst of background work (a sweep, autovacuum, the seeker pool taking in a new scale)
 * then falls on both sides of a comparison instead of deciding it. Rates are totals over time; p50
 * is the middle slice's, p99 the worst slice's.
 */
async function inTurns(
  progress: Progress,
  name: string,
  options: { seconds: number; connections: number },
  targets: [label: string, url: string][],
): Promise<LoadResult[]> {
  const sliceSeconds = options.seconds >= 4 ? 2 : 1;
  const slices = Math.max(1, Math.round(options.seconds / sliceSeconds));
  const results: LoadResult[][] = targets.map(() => []);
  for (let slice = 0; slice < slices; slice++)
    for (const [i, [label, url]] of targets.entries())
      results[i]!.push(
        await drive(progress, `${name}: ${label} (${slice + 1} of ${slices})`, {
          url,
          connections: options.connections,
          seconds: sliceSeconds,
        }),
      );
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return results.map((parts) => ({
    connections: options.connections,
    requestsPerSecond: parts.reduce((sum, part) => sum + part.requests, 0) / (slices * sliceSeconds),
    p50: middle(parts.map((part) => part.p50)),
    p97_5: Math.max(...parts.map((part) => part.p97_5)),
    p99: Math.max(...parts.map((part) => part.p99)),
    requests: parts.reduce((sum, part) => sum + part.requests, 0),
    non2xx: parts.reduce((sum, part) => sum + part.non2xx, 0),
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
  }));
}

/** Latency against load: the unfiltered board at growing numbers of connections, through the front door and on the floor. */
export async function benchLoadCurve(
  progress: Progress,
  frontDoor: string,
  floor: ChildServer,
  options: { seconds: number; steps: number[] },
): Promise<LoadCurvePoint[]> {
  const points: LoadCurvePoint[] = [];
  for (const connections of options.steps) {
    for (const [target, base] of [
      ['front door', frontDoor],
      ['floor', floor.url],
    ] as const) {
      const result = await drive(progress, `load curve: ${target}, ${connections} connections`, {
        url: `${base}${browseShapes['no filter']}`,
        connections,
        seconds: options.seconds,
      });
      points.push({ target, connections, result });
    }
    const [door, bare] = points.slice(-2);
    progress.log(
      `  ${connections} connections: front door ${door.result.requestsPerSecond.toFixed(0)} req/s p99 ${door.result.p99} ms; floor ${bare.result.requestsPerSecond.toFixed(0)} req/s p99 ${bare.result.p99} ms`,
    );
  }
  return points;
}
