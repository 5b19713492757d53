import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * Ends a stream when `signal` aborts: unsubscribes from the source (which cancels its requests), emits
 * what `onAbort()` returns (say, one `Aborted` Left per job still running) and completes. Already
 * aborted at subscription: emits `onAbort()` at once without subscribing to the source.
 *
 * One listener per stream, not per job: an order of many jobs must not pile listeners on one signal.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import type { Observable } from 'rxjs';
 * import { aborted, type JobEvent, type PlanviewerError } from 'planviewer-rx';
 * import { withJob } from '../errors/PlanviewerError';
 * import { endOnAbort } from './abortSignal';
 * const controller = new AbortController();
 * declare const job: string;
 * declare const job$: Observable<E.Either<PlanviewerError, JobEvent>>;
 * job$.pipe(endOnAbort<E.Either<PlanviewerError, JobEvent>>(controller.signal, () => [E.left(withJob(aborted(), job))]));
 *
 * @since 0.1.0
 * @category combinators
 */
export const endOnAbort =
  <A>(signal: AbortSignal | undefined, onAbort: () => Iterable<A>): MonoTypeOperatorFunction<A> =>
  (source) =>
    signal === undefined
      ? source
      : new Observable<A>((subscriber) => {
          const abort = (): void => {
            for (const value of onAbort()) subscriber.next(value);
            subscriber.complete();
          };
          if (signal.aborted) {
            abort();
            return undefined;
          }
          signal.addEventListener('abort', abort, { once: true });
          const subscription = source.subscribe(subscriber);
          return () => {
            signal.removeEventListener('abort', abort);
            subscription.unsubscribe();
          };
        });
