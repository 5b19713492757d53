import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { asyncScheduler, type ObservableInput, type SchedulerLike } from 'rxjs';
import { functionOption, MAX_TIMER_MS, numberOption, WHOLE } from '../config/optionChecks';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';
import { normalizePollingPolicy, type PollingOptions, type PollingPolicy } from '../polling';
import type { WaitingForUser } from './JobEvent';
import { normalizeRetryOptions, type RetryOptions } from './retryBudget';
import type { JobLedger } from '../ledger/JobLedger';
import { normalizeOrderBudget, type OrderBudget, type OrderBudgetOptions } from '../ledger/OrderBudget';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Answers a job that waits for a user decision: return (or emit first) the `index` of one of
 * `w.choices`. Completing without a value leaves the job waiting (someone may still call `select`).
 *
 * @example
 * import type { ChooseLocation } from 'planviewer-rx';
 * const first: ChooseLocation = (w) => [w.choices[0]!.index];
 *
 * @category model
 */
export type ChooseLocation = (w: WaitingForUser) => ObservableInput<number>;

/**
 * How a client follows jobs, shared by every stream of that client (part of `createPlanviewer`'s options).
 * Every field is optional.
 *
 * @example
 * import type { TestScheduler } from 'rxjs/testing';
 * import { createPlanviewer } from 'planviewer-rx';
 * declare const key: string, secret: string;
 * declare const testScheduler: TestScheduler;
 * const pv = createPlanviewer({ credentials: { key, secret }, scheduler: testScheduler, random: () => 0.5, statusBatchSize: 50 });
 *
 * @since 0.1.0
 * @category model
 */
export interface JobsOptions {
  /** Drives every delay (polls, retries, deadlines). @default asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /** Source of jitter, a number in [0, 1). @default Math.random */
  readonly random?: () => number;
  /** The polling policy of every job (streams may override it). @default defaultPollingPolicy */
  readonly polling?: PollingOptions;
  /**
   * Most jobs in one status request; more due jobs are split over several requests. 150 uuids keep the
   * URL near 7.4 KB, under the 8 KB many servers and proxies accept. @default 150
   */
  readonly statusBatchSize?: number;
  /**
   * What the client may spend on precision, in status requests per second (up to one second of it at
   * once). Each job's own policy decides when it must be polled, and those requests always go; when
   * requests carry many jobs, polls are cheap, so the client polls the jobs whose finish is likely now
   * more often than their policy asks, with requests beyond those it must send, no more than this many a
   * second. A client following one job at a time never spends it. See docs/polling.md. @default 8
   */
  readonly requestBudget?: number;
  /** Retries of status, retrieve and kik waiting calls. @default defaultRetryOptions */
  readonly retry?: Partial<RetryOptions>;
  /** Default answer to "waiting for user" for every stream (a stream's own option wins). */
  readonly onWaitingForUser?: ChooseLocation;
  /**
   * A client-side daily order budget: an order that would pass `perDay` products (per Europe/Amsterdam
   * day) is an `OrderBudgetExhausted` Left and is not sent. See docs/ledgers-and-workers.md.
   */
  readonly orderBudget?: OrderBudgetOptions;
  /** Names this client in ledgers (leases, unknown orders). @default a random `worker-…` id */
  readonly worker?: string;
  /**
   * How long a ledger lease lasts past its last renewal (wall-clock ms; renewed every third of it). A
   * dead worker's jobs go to another worker this long after it died. @default 60_000
   */
  readonly leaseMs?: number;
  /** How often `resume$` looks for jobs nobody holds (scheduler ms). @default 5_000 */
  readonly claimEveryMs?: number;
}

/**
 * Options of one `order$` or `job$` stream.
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * declare const pv: Planviewer;
 * const controller = new AbortController();
 * pv.order$(['intention-uuid'], { deadlineMs: 600_000, download: false, signal: controller.signal });
 *
 * @since 0.1.0
 * @category model
 */
