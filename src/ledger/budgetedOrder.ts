import * as E from 'fp-ts/lib/Either.js';
import { defer, mergeMap, of, take, type Observable } from 'rxjs';
import type { OrderedJob } from '../codecs';
import {
  invalidInput,
  ledgerFailed,
  orderBudgetExhausted,
  type InvalidInput,
  type PlanviewerError,
} from '../errors/PlanviewerError';
import { amsterdamDay } from './amsterdamDay';
import type { OrderBudget, OrderBudgetOptions } from './OrderBudget';

type OrderResult = E.Either<PlanviewerError, readonly OrderedJob[]>;

/**
 * Whether an order's result proves the order was not placed: the server refused it (402, 429, 400, 401…),
 * it was never sent (connection refused, a ledger that could not record it), or its answer is in hand.
 * An outcome that may have reached the server (unknown, aborted or timed out after sending) proves nothing.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { aborted } from 'planviewer-rx';
 * import { provesNotPlaced } from './budgetedOrder';
 * provesNotPlaced(E.left(aborted())); // false: it may have been sent
 *
 * @since 0.2.0
 * @category destructors
 */
export const provesNotPlaced = (result: OrderResult): boolean => {
  if (E.isRight(result)) return false;
  const e = result.left;
  return !(
    e._tag === 'OrderOutcomeUnknown' ||
    e._tag === 'Aborted' ||
    e._tag === 'Timeout' ||
    (e._tag === 'NetworkError' && e.reachedServer)
  );
};

/**
 * Wraps an order call with the daily budget: reserves the order's intentions for today (Europe/Amsterdam)
 * before calling it, and gives the reservation back when the result proves the order was not placed. An
 * order that does not fit is an `OrderBudgetExhausted` Left, a store that fails a `LedgerFailed`
 * (`budget`); either way the call is not made. Used alone for `orderBudget` without a ledger, and around
 * the ledger's guard with one.
 *
 * @example
 * import type { PlanviewerPort } from '../jobs/PlanviewerPort';
 * import { budgetedOrder } from './budgetedOrder';
 * import { memoryBudgetStore } from './memoryBudgetStore';
 * declare const port: PlanviewerPort;
 * const order = budgetedOrder(port.order, { perDay: 7, store: memoryBudgetStore(), now: Date.now });
 * order(['0fe30323-a86e-4048-a7e7-6d60c3365dcb']).subscribe(console.log);
 *
 * @since 0.2.0
 * @category constructors
 */
export const budgetedOrder =
  (order: (intentions: readonly string[]) => Observable<OrderResult>, budget: OrderBudget) =>
  (intentions: readonly string[]): Observable<OrderResult> =>
    defer(async (): Promise<Observable<OrderResult>> => {
      const day = amsterdamDay(budget.now());
      const reserved = await budget.store.reserve(day, intentions.length, budget.perDay)();
      if (E.isLeft(reserved))
        return of(E.left(ledgerFailed(reserved.left.ledger, 'budget', reserved.left.reason, intentions)));
      if (!reserved.right.granted)
        return of(E.left(orderBudgetExhausted(intentions, day, budget.perDay, reserved.right.used)));
      return order(intentions).pipe(
        take(1),
        mergeMap(async (result) => {
          if (provesNotPlaced(result)) await budget.store.release(day, intentions.length)();
          return result;
        }),
      );
    }).pipe(mergeMap((o) => o));

/**
 * Checks {@link OrderBudgetOptions} whose store brought this code (`normalizeOrderBudget` asks the store
 * for it) and fills in the clock.
 *
 * @example
 * import { checkOrderBudget } from './budgetedOrder';
 * import { memoryBudgetStore } from './memoryBudgetStore';
 * checkOrderBudget({ perDay: -1, store: memoryBudgetStore() }); // Left(InvalidInput orderBudget.perDay …)
 *
 * @since 0.2.0
 * @category constructors
 */
export const checkOrderBudget = (options: OrderBudgetOptions): E.Either<InvalidInput, OrderBudget> => {
  const { perDay, store, now } = options;
  if (!(Number.isSafeInteger(perDay) && perDay >= 0))
    return E.left(invalidInput('orderBudget.perDay', `expected a whole number >= 0, got ${String(perDay)}`));
  if (typeof store.reserve !== 'function' || typeof store.release !== 'function')
    return E.left(invalidInput('orderBudget.store', 'expected an OrderBudgetStore (reserve, release)'));
  if (now !== undefined && typeof now !== 'function')
    return E.left(invalidInput('orderBudget.now', 'expected a function returning epoch ms'));
  return E.right({ perDay, store, now: now ?? Date.now });
};
