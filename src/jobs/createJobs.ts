import * as E from 'fp-ts/lib/Either.js';
import { defer, map, of, take, tap, type Observable } from 'rxjs';
import { decodeJobUuid } from '../codecs/JobUuid';
import { describeError } from '../errors/describeError';
import { aborted, invalidInput, withJob, type PlanviewerError } from '../errors/PlanviewerError';
import { endOnAbort } from './abortSignal';
import type { JobEvent } from './JobEvent';
import {
  normalizeJobsOptions,
  normalizeStreamOptions,
  type FollowJobOptions,
  type JobsOptions,
  type OrderOptions,
  type ResumeOptions,
} from './JobsOptions';
import { jobStream, type JobStreamContext } from './jobStream';
import { orderStream } from './orderStream';
import type { JobLedger } from '../ledger/JobLedger';
import { carriedRuntime, runtimeOf } from '../ledger/ledgerRuntime';
import type { PlanviewerPort } from './PlanviewerPort';
import { createStatusPoller, retryBudgetCell } from './statusPoller';

/**
 * The reactive jobs API of one client.
 *
 * @example
 * import { createPlanviewer, type Jobs } from 'planviewer-rx';
 * declare const key: string, secret: string;
 * declare const savedJobUuid: string;
 * const jobs: Jobs = createPlanviewer({ credentials: { key, secret } }); // or scriptedPlanviewer(…).client in tests
 * jobs.job$(savedJobUuid).subscribe(console.log);
 *
 * @since 0.1.0
 * @category model
 */
export interface Jobs {
  /**
   * Orders the intentions (one POST, however often the stream is subscribed or retried) and follows
   * every job: `Ordered` → `Progress`… → (`WaitingForUser`) → `Downloading`… → `Result`.
   */
  readonly order$: (
    intentions: readonly string[],
    options?: OrderOptions,
  ) => Observable<E.Either<PlanviewerError, JobEvent>>;
  /**
   * Follows a job ordered earlier (by this process or another); never orders. `job` is a plain string: the
   * `job` of an event, a `JobUuid`, or a uuid you stored, in any case (events carry its canonical lower
   * case, the form `toJobUuid` gives). One that is no uuid is an `InvalidInput` for this stream alone.
   */
  readonly job$: (job: string, options?: FollowJobOptions) => Observable<E.Either<PlanviewerError, JobEvent>>;
  /**
   * Answers a job waiting for a user with the index of one of its choices, then has the poller look at
   * the job soon. Lazy: nothing is posted until you subscribe. `job` is taken as by `job$`: a uuid in any
   * case; one that is no uuid is an `InvalidInput`, and nothing is posted.
   */
  readonly select: (job: string, index: number) => Observable<E.Either<PlanviewerError, void>>;
  /** How many jobs the shared poller follows right now. */
  readonly followedJobs: () => number;
  /**
   * Follows every unfinished job of a ledger with `job$` semantics (never orders): reports each order
   * found without an answer as one `OrderOutcomeUnknown`, leases the jobs nobody holds, and completes
   * when none is left (with `watch`, never). See docs/ledgers-and-workers.md.
   */
  readonly resume$: (
    ledger: JobLedger,
    options?: ResumeOptions,
  ) => Observable<E.Either<PlanviewerError, JobEvent>>;
}

// The ledger brings the code that records and resumes (see jobLedger): nothing of it is imported here, so
// an app that never passes a ledger does not ship it.
const notALedger = () =>
  of(
    E.left(
      invalidInput(
        'ledger',
        'expected a JobLedger from planviewer-rx/ledger (your own through jobLedger(yours)), planviewer-rx/file-ledger or planviewer-rx/postgres',
      ),
    ),
  );

/**
 * Creates the jobs API over a {@link PlanviewerPort}: one shared, batched, adaptive status poller for
 * every stream it makes. All time comes from `options.scheduler`, so virtual time drives it in tests.
 *
 * Throws a `RangeError` (with the `InvalidInput` on `.error`) when the options are invalid: a bug in
 * the calling code, not a failure of the API. Use {@link normalizeJobsOptions} to check them as data.
 *
 * @example
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import type { RetrievedFile } from 'planviewer-rx';
 * import { createJobs } from './createJobs';
 * import { results } from 'planviewer-rx';
 * declare const port: PlanviewerPort;
 * declare const save: (file: RetrievedFile) => void;
 * const jobs = createJobs(port, { polling: { maxDelayMs: 30_000 } });
 * jobs.order$(['0fe30323-a86e-4048-a7e7-6d60c3365dcb']).pipe(results()).subscribe((file) => save(file));
 *
 * @since 0.1.0
 * @category constructors
 */
