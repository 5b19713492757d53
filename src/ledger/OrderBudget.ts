import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { invalidInput, type InvalidInput, type LedgerFailed } from '../errors/PlanviewerError';
import { carriedRuntime } from './ledgerRuntime';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Where the daily order budget is counted. `reserve` must be atomic: two workers reserving at once can
 * never both get the last unit. `memoryBudgetStore()` (from `planviewer-rx/ledger`) counts in this process;
 * `postgresBudgetStore(pool)` (from `planviewer-rx/postgres`) counts for every worker on one database. A
 * store brings the code that enforces the budget, so an app without one does not ship it: pass your own
 * through `orderBudgetStore(yours)` (from `planviewer-rx/ledger`).
 *
 * @example
 * import type { OrderBudgetStore } from 'planviewer-rx';
 * import { memoryBudgetStore } from 'planviewer-rx/ledger';
 * const store: OrderBudgetStore = memoryBudgetStore();
 * await store.reserve('2026-03-29', 1, 7)(); // Right({ granted: true, used: 1 })
 *
 * @category model
 */
export interface OrderBudgetStore {
  /** For messages: `memory`, `postgres`. */
  readonly name: string;
  /**
   * Adds `count` products to `day` if the total stays at most `perDay`. `used` is the total after the
   * reservation, or the total that left no room.
   */
  readonly reserve: (
    day: string,
    count: number,
    perDay: number,
  ) => TE.TaskEither<LedgerFailed, { readonly granted: boolean; readonly used: number }>;
  /** Gives back a reservation of an order the server proved it did not place (402, 429, 400…). */
  readonly release: (day: string, count: number) => TE.TaskEither<LedgerFailed, void>;
}

/**
 * The client-side order budget: at most `perDay` products ordered per calendar day in Europe/Amsterdam
 * (the day of the server's cap), counted in `store`. An order that does not fit is an
 * `OrderBudgetExhausted` Left and nothing is sent. Set it below the server's cap so the cap's 429 (and the
 * e-mail Planviewer sends) never happens.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * import { memoryBudgetStore } from 'planviewer-rx/ledger';
 * declare const key: string, secret: string;
 * // In this process; postgresBudgetStore(pool) for many workers.
 * createPlanviewer({ credentials: { key, secret }, orderBudget: { perDay: 7, store: memoryBudgetStore() } });
 *
 * @category model
 */
export interface OrderBudgetOptions {
  /** Products (intentions) per day; an order of n intentions uses n. */
  readonly perDay: number;
  /** Where it is counted: `memoryBudgetStore()` (this process), `postgresBudgetStore(pool)` (every worker). */
  readonly store: OrderBudgetStore;
  /** The wall clock that picks the day. @default Date.now */
  readonly now?: () => number;
}

/**
 * {@link OrderBudgetOptions} validated, defaults filled in.
 *
 * @example
 * import { normalizeOrderBudget } from './OrderBudget';
 * import { memoryBudgetStore } from './memoryBudgetStore';
 * normalizeOrderBudget({ perDay: 7, store: memoryBudgetStore() }); // Right({ perDay: 7, store, now: Date.now })
 *
 * @category model
 */
export interface OrderBudget {
  readonly perDay: number;
  readonly store: OrderBudgetStore;
  readonly now: () => number;
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Validates {@link OrderBudgetOptions} and fills in the defaults. The checks come with the store (see
 * `orderBudgetStore`); a store without them is refused here.
 *
 * @example
 * import { normalizeOrderBudget } from './OrderBudget';
 * normalizeOrderBudget({ perDay: 7 } as never); // Left(InvalidInput orderBudget.store …): no store
 *
 * @since 0.2.0
 * @category constructors
 */
export const normalizeOrderBudget = (options: OrderBudgetOptions): E.Either<InvalidInput, OrderBudget> => {
  if (typeof options !== 'object' || options === null)
    return E.left(invalidInput('orderBudget', 'expected { perDay, store }'));
  // The store brings the budget's code, its checks included (see orderBudgetStore).
  const runtime = carriedRuntime(options.store);
  return runtime === undefined
    ? E.left(
        invalidInput(
          'orderBudget.store',
          'expected an OrderBudgetStore: memoryBudgetStore() or orderBudgetStore(yours) from planviewer-rx/ledger, or postgresBudgetStore(pool)',
        ),
      )
    : runtime.checkOrderBudget(options);
};
