import * as E from 'fp-ts/lib/Either.js';
import { createPlanviewer, describeError, type PollingOptions } from '../../src';
import type { Strategy } from './Strategy';

/**
 * planviewer-rx as a user runs it: one `createPlanviewer` (so one shared poller), one `order$` per order,
 * `download: false` so each job ends at `Finished` (detection, not download, is measured). Only
 * `statusBatchSize` differs between (a) and (b); every polling option is the library default.
 *
 * Each order is subscribed once the previous one's POST is answered (its first `Ordered`), like the anchors'
 * sequential orders, so the server creates the same jobs in the same order.
 */
const ourPoller = (
  id: string,
  label: string,
  statusBatchSize: number | undefined,
  polling?: PollingOptions,
  requestBudget?: number,
): Strategy => ({
  id,
  label,
  run: (ctx) =>
    new Promise<void>((resolve, reject) => {
      const pv = createPlanviewer({
        credentials: { key: ctx.key, secret: ctx.secret },
        baseUrl: ctx.baseUrl,
        fetch: ctx.fetch,
        random: ctx.random,
        ...(statusBatchSize === undefined ? {} : { statusBatchSize }),
        ...(polling === undefined ? {} : { polling }),
        ...(requestBudget === undefined ? {} : { requestBudget }),
      });
      let placed = 0;
      let open = ctx.orders.length;
      const placeNext = (): void => {
        const order = ctx.orders[placed++];
        if (order === undefined) return;
        let answered = false;
        const answer = (): void => {
          if (!answered) {
            answered = true;
            placeNext();
          }
        };
        pv.order$(order, { download: false }).subscribe({
          next: (event) => {
            if (E.isLeft(event)) {
              // A job that ends in `error` (JobFailed) has been noticed too; anything else is a broken run.
              const { left } = event;
              if (left._tag === 'JobFailed') ctx.noticed(left.job, 'error');
              else reject(new Error(`(${id}) ${describeError(left)}`));
              return;
            }
            if (event.right._tag === 'Ordered') answer();
            else if (event.right._tag === 'Finished') ctx.noticed(event.right.job, 'finished');
          },
          error: reject,
          complete: () => {
            answer();
            if (--open === 0) resolve();
          },
        });
      };
      placeNext();
    }),
});

/**
 * (a) planviewer-rx: adaptive delays and one batched status request per wake-up (default batch size 100).
 *
 * @example
 * await adaptiveBatched.run(context);
 */
export const adaptiveBatched: Strategy = ourPoller('a', 'planviewer-rx (adaptive + batched)', undefined);

/**
 * (b) planviewer-rx with `statusBatchSize: 1`: the same adaptive delays, one request per job per poll.
 * Separates what batching saves from what the adaptive policy saves.
 *
 * @example
 * await adaptiveUnbatched.run(context);
 */
export const adaptiveUnbatched: Strategy = ourPoller('b', 'planviewer-rx, batching off', 1);

/**
 * Not compared with anything: (a) across settings from frugal to eager, for the chart's trade-off curve.
 * Each scales `precisionMs` (a job's spacing alone) and `requestBudget` (extra rounds a second) together.
 *
 * @example
 * for (const strategy of SWEEP) await runRepeated(strategy, 10, 3);
 */
export const SWEEP: readonly Strategy[] = [
  ourPoller('s1', 'planviewer-rx, precisionMs 5000, requestBudget 1', undefined, { precisionMs: 5_000 }, 1),
  ourPoller('s2', 'planviewer-rx, precisionMs 3000, requestBudget 2', undefined, { precisionMs: 3_000 }, 2),
  ourPoller('s3', 'planviewer-rx, precisionMs 1000, requestBudget 8', undefined, { precisionMs: 1_000 }, 8),
  ourPoller(
    's4',
    'planviewer-rx, precisionMs 1000, minDelayMs 300, requestBudget 16',
    undefined,
    { precisionMs: 1_000, minDelayMs: 300 },
    16,
  ),
  ourPoller(
    's5',
    'planviewer-rx, precisionMs 700, minDelayMs 250, requestBudget 16',
    undefined,
    { precisionMs: 700, minDelayMs: 250 },
    16,
  ),
];