export const createJobs = (port: PlanviewerPort, options: JobsOptions = {}): Jobs => {
  const normalized = normalizeJobsOptions(options);
  if (E.isLeft(normalized))
    throw Object.assign(new RangeError(describeError(normalized.left)), { error: normalized.left });
  const client = normalized.right;
  const budget = retryBudgetCell(client.retry);
  const poller = createStatusPoller(port, { ...client, budget });
  const context: JobStreamContext = {
    port,
    poller,
    retry: { scheduler: client.scheduler, random: client.random, retry: client.retry, budget },
  };

  const order$: Jobs['order$'] = (intentions, streamOptions) => {
    if (!Array.isArray(intentions) || intentions.length === 0)
      return of(E.left(invalidInput('intentions', 'expected a non-empty array of intention uuids')));
    const notText = intentions.findIndex((i) => typeof i !== 'string');
    if (notText >= 0)
      return of(E.left(invalidInput(`intentions[${notText}]`, 'expected an intention uuid (a string)')));
    const stream = normalizeStreamOptions(streamOptions, client);
    if (E.isLeft(stream)) return of(E.left(stream.left));
    const ledger = streamOptions?.ledger;
    if (ledger === undefined) {
      const budget = client.orderBudget;
      if (budget === undefined) return orderStream(context, client.scheduler, intentions, stream.right);
      // A budget alone records nothing: it reserves before the POST and gives back what was not placed.
      // Its store brings that code (normalizeOrderBudget made sure it does).
      const budgeted = carriedRuntime(budget.store)?.budgetedOrder;
      if (budgeted === undefined)
        return of(E.left(invalidInput('orderBudget.store', 'expected a budget store')));
      const order = budgeted((i) => port.order(i), budget);
      return orderStream(context, client.scheduler, intentions, stream.right, { order });
    }
    const runtime = runtimeOf(ledger);
    if (runtime === undefined) return notALedger();
    const { hooks, attach } = runtime.ledgeredOrder(port, {
      ...client,
      ledger,
      labels: streamOptions?.labels,
    });
    return attach(orderStream(context, client.scheduler, intentions, stream.right, hooks));
  };

  const job$: Jobs['job$'] = (given, streamOptions) => {
    // A caller's bad uuid is that caller's InvalidInput: it never reaches the poller shared by every job.
    const decoded = decodeJobUuid('job', given);
    if (E.isLeft(decoded)) return of(E.left(withJob(decoded.left, String(given))));
    const job = decoded.right;
    const stream = normalizeStreamOptions(streamOptions, client);
    if (E.isLeft(stream)) return of(E.left(withJob(stream.left, job)));
    const { intention } = streamOptions ?? {};
    return defer(() =>
      jobStream(context, {
        job,
        options: stream.right,
        ...(intention === undefined ? {} : { intention }),
        ...(stream.right.deadlineMs === undefined
          ? {}
          : { deadlineAt: client.scheduler.now() + stream.right.deadlineMs }),
      }),
    ).pipe(
      endOnAbort<E.Either<PlanviewerError, JobEvent>>(stream.right.signal, () => [
        E.left(withJob(aborted(), job)),
      ]),
    );
  };

  const select: Jobs['select'] = (given, index) =>
    defer(() => {
      const decoded = decodeJobUuid('job', given);
      if (E.isLeft(decoded)) return of(E.left(withJob(decoded.left, String(given))));
      const job = decoded.right;
      return port.select(job, index).pipe(
        take(1),
        map(E.mapLeft((e) => withJob(e, job))),
        tap((result) => {
          if (E.isRight(result)) poller.pollSoon(job);
        }),
      );
    });

  const resume$: Jobs['resume$'] = (ledger, resumeOptions = {}) => {
    const runtime = runtimeOf(ledger);
    return runtime === undefined ? notALedger() : runtime.resumeJobs(ledger, resumeOptions, client, job$);
  };

  return { order$, job$, select, followedJobs: poller.followedJobs, resume$ };
};