export interface JobStreamOptions {
  /**
   * End each job that has not finished this many ms after subscribing with a `Timeout` Left carrying
   * the last status seen. The job goes on on the server; follow it again with `job$`.
   */
  readonly deadlineMs?: number;
  /** Overrides the client's polling policy for these jobs (e.g. `{ maxDelayMs: 10_000 }`). */
  readonly polling?: PollingOptions;
  /** Download each result (`Downloading` … `Result`); `false` ends a job with `Finished` instead. @default true */
  readonly download?: boolean;
  /**
   * Aborting ends every job of the stream with an `Aborted` Left, then the stream completes. It never
   * cancels an order: if the order was already sent, its `Ordered` events still come first.
   */
  readonly signal?: AbortSignal;
  /** Answers "waiting for user"; without it the stream emits `WaitingForUser` and waits for `select`. */
  readonly onWaitingForUser?: ChooseLocation;
}

/**
 * Options of `job$`: a stream's options plus the intention, when you know it (it is put on `Result`).
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * declare const pv: Planviewer;
 * declare const savedIntention: string;
 * declare const savedJob: string;
 * pv.job$(savedJob, { intention: savedIntention, deadlineMs: 600_000 });
 *
 * @category model
 */
export interface FollowJobOptions extends JobStreamOptions {
  readonly intention?: string;
}

/**
 * Options of `order$`: a stream's options plus the ledger that records the order before it is sent.
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * import { memoryLedger } from 'planviewer-rx/ledger';
 * declare const pv: Planviewer;
 * pv.order$(['intention-uuid'], { ledger: memoryLedger(), labels: { 'intention-uuid': 'rapport @ Kerkweg 8' } });
 *
 * @category model
 */
