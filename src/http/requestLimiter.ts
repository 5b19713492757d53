import type { NormalizedConfig } from '../config/normalizeConfig';

/**
 * A client-wide cap on requests in flight, with a first-come, first-served queue.
 *
 * @internal
 */
export interface RequestLimiter {
  /**
   * Runs `send` once a slot is free, and frees the slot when it settles. A caller's abort while the
   * request still waits takes it out of the queue: `send` never runs, and `whenAbortedQueued` answers.
   */
  readonly run: <A>(
    signal: AbortSignal | undefined,
    whenAbortedQueued: () => A,
    send: () => Promise<A>,
  ) => Promise<A>;
  /** Requests being sent or read now. */
  readonly active: () => number;
  /** Requests waiting for a slot. */
  readonly waiting: () => number;
}

/** @internal */
export const createRequestLimiter = (max: number): RequestLimiter => {
  let active = 0;
  const queue: (() => void)[] = [];

  const release = (): void => {
    active--;
    const next = queue.shift();
    if (next !== undefined) next();
  };

  const run = <A>(
    signal: AbortSignal | undefined,
    whenAbortedQueued: () => A,
    send: () => Promise<A>,
  ): Promise<A> => {
    const start = (): Promise<A> => {
      active++;
      let settled: Promise<A>;
      try {
        settled = send();
      } catch (e) {
        settled = Promise.reject(e);
      }
      return settled.finally(release);
    };
    if (active < max && queue.length === 0) return start();
    return new Promise<A>((resolve, reject) => {
      const onAbort = (): void => {
        const at = queue.indexOf(go);
        if (at >= 0) queue.splice(at, 1);
        resolve(whenAbortedQueued());
      };
      const go = (): void => {
        signal?.removeEventListener('abort', onAbort);
        start().then(resolve, reject);
      };
      if (signal?.aborted === true) {
        resolve(whenAbortedQueued());
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(go);
    });
  };

  return { run, active: () => active, waiting: () => queue.length };
};

const limiters = new WeakMap<NormalizedConfig, RequestLimiter>();

/**
 * The limiter of a client: one per normalized config, so every API and stream built from one
 * `createPlanviewer` shares it.
 *
 * @internal
 */
export const limiterOf = (config: NormalizedConfig): RequestLimiter => {
  let limiter = limiters.get(config);
  if (limiter === undefined) {
    limiter = createRequestLimiter(config.maxConcurrentRequests);
    limiters.set(config, limiter);
  }
  return limiter;
};
