/**
 * The simulator's notion of "now".
 *
 * Job progress, the daily order cap and result dates are all computed from a {@link Clock}, never from
 * `Date.now()` directly, so tests can step time by hand and benchmarks can run minutes of simulated work
 * in seconds. Network-level behaviour (fault delays, stalls, keep-alive) stays in real time: it is about
 * the client's sockets, not about Planviewer's back office.
 */
import { performance } from 'node:perf_hooks';

/**
 * Anything that tells the time in epoch milliseconds.
 *
 * @example
 * ```ts
 * import { type Clock, startSimulator } from 'planviewer-rx/simulator';
 * const fixed: Clock = { now: () => Date.UTC(2026, 0, 5, 9) };
 * const sim = await startSimulator({ clock: fixed });
 * ```
 */
export interface Clock {
  /** Current simulated time, epoch milliseconds. Must never go backwards. */
  now(): number;
}

/**
 * A clock that only moves when told to.
 *
 * @example
 * ```ts
 * import { manualClock } from 'planviewer-rx/simulator';
 * const clock = manualClock();
 * clock.advance(5_000); // five simulated seconds pass, instantly
 * clock.now() === Date.UTC(2026, 0, 5, 9, 0, 5); // true
 * ```
 */
export interface ManualClock extends Clock {
  readonly kind: 'manual';
  /** Moves time forward by `ms` (>= 0) and returns the new time. */
  advance(ms: number): number;
  /** Jumps to `epochMs` (not earlier than now) and returns it. */
  set(epochMs: number): number;
}

/**
 * A clock that runs `speed` times faster than real time.
 *
 * @example
 * ```ts
 * import { scaledClock } from 'planviewer-rx/simulator';
 * const clock = scaledClock(100); // one real second = 100 simulated seconds
 * ```
 */
export interface ScaledClock extends Clock {
  readonly kind: 'scaled';
  readonly speed: number;
}

/**
 * Wall-clock time.
 *
 * @example
 * ```ts
 * import { realClock } from 'planviewer-rx/simulator';
 * realClock().now(); // ≈ Date.now()
 * ```
 */
export interface RealClock extends Clock {
  readonly kind: 'real';
}

/**
 * Where {@link manualClock} starts by default: Monday 2026-01-05 09:00 UTC, a working-day morning far from
 * midnight, so a test that advances a few hours does not cross the order cap's day boundary by accident.
 *
 * @example
 * ```ts
 * import { DEFAULT_CLOCK_START } from 'planviewer-rx/simulator';
 * new Date(DEFAULT_CLOCK_START).toISOString(); // '2026-01-05T09:00:00.000Z'
 * ```
 */
export const DEFAULT_CLOCK_START: number = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * Real time: `Date.now()`.
 *
 * @example
 * ```ts
 * import { realClock, startSimulator } from 'planviewer-rx/simulator';
 * const sim = await startSimulator({ clock: realClock() });
 * ```
 */
export const realClock = (): RealClock => ({ kind: 'real', now: () => Date.now() });

/**
 * Time that runs `speed` times faster than real time, starting at `startMs` (default: the real time now).
 * It measures elapsed time with `performance.now()`, so adjusting the system clock does not make it jump.
 *
 * @example
 * ```ts
 * import { scaledClock, startSimulator } from 'planviewer-rx/simulator';
 * const sim = await startSimulator({ clock: scaledClock(100) }); // a 6-minute product takes 3.6 s
 * ```
 */
export const scaledClock = (speed: number, startMs: number = Date.now()): ScaledClock => {
  if (!Number.isFinite(speed) || speed <= 0)
    throw new RangeError(`scaledClock: speed must be > 0, got ${speed}`);
  const origin = performance.now();
  return { kind: 'scaled', speed, now: () => startMs + Math.floor((performance.now() - origin) * speed) };
};

/**
 * A clock moved by hand with `advance(ms)` or `set(epochMs)`; it starts at `startMs`
 * (default {@link DEFAULT_CLOCK_START}). Time never goes backwards: job status is derived from the clock,
 * and a job that un-finishes would be a lie no real server tells.
 *
 * @example
 * ```ts
 * import { manualClock, startSimulator } from 'planviewer-rx/simulator';
 * const clock = manualClock();
 * const sim = await startSimulator({ clock });
 * // …order a job…
 * clock.advance(60_000); // the job is a minute further along on the next status request
 * ```
 */
export const manualClock = (startMs: number = DEFAULT_CLOCK_START): ManualClock => {
  let current = startMs;
  const set = (epochMs: number): number => {
    if (!Number.isFinite(epochMs)) throw new RangeError(`manualClock: not a time: ${epochMs}`);
    if (epochMs < current) {
      throw new RangeError(`manualClock: time cannot go backwards (${epochMs} < ${current})`);
    }
    current = epochMs;
    return current;
  };
  return {
    kind: 'manual',
    now: () => current,
    set,
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError(`manualClock: advance needs ms >= 0, got ${ms}`);
      return set(current + ms);
    },
  };
};
