import { Observable, type MonoTypeOperatorFunction, type SchedulerLike } from 'rxjs';

/**
 * Ends a stream at scheduler time `at`: unsubscribes from the source, emits `onExpired()` and completes.
 * One scheduled action per stream, gone as soon as the stream ends either way.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import type { SchedulerLike } from 'rxjs';
 * import { timeout } from 'planviewer-rx';
 * import { withJob } from '../errors/PlanviewerError';
 * import { endAtDeadline } from './deadline';
 * declare const deadlineAt: number;
 * declare const job: string;
 * declare const scheduler: SchedulerLike;
 * import type { Observable } from 'rxjs';
 * import type { JobEvent, PlanviewerError } from 'planviewer-rx';
 * declare const download$: Observable<E.Either<PlanviewerError, JobEvent>>;
 * download$.pipe(endAtDeadline<E.Either<PlanviewerError, JobEvent>>(deadlineAt, scheduler, () => E.left(withJob(timeout(60_000, undefined, 'finished'), job))));
 *
 * @since 0.1.0
 * @category combinators
 */
export const endAtDeadline =
  <A>(at: number | undefined, scheduler: SchedulerLike, onExpired: () => A): MonoTypeOperatorFunction<A> =>
  (source) =>
    at === undefined
      ? source
      : new Observable<A>((subscriber) => {
          const expiry = scheduler.schedule(
            () => {
              subscriber.next(onExpired());
              subscriber.complete();
            },
            Math.max(0, at - scheduler.now()),
          );
          const subscription = source.subscribe(subscriber);
          return () => {
            expiry.unsubscribe();
            subscription.unsubscribe();
          };
        });
