import { secondsUntilNextCode } from './otp-rules';

const now = new Date('2026-12-01T10:00:00+08:00');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('secondsUntilNextCode', () => {
  it('allows the first code', () => {
    expect(secondsUntilNextCode([], now)).toBe(0);
  });

  it('waits out the one-a-minute rule', () => {
    expect(secondsUntilNextCode([ago(20)], now)).toBe(40);
    expect(secondsUntilNextCode([ago(61)], now)).toBe(0);
  });

  it('allows five an hour, then waits for the oldest to leave the hour', () => {
    const four = [ago(100), ago(200), ago(300), ago(400)];
    expect(secondsUntilNextCode(four, now)).toBe(0);
    expect(secondsUntilNextCode([...four, ago(500)], now)).toBe(3600 - 500);
  });

  it('allows ten a day', () => {
    const tenSpread = Array.from({ length: 10 }, (_, i) => ago(4000 + i * 4000));
    expect(secondsUntilNextCode(tenSpread, now)).toBe(86_400 - (4000 + 9 * 4000));
  });
});
