import autocannon from 'autocannon';
import type { Progress } from './progress';

/** What one autocannon run found: throughput and latency (ms), and what went wrong. */
export interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Several requests, cycled through per connection (method, path, body). */
  requests?: autocannon.Request[];
}

/** Drives `url` with autocannon over loopback for `seconds` with a bar; refuses a run where most answers were not 2xx. */
export async function drive(progress: Progress, name: string, options: LoadOptions): Promise<LoadResult> {
  return progress.task(name, options.seconds, async (tick) => {
    let second = 0;
    const result = await new Promise<autocannon.Result>((done, fail) => {
      const instance = autocannon(
        {
          url: options.url,
          connections: options.connections,
          duration: options.seconds,
          headers: options.headers,
          requests: options.requests,
        },
        (error, finished) => (error ? fail(error as Error) : done(finished)),
      );
      let answered = 0;
      instance.on('response', () => (answered += 1));
      instance.on('tick', () => {
        tick(++second, `${answered} req/s`);
        answered = 0;
      });
    });
    const answered = result['2xx'] + result.non2xx;
    if (answered === 0 || result.non2xx > answered / 2) {
      throw new Error(
        `${name}: ${result.non2xx} of ${answered} answers were not 2xx (${result['4xx']} 4xx, ${result['5xx']} 5xx), ${result.errors} errors`,
      );
    }
    return {
      connections: options.connections,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  });
}