export interface OrderOptions extends JobStreamOptions {
  /** Records `ordering` before the POST, the jobs after, and each job's end; see docs/ledgers-and-workers.md. */
  readonly ledger?: JobLedger;
  /** What people call each intention, kept in the ledger. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Options of `resume$`: a stream's options for every job it takes up, and whether to keep looking.
 *
 * @example
 * import type { JobLedger, Planviewer } from 'planviewer-rx';
 * declare const pv: Planviewer;
 * declare const ledger: JobLedger;
 * pv.resume$(ledger, { watch: true, download: true });
 *
 * @category model
 */
export interface ResumeOptions extends JobStreamOptions {
  /** Keep looking for jobs to take over (a worker) instead of completing when none is left. @default false */
  readonly watch?: boolean;
}

/**
 * {@link JobsOptions} validated, with every default filled in.
 *
 * @example
 * import { normalizeJobsOptions } from './JobsOptions';
 * const options = normalizeJobsOptions({}); // Right({ scheduler: asyncScheduler, statusBatchSize: 150, requestBudget: 8, … })
 *
 * @category model
 */
export interface NormalizedJobsOptions {
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly polling: PollingPolicy;
  readonly statusBatchSize: number;
  readonly requestBudget: number;
  readonly retry: RetryOptions;
  readonly onWaitingForUser?: ChooseLocation;
  readonly orderBudget?: OrderBudget;
  readonly worker: string;
  readonly leaseMs: number;
  readonly claimEveryMs: number;
}

/**
 * {@link JobStreamOptions} validated against the client's defaults.
 *
 * @example
 * import { normalizeStreamOptions, type NormalizedJobsOptions } from './JobsOptions';
 * declare const client: NormalizedJobsOptions;
 * normalizeStreamOptions({ download: false }, client); // Right({ download: false, polling: client.polling })
 *
 * @category model
 */
export interface NormalizedStreamOptions {
  readonly deadlineMs?: number;
  readonly polling: PollingPolicy;
  readonly download: boolean;
  readonly signal?: AbortSignal;
  readonly onWaitingForUser?: ChooseLocation;
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const MS = 'a number of ms';

/**
 * Validates {@link JobsOptions} and fills in the defaults, in one place.
 *
 * @example
 * import { normalizeJobsOptions } from './JobsOptions';
 * normalizeJobsOptions({ statusBatchSize: 0 }); // Left(InvalidInput statusBatchSize …)
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalizeJobsOptions = (
  options: JobsOptions = {},
): E.Either<InvalidInput, NormalizedJobsOptions> => {
  const problem =
    numberOption('statusBatchSize', options.statusBatchSize, 1, 10_000, WHOLE) ??
    numberOption('requestBudget', options.requestBudget, 0.01, 1_000, 'requests per second') ??
    functionOption('random', options.random, 'a function returning a number in [0, 1)') ??
    functionOption('onWaitingForUser', options.onWaitingForUser) ??
    (options.scheduler === undefined
      ? undefined
      : functionOption(
          'scheduler',
          (options.scheduler as { schedule?: unknown } | null)?.schedule ?? null,
          'an RxJS SchedulerLike',
        )) ??
    numberOption('leaseMs', options.leaseMs, 3, MAX_TIMER_MS, MS) ??
    numberOption('claimEveryMs', options.claimEveryMs, 1, MAX_TIMER_MS, MS);
  if (problem !== undefined) return E.left(problem);
  if (options.worker !== undefined && (typeof options.worker !== 'string' || options.worker.trim() === ''))
    return E.left(invalidInput('worker', 'expected a non-empty name'));
  const orderBudget =
    options.orderBudget === undefined ? undefined : normalizeOrderBudget(options.orderBudget);
  if (orderBudget !== undefined && E.isLeft(orderBudget)) return orderBudget;
  return pipe(
    normalizePollingPolicy(options.polling),
    E.chain((polling) =>
      pipe(
        normalizeRetryOptions(options.retry),
        E.map((retry): NormalizedJobsOptions => ({
          scheduler: options.scheduler ?? asyncScheduler,
          random: options.random ?? Math.random,
          polling,
          statusBatchSize: options.statusBatchSize ?? 150,
          requestBudget: options.requestBudget ?? 8,
          retry,
          ...(options.onWaitingForUser === undefined ? {} : { onWaitingForUser: options.onWaitingForUser }),
          ...(orderBudget === undefined ? {} : { orderBudget: orderBudget.right }),
          worker: options.worker ?? `worker-${globalThis.crypto.randomUUID()}`,
          leaseMs: options.leaseMs ?? 60_000,
          claimEveryMs: options.claimEveryMs ?? 5_000,
        })),
      ),
    ),
  );
};

/**
 * Validates the options of one stream against the client's.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { pipe } from 'fp-ts/lib/function.js';
 * import { normalizeJobsOptions, normalizeStreamOptions } from './JobsOptions';
 * // Left(InvalidInput deadlineMs …)
 * pipe(normalizeJobsOptions(), E.chain((client) => normalizeStreamOptions({ deadlineMs: -1 }, client)));
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalizeStreamOptions = (
  options: JobStreamOptions = {},
  client: NormalizedJobsOptions,
): E.Either<InvalidInput, NormalizedStreamOptions> => {
  const { deadlineMs, signal, download } = options;
  const problem =
    numberOption('deadlineMs', deadlineMs, 0, MAX_TIMER_MS, MS) ??
    (download === undefined || typeof download === 'boolean'
      ? undefined
      : invalidInput('download', 'expected true or false')) ??
    (signal === undefined || (typeof signal === 'object' && signal !== null && 'aborted' in signal)
      ? undefined
      : invalidInput('signal', 'expected an AbortSignal')) ??
    functionOption('onWaitingForUser', options.onWaitingForUser);
  if (problem !== undefined) return E.left(problem);
  const choose = options.onWaitingForUser ?? client.onWaitingForUser;
  return pipe(
    normalizePollingPolicy(options.polling, client.polling),
    E.map((polling): NormalizedStreamOptions => ({
      polling,
      download: download ?? true,
      ...(deadlineMs === undefined ? {} : { deadlineMs }),
      ...(signal === undefined ? {} : { signal }),
      ...(choose === undefined ? {} : { onWaitingForUser: choose }),
    })),
  );
};
