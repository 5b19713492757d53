import { createWaiter, WaiterState, waiterServiceDefaults } from '@smithy/util-waiter';
import { isTerminal, type RawApi } from '../rawApi';
import { followEachJob } from './followEachJob';
import type { Strategy } from './Strategy';

/** Generous: the waiter must never give up on a job of this workload. */
const MAX_WAIT_SECONDS = 3_600;

/**
 * (d) `@smithy/util-waiter`'s real `createWaiter` (what every AWS SDK v3 `waitUntil…` uses), one waiter per
 * job, with the package's own `waiterServiceDefaults` (minDelay 2 s, maxDelay 120 s; delays drawn uniformly
 * from [minDelay, minDelay·2^(attempt−1)]). Its acceptor is one real status GET. It checks once at once,
 * then sleeps before each further check.
 *
 * @example
 * await smithyWaiter.run(context);
 */
export const smithyWaiter: Strategy = {
  id: 'd',
  label: '@smithy/util-waiter createWaiter (2 s → 120 s)',
  run: (ctx) =>
    followEachJob(ctx, async (api, job) => {
      const result = await createWaiter<RawApi, string>(
        { ...waiterServiceDefaults, client: api, maxWaitTime: MAX_WAIT_SECONDS },
        job,
        async (client, uuid) => {
          const status = await client.status(uuid);
          if (!isTerminal(status)) return { state: WaiterState.RETRY };
          ctx.noticed(uuid, status);
          return { state: status === 'finished' ? WaiterState.SUCCESS : WaiterState.FAILURE };
        },
      );
      if (result.state === WaiterState.TIMEOUT || result.state === WaiterState.ABORTED)
        throw new Error(`smithy waiter for ${job} ended with ${result.state}`);
    }),
};
