import * as E from 'fp-ts/lib/Either.js';
import {
  Subject,
  filter,
  map,
  take,
  timer,
  type Observable,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import { ledgerFailed, withJob, type LedgerFailed } from '../errors/PlanviewerError';
import type { JobLedger } from './JobLedger';

/**
 * Who follows jobs through a ledger, and for how long a lease holds.
 *
 * @example
 * import { asyncScheduler } from 'rxjs';
 * import type { JobLedger } from 'planviewer-rx';
 * import type { LedgerWorker } from './leaseKeeper';
 * declare const ledger: JobLedger;
 * const w: LedgerWorker = { ledger, worker: 'w-1', leaseMs: 60_000, scheduler: asyncScheduler };
 *
 * @category model
 */
export interface LedgerWorker {
  readonly ledger: JobLedger;
  readonly worker: string;
  readonly leaseMs: number;
  /** Drives the renewals. */
  readonly scheduler: SchedulerLike;
}

/**
 * The leases of one stream's jobs, renewed together in one ledger call every third of the lease. A job
 * whose lease is lost (another worker took it) or cannot be renewed twice in a row (the ledger is away;
 * the lease would run out before the next try) is reported on `lost(job)`: its follower must stop.
 *
 * @example
 * import { leaseKeeper, type LedgerWorker } from './leaseKeeper';
 * declare const worker: LedgerWorker;
 * declare const pause: () => void;
 * const job = '7e6d5c4b-3a29-4f18-9e07-222222222222';
 * const keeper = leaseKeeper(worker);
 * keeper.hold(job); keeper.lost(job).subscribe(pause); keeper.drop(job);
 *
 * @category model
 */
export interface LeaseKeeper {
  readonly hold: (job: string) => void;
  /** Stops renewing a job (it ended, or was given back). */
  readonly drop: (job: string) => void;
  readonly lost: (job: string) => Observable<LedgerFailed>;
}

/**
 * Creates a {@link LeaseKeeper}. Its timer runs only while it holds a job.
 *
 * @example
 * import { asyncScheduler } from 'rxjs';
 * import type { JobLedger } from 'planviewer-rx';
 * import { leaseKeeper } from './leaseKeeper';
 * declare const ledger: JobLedger;
 * const keeper = leaseKeeper({ ledger, worker: 'w-1', leaseMs: 60_000, scheduler: asyncScheduler });
 *
 * @since 0.2.0
 * @category constructors
 */
export const leaseKeeper = (w: LedgerWorker): LeaseKeeper => {
  const held = new Set<string>();
  const losses = new Subject<{ readonly job: string; readonly error: LedgerFailed }>();
  let timerSubscription: Subscription | undefined;
  let failuresInARow = 0;

  const lose = (jobs: readonly string[], error: LedgerFailed): void => {
    for (const job of jobs) {
      held.delete(job);
      losses.next({ job, error: withJob(error, job) });
    }
    stopIfIdle();
  };

  const renew = async (): Promise<void> => {
    const jobs = [...held];
    if (jobs.length === 0) return;
    const result = await w.ledger.renewLeases(jobs, { worker: w.worker, leaseMs: w.leaseMs })();
    if (E.isLeft(result)) {
      failuresInARow += 1;
      if (failuresInARow >= 2) lose([...held], result.left);
      return;
    }
    failuresInARow = 0;
    const kept = new Set(result.right.map((j) => j.toLowerCase()));
    lose(
      jobs.filter((j) => held.has(j) && !kept.has(j.toLowerCase())),
      ledgerFailed(w.ledger.name, 'renew-lease', 'another worker holds this job now (our lease ran out)'),
    );
  };

  const stopIfIdle = (): void => {
    if (held.size > 0) return;
    timerSubscription?.unsubscribe();
    timerSubscription = undefined;
  };

  return {
    hold: (job) => {
      held.add(job);
      const every = Math.max(1, Math.floor(w.leaseMs / 3));
      timerSubscription ??= timer(every, every, w.scheduler).subscribe(() => void renew());
    },
    drop: (job) => {
      held.delete(job);
      stopIfIdle();
    },
    lost: (job) =>
      losses.pipe(
        filter((l) => l.job === job),
        take(1),
        map((l) => l.error),
      ),
  };
};
