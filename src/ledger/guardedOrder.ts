import * as E from 'fp-ts/lib/Either.js';
import { defer, finalize, from, mergeMap, of, take, type Observable } from 'rxjs';
import type { OrderedJob } from '../codecs';
import { describeError } from '../errors/describeError';
import type { LedgerFailed, PlanviewerError } from '../errors/PlanviewerError';
import { readOrderAnswer } from '../jobs/orderAnswer';
import { provesNotPlaced } from './budgetedOrder';
import type { JobLedger, OrderAnswerRecord } from './JobLedger';

/**
 * What guards one order: the ledger that records it and who sends it (the worker that holds the jobs'
 * leases once they are placed). The daily budget is `budgetedOrder`'s, around this guard.
 *
 * @example
 * import type { JobLedger } from 'planviewer-rx';
 * import type { OrderGuard } from './guardedOrder';
 * declare const ledger: JobLedger;
 * const guard: OrderGuard = { ledger, worker: 'w-1', leaseMs: 60_000, onUnrecorded: console.error };
 *
 * @category model
 */
export interface OrderGuard {
  readonly ledger: JobLedger;
  readonly worker: string;
  readonly leaseMs: number;
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Called when the order was answered but the answer could not be recorded (the ledger went away
   * between the two writes): the jobs are followed all the same, and this error says which they are.
   */
  readonly onUnrecorded: (error: LedgerFailed) => void;
  /** Called with the jobs of a placed order once they are recorded (leased to `worker`). */
  readonly onRecorded?: (jobs: readonly string[]) => void;
  /** Called once when the guard is done with the order, whatever happened. */
  readonly onSettled?: () => void;
}

type OrderResult = E.Either<PlanviewerError, readonly OrderedJob[]>;

/** The answer to record for what the order call returned. */
const answerOf = (intentions: readonly string[], result: OrderResult): OrderAnswerRecord => {
  if (E.isRight(result)) {
    // The same reading the order stream makes: only valid job uuids, and what the answer leaves out.
    const read = readOrderAnswer(intentions, result.right);
    return {
      _tag: 'Placed',
      jobs: read.jobs,
      unaccounted: read.unaccounted.flatMap((u) => u.intentions),
    };
  }
  const e = result.left;
  return provesNotPlaced(result)
    ? { _tag: 'Refused', error: e._tag, message: describeError(e) }
    : { _tag: 'Unknown', reason: describeError(e) };
};

const newOrderId = (): string => globalThis.crypto.randomUUID();

/**
 * Wraps the port's order call: (1) records `ordering` in the ledger, (2) only then sends the POST, once,
 * and (3) records its answer. A failure at (1) is a `LedgerFailed` Left and nothing is sent (a budget
 * around this guard, `budgetedOrder`, then gives its reservation back).
 *
 * @example
 * import type { JobLedger } from 'planviewer-rx';
 * import type { PlanviewerPort } from '../jobs/PlanviewerPort';
 * import { guardedOrder } from './guardedOrder';
 * declare const port: PlanviewerPort;
 * declare const ledger: JobLedger;
 * declare const report: (error: unknown) => void;
 * const order = guardedOrder(port.order, { ledger, worker: 'w-1', leaseMs: 60_000, onUnrecorded: report });
 * order(['0fe30323-a86e-4048-a7e7-6d60c3365dcb']).subscribe(console.log);
 *
 * @since 0.2.0
 * @category constructors
 */
export const guardedOrder =
  (order: (intentions: readonly string[]) => Observable<OrderResult>, guard: OrderGuard) =>
  (intentions: readonly string[]): Observable<OrderResult> =>
    defer(async (): Promise<Observable<OrderResult>> => {
      const { ledger } = guard;
      const id = newOrderId();
      const begun = await ledger.beginOrder({
        order: id,
        intentions,
        worker: guard.worker,
        ...(guard.labels === undefined ? {} : { labels: guard.labels }),
      })();
      if (E.isLeft(begun)) return of(E.left({ ...begun.left, intentions }));

      return order(intentions).pipe(
        take(1),
        mergeMap((result) =>
          from(
            (async (): Promise<OrderResult> => {
              const answer = answerOf(intentions, result);
              const recorded = await recordAnswer(ledger, id, answer, guard);
              if (E.isRight(recorded) && answer._tag === 'Placed')
                guard.onRecorded?.(answer.jobs.map((j) => j.job));
              if (E.isLeft(recorded) && answer._tag === 'Placed')
                guard.onUnrecorded({
                  ...recorded.left,
                  intentions,
                  reason: `${recorded.left.reason}; the order WAS placed, as jobs ${answer.jobs.map((j) => j.job).join(', ')}: they are followed now, but the ledger will list order ${id} as unknown`,
                });
              return result;
            })(),
          ),
        ),
      );
    }).pipe(
      mergeMap((o) => o),
      finalize(() => guard.onSettled?.()),
    );

/** The answer write, tried three times: a short blip of the ledger must not orphan a placed order. */
const recordAnswer = async (
  ledger: JobLedger,
  order: string,
  answer: OrderAnswerRecord,
  guard: OrderGuard,
): Promise<E.Either<LedgerFailed, void>> => {
  let result = await ledger.answerOrder(order, answer, { worker: guard.worker, leaseMs: guard.leaseMs })();
  for (const pauseMs of [200, 1_000]) {
    if (E.isRight(result)) return result;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    result = await ledger.answerOrder(order, answer, { worker: guard.worker, leaseMs: guard.leaseMs })();
  }
  return result;
};
