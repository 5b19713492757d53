import * as E from 'fp-ts/lib/Either.js';
import { defer, mergeMap, of, timer, type Observable, type SchedulerLike } from 'rxjs';
import type { PlanviewerError } from '../errors/PlanviewerError';
import type { StatusPollerConfig } from './statusPoller';
import { decideRetry, refundRetry, type RetryOptions } from './retryBudget';

/**
 * What a retried call needs: time, jitter, the options and the client's shared bucket.
 *
 * @example
 * import type { RetryBudget } from './retryBudget';
 * import { asyncScheduler } from 'rxjs';
 * import { defaultRetryOptions } from './retryBudget';
 * import type { RetryContext } from './retryTransient';
 * declare const budget: { get: () => RetryBudget; set: (b: RetryBudget) => void };
 * const context: RetryContext = { scheduler: asyncScheduler, random: Math.random, retry: defaultRetryOptions, budget };
 *
 * @category model
 */
export interface RetryContext {
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly retry: RetryOptions;
  readonly budget: StatusPollerConfig['budget'];
}

/**
 * Runs an idempotent port call (retrieve, kik waiting) and, when it answers with a transient Left
 * (`isRetryable`), runs it again after a capped, jittered exponential delay (never sooner than
 * `Retry-After`) while attempts and the shared budget last. The last Left is passed on as is.
 *
 * Emissions before the Left (download progress) are passed on too; a retry starts the call afresh.
 *
 * @example
 * import type { RetryBudget } from './retryBudget';
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import type { SchedulerLike } from 'rxjs';
 * import { defaultRetryOptions } from './retryBudget';
 * import { retryTransient } from './retryTransient';
 * declare const budget: { get: () => RetryBudget; set: (b: RetryBudget) => void };
 * declare const port: PlanviewerPort;
 * declare const job: string;
 * declare const scheduler: SchedulerLike;
 * retryTransient(() => port.waiting(job), { scheduler, random: Math.random, retry: defaultRetryOptions, budget });
 *
 * @since 0.1.0
 * @category combinators
 */
export const retryTransient = <A>(
  call: () => Observable<E.Either<PlanviewerError, A>>,
  context: RetryContext,
): Observable<E.Either<PlanviewerError, A>> => {
  const attempt = (failures: number): Observable<E.Either<PlanviewerError, A>> =>
    defer(() => {
      // One refund per answered call, not per download chunk.
      let refunded = false;
      return call().pipe(
        mergeMap((result) => {
          const { budget } = context;
          if (E.isRight(result)) {
            if (!refunded) budget.set(refundRetry(budget.get()));
            refunded = true;
            return of(result);
          }
          const decision = decideRetry(
            result.left,
            failures + 1,
            context.retry,
            budget.get(),
            context.random,
          );
          if (decision._tag === 'GiveUp') return of(result);
          budget.set(decision.budget);
          return timer(decision.delayMs, context.scheduler).pipe(mergeMap(() => attempt(failures + 1)));
        }),
      );
    });
  return attempt(0);
};
