import { MultiBar, Presets, type SingleBar } from 'cli-progress';

/**
 * Progress bars while the benchmark runs (on a terminal; elsewhere only the log lines), and a log
 * whose lines carry the seconds since the start and print above the bars.
 */
export class Progress {
  private readonly started = performance.now();
  private readonly tty = Boolean(process.stdout.isTTY);
  private readonly bars = new MultiBar(
    {
      format: ' {bar} {percentage}% | {task} {detail}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: true,
      barsize: 30,
      autopadding: true,
    },
    Presets.shades_classic,
  );

  log(line: string): void {
    const stamped = `[${((performance.now() - this.started) / 1000).toFixed(1).padStart(6)} s] ${line}`;
    if (this.tty) this.bars.log(`${stamped}\n`);
    else console.log(stamped);
  }

  /** Runs `work` with a bar of `total` steps; `tick(n)` sets how many are done (and a note after the bar). */
  async task<T>(name: string, total: number, work: (tick: (done: number, detail?: string) => void) => Promise<T>): Promise<T> {
    const bar: SingleBar | undefined = this.tty ? this.bars.create(total, 0, { task: name, detail: '' }) : undefined;
    try {
      return await work((done, detail = '') => bar?.update(Math.min(done, total), { detail }));
    } finally {
      bar?.update(total);
      bar?.stop();
    }
  }

  stop(): void {
    this.bars.stop();
  }
}
