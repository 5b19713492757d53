import { withGlobal, type Clock as FakeClock } from '@sinonjs/fake-timers';
import type { Clock } from '../src/simulator';

/**
 * One virtual clock for the whole bench process: every strategy's timers (RxJS's asyncScheduler, smithy's
 * sleeps, Azure's delays, the hand-written loop's setTimeout) and `Date` run on it, and the simulator reads
 * it as its clock.
 *
 * @example
 * const time = installVirtualTime(DEFAULT_CLOCK_START);
 * try {
 *   const sim = await startSimulator({ clock: time.clock });
 *   await time.drive({ done: () => finished, inFlight: net.inFlight });
 * } finally {
 *   time.uninstall();
 * }
 */
export interface VirtualTime {
  /** Virtual now, epoch ms (what `Date.now()` returns while installed). */
  readonly now: () => number;
  /** The same time as a simulator clock. */
  readonly clock: Clock;
  /** Virtual timers (timeouts and intervals) scheduled now, all strategies and libraries together. */
  readonly timers: () => number;
  /** Runs virtual time until `done()`; see {@link DriveOptions}. */
  readonly drive: (options: DriveOptions) => Promise<DriveStats>;
  /** Puts the real timers and `Date` back. */
  readonly uninstall: () => void;
}

/** What {@link VirtualTime.drive} needs. */
export interface DriveOptions {
  /** True once the run's work is complete. */
  readonly done: () => boolean;
  /** Requests sent and not yet read; time never moves while this is above zero. */
  readonly inFlight: () => number;
  /** Called at every idle point (nothing in flight, nothing runnable), before time moves: sampling. */
  readonly onIdle?: () => void;
  /** Real milliseconds without any progress before the run is declared stuck. @default 30000 */
  readonly watchdogMs?: number;
}

/** How much driving a run took. */
export interface DriveStats {
  /** Distinct virtual instants at which timers fired. */
  readonly steps: number;
}

// Captured before anything is faked; setImmediate is never faked, but say what we rely on.
const realSetImmediate = setImmediate;
const realNow = (): number => performance.now();
const nextTurn = (): Promise<void> => new Promise((resolve) => realSetImmediate(resolve));

/**
 * Installs fake `setTimeout`/`setInterval` (and their clear functions) and `Date`, starting at `startMs`.
 *
 * Not faked, on purpose: `setImmediate`, `process.nextTick`, `queueMicrotask` and `performance`, so that
 * sockets, promise chains and wall-clock measurements keep working in real time. Node's own HTTP stack uses
 * internal timers, so loopback I/O is untouched.
 *
 * @example
 * const time = installVirtualTime(Date.UTC(2026, 0, 5, 9));
 */
export const installVirtualTime = (startMs: number): VirtualTime => {
  const fake: FakeClock = withGlobal(globalThis).install({
    now: startMs,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });

  /**
   * Waits, in real time, until the process is idle: no request in flight for two event-loop turns in a row.
   * A turn runs every pending microtask and I/O callback, so a response that arrives starts whatever it
   * causes (often the next request) before we look again.
   */
  const settle = async (inFlight: () => number, watchdogMs: number): Promise<void> => {
    let quiet = 0;
    let last = inFlight();
    let lastChange = realNow();
    while (quiet < 2) {
      await nextTurn();
      const now = inFlight();
      if (now !== last) {
        last = now;
        lastChange = realNow();
      }
      if (now === 0) quiet++;
      else {
        quiet = 0;
        if (realNow() - lastChange > watchdogMs)
          throw new Error(`virtual time stuck: ${now} request(s) in flight for ${watchdogMs} ms real time`);
      }
    }
  };

  const drive = async (options: DriveOptions): Promise<DriveStats> => {
    const watchdogMs = options.watchdogMs ?? 30_000;
    let steps = 0;
    for (;;) {
      await settle(options.inFlight, watchdogMs);
      if (options.done()) return { steps };
      options.onIdle?.();
      if (fake.countTimers() === 0)
        throw new Error('virtual time stuck: nothing scheduled, nothing in flight, and the run is not done');
      // Jump to the earliest timer and fire it, then everything else due at that same instant: those
      // requests go out together, as they would on a real clock with zero network time.
      fake.next();
      fake.tick(0);
      steps++;
    }
  };

  return {
    now: () => fake.now,
    clock: { now: () => fake.now },
    timers: () => fake.countTimers(),
    drive,
    uninstall: () => fake.uninstall(),
  };
};
