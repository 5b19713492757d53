import { DEFAULT_CLOCK_START, manualClock, realClock, scaledClock } from '../../src/simulator';

describe('manualClock', () => {
  it('starts on 2026-01-05T09:00:00Z by default and moves only when told', () => {
    const clock = manualClock();
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(clock.now()).toBe(DEFAULT_CLOCK_START);
    expect(clock.advance(1_500)).toBe(DEFAULT_CLOCK_START + 1_500);
    expect(clock.set(DEFAULT_CLOCK_START + 60_000)).toBe(DEFAULT_CLOCK_START + 60_000);
    expect(clock.now()).toBe(DEFAULT_CLOCK_START + 60_000);
  });

  it('refuses to go backwards', () => {
    const clock = manualClock(1_000);
    expect(() => clock.set(999)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(clock.now()).toBe(1_000);
  });
});

describe('scaledClock', () => {
  it('runs speed times faster than real time from its start', async () => {
    const clock = scaledClock(1_000, 0);
    const before = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = clock.now() - before;
    expect(elapsed).toBeGreaterThanOrEqual(40_000);
    expect(elapsed).toBeLessThan(1_000_000);
    expect(clock.speed).toBe(1_000);
  });

  it('rejects a speed that is not positive', () => {
    expect(() => scaledClock(0)).toThrow(RangeError);
    expect(() => scaledClock(Number.NaN)).toThrow(RangeError);
  });
});

describe('realClock', () => {
  it('is Date.now()', () => {
    const now = realClock().now();
    expect(Math.abs(now - Date.now())).toBeLessThan(50);
  });
});
