import * as E from 'fp-ts/lib/Either.js';
import { concat, concatMap, defer, EMPTY, from, mergeMap, Observable, of } from 'rxjs';
import { describeError } from '../errors/describeError';
import { withJob, type PlanviewerError } from '../errors/PlanviewerError';
import type { JobEvent } from '../jobs/JobEvent';
import type { JobEnd } from './JobLedger';
import type { LeaseKeeper, LedgerWorker } from './leaseKeeper';

type Emission = E.Either<PlanviewerError, JobEvent>;

/** Errors after which no retry can help the job: recorded as its end. Anything else leaves it open. */
const FINAL_FOR_JOB = new Set<PlanviewerError['_tag']>(['JobFailed', 'JobNotFound', 'Forbidden']);

const endOf = (e: Emission): JobEnd | 'open' | undefined => {
  if (E.isLeft(e))
    return FINAL_FOR_JOB.has(e.left._tag)
      ? { _tag: 'Failed', error: e.left._tag, message: describeError(e.left) }
      : 'open';
  return e.right._tag === 'Result' || e.right._tag === 'Finished' ? { _tag: 'Done' } : undefined;
};

/**
 * Follows one leased job through the ledger: holds its lease while the job runs, records its end AFTER
 * the caller received the last event (so a crash in between means a second download, never a lost
 * result), gives the lease back when the job stops without an end (abort, deadline, a transient failure,
 * unsubscribing), and pauses the job with a `LedgerFailed` Left when the lease is lost or the end cannot
 * be recorded (the job then stays unfinished in the ledger, for `resume$`).
 *
 * @example
 * import type { Jobs } from 'planviewer-rx';
 * import type { LeaseKeeper, LedgerWorker } from './leaseKeeper';
 * import { ledgeredJob } from './ledgeredJob';
 * declare const worker: LedgerWorker;
 * declare const keeper: LeaseKeeper;
 * declare const jobs: Jobs;
 * const job = '7e6d5c4b-3a29-4f18-9e07-222222222222';
 * ledgeredJob(worker, keeper, job, jobs.job$(job)).subscribe(console.log);
 *
 * @since 0.2.0
 * @category combinators
 */
export const ledgeredJob = (
  w: LedgerWorker,
  keeper: LeaseKeeper,
  job: string,
  events: Observable<Emission>,
): Observable<Emission> =>
  new Observable<Emission>((subscriber) => {
    let settled = false;
    keeper.hold(job);
    const afterEvent = (e: Emission): Observable<Emission> => {
      const end = endOf(e);
      if (end === undefined) return of(e);
      settled = true;
      keeper.drop(job);
      const write = end === 'open' ? w.ledger.releaseJobs([job], w.worker) : w.ledger.endJob(job, end);
      return concat(
        of(e),
        defer(() => from(write())).pipe(
          mergeMap((r) =>
            E.isLeft(r) && end !== 'open' ? of<Emission>(E.left(withJob(r.left, job))) : EMPTY,
          ),
        ),
      );
    };
    const lost = keeper.lost(job).subscribe((error) => {
      settled = true;
      inner.unsubscribe();
      subscriber.next(E.left(error));
      subscriber.complete();
    });
    // A plain observer, not `subscriber` itself: given a Subscriber, RxJS would tie the two together, and
    // unsubscribing `inner` on a lost lease would close this stream without its Left and completion.
    const inner = events.pipe(concatMap(afterEvent)).subscribe({
      next: (e) => subscriber.next(e),
      error: (e: unknown) => subscriber.error(e),
      complete: () => subscriber.complete(),
    });
    return () => {
      lost.unsubscribe();
      inner.unsubscribe();
      if (!settled) {
        keeper.drop(job);
        // Fire and forget: the stream is gone; if this fails, the lease simply runs out.
        void w.ledger.releaseJobs([job], w.worker)();
      }
    };
  });
