import { isTerminal } from '../rawApi';
import { followEachJob } from './followEachJob';
import type { Strategy } from './Strategy';

/** The fixed interval of (c). */
export const FIXED_INTERVAL_MS = 1_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * (c) The loop most integrations start with: per job, wait one second, ask, repeat until done. One timer
 * and one request per job per second; the finish is noticed 0–1 s late (0.5 s on average), which makes this
 * the bench's self-check of the virtual clock.
 *
 * @example
 * await fixedInterval.run(context);
 */
export const fixedInterval: Strategy = {
  id: 'c',
  label: 'fixed 1 s loop',
  run: (ctx) =>
    followEachJob(ctx, async (api, job) => {
      for (;;) {
        await sleep(FIXED_INTERVAL_MS);
        const status = await api.status(job);
        if (isTerminal(status)) return ctx.noticed(job, status);
      }
    }),
};
