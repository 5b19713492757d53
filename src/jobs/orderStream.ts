import * as E from 'fp-ts/lib/Either.js';
import {
  AsyncSubject,
  concat,
  defer,
  from,
  map,
  merge,
  mergeMap,
  of,
  share,
  take,
  tap,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import type { OrderedJob } from '../codecs';
import { aborted, withJob, type PlanviewerError } from '../errors/PlanviewerError';
import { endOnAbort } from './abortSignal';
import type { JobEvent, Ordered } from './JobEvent';
import type { NormalizedStreamOptions } from './JobsOptions';
import { jobStream, type JobStreamContext } from './jobStream';
import { readOrderAnswer } from './orderAnswer';
import type { PlanviewerPort } from './PlanviewerPort';

type Emission = E.Either<PlanviewerError, JobEvent>;

/**
 * Where a ledger (or an order budget) plugs into an order: `order` replaces the port's order call (it
 * records before and after the POST), `follow` wraps each job's events (leases, recorded ends).
 *
 * @example
 * import type { OrderStreamHooks } from './orderStream';
 * const hooks: OrderStreamHooks = { follow: (job, events) => events };
 *
 * @category model
 */
export interface OrderStreamHooks {
  readonly order?: PlanviewerPort['order'];
  readonly follow?: (job: string, events: Observable<Emission>) => Observable<Emission>;
}

/** The job an emission ends, if it ends one: its Left, its `Result` or its `Finished`. */
const endedJob = (e: Emission): string | undefined =>
  E.isLeft(e)
    ? e.left.job
    : e.right._tag === 'Result' || e.right._tag === 'Finished'
      ? e.right.job
      : undefined;

/**
 * Places ONE order and follows its jobs. The POST is sent on the first subscription and its answer is
 * kept: later subscribers, and any `retry()` / `repeat()` around this stream, follow the same jobs and
 * never order again. Nothing is retried: a failed order is one Left, then completion.
 *
 * Per job, `Ordered` comes first, for every job of the order before anything else (so the uuids can be
 * stored before any job can fail), then the job's own events. Every intention sent gets an `Ordered` or,
 * right after the `Ordered` events, an `OrderOutcomeUnknown` naming it when the answer does not account
 * for it (see {@link readOrderAnswer}). Completes when every job has ended.
 *
 * @example
 * import type { JobStreamContext } from './jobStream';
 * import type { SchedulerLike } from 'rxjs';
 * import { orderStream } from './orderStream';
 * declare const context: JobStreamContext;
 * declare const scheduler: SchedulerLike;
 * import type { NormalizedStreamOptions } from './JobsOptions';
 * declare const options: NormalizedStreamOptions;
 * orderStream(context, scheduler, ['intention-uuid'], options).subscribe(console.log);
 *
 * @since 0.1.0
 * @category constructors
 */
export const orderStream = (
  context: JobStreamContext,
  scheduler: SchedulerLike,
  intentions: readonly string[],
  options: NormalizedStreamOptions,
  hooks: OrderStreamHooks = {},
): Observable<Emission> => {
  let placed: Observable<readonly [E.Either<PlanviewerError, readonly OrderedJob[]>, number]> | undefined;

  const follow = (ordered: readonly OrderedJob[], orderedAt: number, deadlineAt: number | undefined) => {
    const answer = readOrderAnswer(intentions, ordered);
    const running = new Set<string>(answer.jobs.map((o) => o.job));
    const jobs = merge(
      ...answer.jobs.map((o) => {
        const events = jobStream(context, {
          job: o.job,
          intention: o.intention,
          orderedAt,
          options,
          ...(deadlineAt === undefined ? {} : { deadlineAt }),
        });
        return hooks.follow === undefined ? events : hooks.follow(o.job, events);
      }),
    ).pipe(
      tap((e) => {
        const ended = endedJob(e);
        if (ended !== undefined) running.delete(ended);
      }),
      endOnAbort<Emission>(options.signal, () => [...running].map((job) => E.left(withJob(aborted(), job)))),
    );
    return concat(
      from([
        ...answer.jobs.map((o): Emission =>
          E.right<PlanviewerError, Ordered>({ _tag: 'Ordered', intention: o.intention, job: o.job }),
        ),
        ...answer.unaccounted.map((e): Emission => E.left(e)),
      ]),
      jobs,
    );
  };

  return defer(() => {
    const subscribedAt = scheduler.now();
    const deadlineAt = options.deadlineMs === undefined ? undefined : subscribedAt + options.deadlineMs;
    // Aborted before anything was sent: nothing to follow, and nothing is ordered.
    if (placed === undefined && options.signal?.aborted === true) return of(E.left(aborted()));
    // Kept after its subscribers leave (no reset at refcount zero): an order that was sent must be
    // followed, and an answer must never be thrown away in favour of a second POST. What
    // `shareReplay({ bufferSize: 1, refCount: false })` does for this one-value source, with the smaller
    // AsyncSubject (the answer replayed to every later subscriber) instead of a ReplaySubject.
    placed ??= (hooks.order === undefined ? context.port.order(intentions) : hooks.order(intentions)).pipe(
      take(1),
      map((result) => [result, scheduler.now()] as const),
      share({ connector: () => new AsyncSubject(), resetOnComplete: false, resetOnRefCountZero: false }),
    );
    return placed.pipe(
      mergeMap(([result, orderedAt]) =>
        E.isLeft(result) ? of<Emission>(result) : follow(result.right, orderedAt, deadlineAt),
      ),
    );
  });
};
