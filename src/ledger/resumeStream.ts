import * as E from 'fp-ts/lib/Either.js';
import { Observable, Subscription, timer } from 'rxjs';
import { aborted, orderOutcomeUnknown, type PlanviewerError } from '../errors/PlanviewerError';
import type { JobEvent } from '../jobs/JobEvent';
import type { LedgerJob, UnknownOrder } from './JobLedger';
import { ledgeredJob } from './ledgeredJob';
import { leaseKeeper, type LedgerWorker } from './leaseKeeper';

type Emission = E.Either<PlanviewerError, JobEvent>;

/**
 * How `resume$` runs.
 *
 * @example
 * import type { ResumePlan } from './resumeStream';
 * const plan: ResumePlan = { watch: false, claimEveryMs: 5_000 };
 *
 * @category model
 */
export interface ResumePlan {
  /** Keep looking for jobs to take over forever (a worker), instead of completing when none is left. */
  readonly watch: boolean;
  /** How often to look for jobs whose lease ran out (a dead worker's). */
  readonly claimEveryMs: number;
  /** Aborting stops taking up jobs; the jobs taken up end with their own `Aborted`. */
  readonly signal?: AbortSignal;
}

/**
 * The `OrderOutcomeUnknown` of an order found without an answer: it names the order, when it was sent and
 * what to check. It is never re-sent.
 *
 * @example
 * import { unknownOrderError } from './resumeStream';
 * unknownOrderError({ order: 'o-1', intentions: ['i-1'], at: '2026-11-28T10:37:09.127Z', reason: 'the worker stopped' });
 *
 * @since 0.2.0
 * @category constructors
 */
export const unknownOrderError = (u: UnknownOrder): PlanviewerError =>
  orderOutcomeUnknown(
    undefined,
    u.intentions,
    `ledger order ${u.order} was about to be sent at ${u.at}, and ${u.reason}; look in the Planviewer dashboard for jobs of these intentions ordered since then`,
  );

/**
 * The stream behind `resume$(ledger)`: reports every order found without an answer (one
 * `OrderOutcomeUnknown` each, to exactly one worker), then leases the unfinished jobs nobody holds and
 * follows each with `job$` semantics (`follow`), looking again every `claimEveryMs` for jobs whose lease
 * ran out. Never orders. Completes when it follows nothing and every unfinished job of the ledger is one
 * it already followed in this run (or never, with `watch`).
 *
 * @example
 * import type { Jobs } from 'planviewer-rx';
 * import type { LedgerWorker } from './leaseKeeper';
 * import { resumeStream } from './resumeStream';
 * declare const worker: LedgerWorker;
 * declare const jobs: Jobs;
 * resumeStream(worker, { watch: false, claimEveryMs: 5_000 }, (j) => jobs.job$(j.job, { intention: j.intention }));
 *
 * @since 0.2.0
 * @category constructors
 */
export const resumeStream = (
  w: LedgerWorker,
  plan: ResumePlan,
  follow: (job: LedgerJob) => Observable<Emission>,
): Observable<Emission> =>
  new Observable<Emission>((subscriber) => {
    const keeper = leaseKeeper(w);
    const followers = new Subscription();
    const running = new Set<string>();
    const seen = new Set<string>();
    let busy = false;
    let again = false;
    let claiming = true;

    const completeIfDone = (): void => {
      if (!claiming && running.size === 0) subscriber.complete();
    };

    const start = (j: LedgerJob): void => {
      seen.add(j.job);
      running.add(j.job);
      followers.add(
        ledgeredJob(w, keeper, j.job, follow(j)).subscribe({
          next: (e) => subscriber.next(e),
          error: (e: unknown) => subscriber.error(e),
          complete: () => {
            running.delete(j.job);
            if (claiming) void look();
            else completeIfDone();
          },
        }),
      );
    };

    const look = async (): Promise<void> => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          if (subscriber.closed || !claiming) return;
          const claimed = await w.ledger.claimJobs({
            worker: w.worker,
            leaseMs: w.leaseMs,
            exclude: [...seen],
          })();
          if (subscriber.closed) return;
          if (E.isLeft(claimed)) {
            subscriber.next(E.left(claimed.left));
            claiming = false;
            completeIfDone();
            return;
          }
          for (const j of claimed.right) start(j);
          if (plan.watch || claimed.right.length > 0 || running.size > 0) continue;
          const snapshot = await w.ledger.snapshot()();
          if (subscriber.closed) return;
          if (E.isRight(snapshot) && snapshot.right.unfinished.every((j) => seen.has(j.job))) {
            claiming = false;
            completeIfDone();
          }
        } while (again);
      } finally {
        busy = false;
      }
    };

    if (plan.signal?.aborted === true) {
      subscriber.next(E.left(aborted()));
      subscriber.complete();
      return undefined;
    }
    const stopClaiming = (): void => {
      claiming = false;
      completeIfDone();
    };
    plan.signal?.addEventListener('abort', stopClaiming, { once: true });
    const tick = timer(0, plan.claimEveryMs, w.scheduler);
    void (async () => {
      const unknown = await w.ledger.claimUnansweredOrders(w.worker)();
      if (subscriber.closed) return;
      if (E.isLeft(unknown)) subscriber.next(E.left(unknown.left));
      else for (const u of unknown.right) subscriber.next(E.left(unknownOrderError(u)));
      followers.add(tick.subscribe(() => void look()));
    })();

    return () => {
      claiming = false;
      plan.signal?.removeEventListener('abort', stopClaiming);
      followers.unsubscribe();
    };
  });
