import * as E from 'fp-ts/lib/Either.js';
import {
  AsyncSubject,
  defer,
  finalize,
  map,
  merge,
  ReplaySubject,
  takeUntil,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import type { LedgerFailed, PlanviewerError } from '../errors/PlanviewerError';
import type { JobEvent } from '../jobs/JobEvent';
import type { OrderStreamHooks } from '../jobs/orderStream';
import type { PlanviewerPort } from '../jobs/PlanviewerPort';
import { budgetedOrder } from './budgetedOrder';
import { guardedOrder } from './guardedOrder';
import type { JobLedger } from './JobLedger';
import { leaseKeeper } from './leaseKeeper';
import { ledgeredJob } from './ledgeredJob';
import type { OrderBudget } from './OrderBudget';

type Emission = E.Either<PlanviewerError, JobEvent>;

/**
 * What one guarded order needs.
 *
 * @example
 * import { asyncScheduler } from 'rxjs';
 * import type { JobLedger } from 'planviewer-rx';
 * import type { LedgeredOrderSetup } from './ledgeredOrder';
 * declare const ledger: JobLedger;
 * const setup: LedgeredOrderSetup = { ledger, worker: 'w-1', leaseMs: 60_000, scheduler: asyncScheduler };
 *
 * @category model
 */
export interface LedgeredOrderSetup {
  readonly ledger: JobLedger;
  readonly orderBudget?: OrderBudget | undefined;
  readonly worker: string;
  readonly leaseMs: number;
  readonly scheduler: SchedulerLike;
  readonly labels?: Readonly<Record<string, string>> | undefined;
}

/**
 * The hooks of one `order$(intentions, { ledger })` call (see `orderStream`), and `attach`, which adds
 * to the order stream the Lefts the hooks may raise beside it (an answer that could not be recorded). Made once per call, so every
 * subscription to that order shares one POST, one lease keeper and one record.
 *
 * @example
 * import type { SchedulerLike } from 'rxjs';
 * import type { JobStreamContext } from '../jobs/jobStream';
 * import type { NormalizedStreamOptions } from '../jobs/JobsOptions';
 * import type { PlanviewerPort } from '../jobs/PlanviewerPort';
 * import { orderStream } from '../jobs/orderStream';
 * import { ledgeredOrder, type LedgeredOrderSetup } from './ledgeredOrder';
 * declare const port: PlanviewerPort;
 * declare const setup: LedgeredOrderSetup;
 * declare const context: JobStreamContext;
 * declare const scheduler: SchedulerLike;
 * declare const intentions: readonly string[];
 * declare const options: NormalizedStreamOptions;
 * const { hooks, attach } = ledgeredOrder(port, setup);
 * attach(orderStream(context, scheduler, intentions, options, hooks)).subscribe(console.log);
 *
 * @since 0.2.0
 * @category constructors
 */
export const ledgeredOrder = (
  port: PlanviewerPort,
  setup: LedgeredOrderSetup,
): {
  readonly hooks: OrderStreamHooks;
  readonly attach: (stream: Observable<Emission>) => Observable<Emission>;
} => {
  const unrecorded = new ReplaySubject<LedgerFailed>();
  const leased = new Set<string>();
  const followed = new Set<string>();
  const guarded = guardedOrder((intentions) => port.order(intentions), {
    ledger: setup.ledger,
    ...(setup.labels === undefined ? {} : { labels: setup.labels }),
    worker: setup.worker,
    leaseMs: setup.leaseMs,
    onUnrecorded: (e) => unrecorded.next(e),
    onSettled: () => unrecorded.complete(),
    onRecorded: (jobs) => jobs.forEach((j) => leased.add(j)),
  });
  // The budget is reserved before the ledger records anything, and given back if the order never went out.
  const order = setup.orderBudget === undefined ? guarded : budgetedOrder(guarded, setup.orderBudget);
  // The order stream's own end ends the extra Lefts too (an order aborted before it was sent never
  // reaches the guard, so `unrecorded` would never complete).
  const attach = (stream: Observable<Emission>): Observable<Emission> =>
    defer(() => {
      const done = new AsyncSubject<void>();
      const end = (): void => {
        done.next();
        done.complete();
        // Jobs leased to us by the answer but never followed (unsubscribed right after `Ordered`): give
        // them back now, so that a resume$ need not wait for the lease to run out.
        const unfollowed = [...leased].filter((j) => !followed.has(j));
        if (unfollowed.length > 0) void setup.ledger.releaseJobs(unfollowed, setup.worker)();
      };
      return merge(
        stream.pipe(finalize(end)),
        unrecorded.pipe(
          map((e): Emission => E.left(e)),
          takeUntil(done),
        ),
      );
    });
  const { ledger } = setup;
  const worker = { ledger, worker: setup.worker, leaseMs: setup.leaseMs, scheduler: setup.scheduler };
  const keeper = leaseKeeper(worker);
  return {
    hooks: {
      order,
      follow: (job, events) =>
        defer(() => {
          followed.add(job);
          return ledgeredJob(worker, keeper, job, events);
        }),
    },
    attach,
  };
};
