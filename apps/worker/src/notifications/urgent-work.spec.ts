import { QUIET_BEFORE_BULK_MS, UrgentWork } from './urgent-work';

describe('UrgentWork', () => {
  it('lets alerts go at once when nothing urgent is under way', async () => {
    const urgent = new UrgentWork();
    const started = Date.now();
    await urgent.giveWay(5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('holds alerts until the urgent work is done', async () => {
    const urgent = new UrgentWork();
    let finish!: () => void;
    const offer = urgent.track(() => new Promise<void>((done) => (finish = done)));
    const order: string[] = [];
    const alerts = urgent.giveWay(60_000).then(() => order.push('alerts'));
    await new Promise((tick) => setTimeout(tick, 20));
    expect(order).toEqual([]);
    order.push('offer');
    finish();
    await Promise.all([offer, alerts]);
    expect(order).toEqual(['offer', 'alerts']);
    expect(urgent.underWay).toBe(0);
  });

  it('holds them no longer than the bound, and counts work that failed as done', async () => {
    jest.useFakeTimers();
    try {
      const urgent = new UrgentWork();
      const forever = urgent.track(() => new Promise<void>(() => undefined));
      let letGo = false;
      const alerts = urgent.giveWay(2_000).then(() => (letGo = true));
      await jest.advanceTimersByTimeAsync(1_999);
      expect(letGo).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await alerts;
      expect(letGo).toBe(true);
      void forever;
      await expect(urgent.track(() => Promise.reject(new Error('matching is down')))).rejects.toThrow(/down/);
      expect(urgent.underWay).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('holds them through a burst: urgent work that follows within the quiet keeps them waiting', async () => {
    jest.useFakeTimers();
    try {
      const urgent = new UrgentWork();
      const run = (ms: number) => urgent.track(() => new Promise<void>((done) => setTimeout(done, ms)));
      let letGo = false;
      void run(50);
      const alerts = urgent.giveWay(60_000).then(() => (letGo = true));
      // Runs 50 ms long with 100 ms between them, as in a publish storm: never a quiet spell.
      for (let k = 0; k < 10; k++) {
        await jest.advanceTimersByTimeAsync(150);
        expect(letGo).toBe(false);
        void run(50);
      }
      await jest.advanceTimersByTimeAsync(50 + QUIET_BEFORE_BULK_MS - 1);
      expect(letGo).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await alerts;
      expect(letGo).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
