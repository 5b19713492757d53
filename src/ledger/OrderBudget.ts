import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { invalidInput, type InvalidInput, type LedgerFailed } from '../errors/PlanviewerError';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Where the daily order budget is counted. `reserve` must be atomic: two workers reserving at once can
 * never both get the last unit. `memoryBudgetStore()` counts in this process; `postgresBudgetStore(pool)`
 * (from `planviewer-rx/postgres`) counts for every worker on one database.
 *
 * @example
 * import { memoryBudgetStore, type OrderBudgetStore } from 'planviewer-rx';
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
 * declare const key: string, secret: string;
 * createPlanviewer({ credentials: { key, secret }, orderBudget: { perDay: 7 } }); // in-process; postgresBudgetStore for many workers
 *
 * @category model
 */
export interface OrderBudgetOptions {
  /** Products (intentions) per day; an order of n intentions uses n. */
  readonly perDay: number;
  /** @default memoryBudgetStore() (this process only) */
  readonly store?: OrderBudgetStore;
  /** The wall clock that picks the day. @default Date.now */
  readonly now?: () => number;
}

/**
 * {@link OrderBudgetOptions} validated, defaults filled in.
 *
 * @example
 * import { normalizeOrderBudget } from './OrderBudget';
 * normalizeOrderBudget({ perDay: 7 }); // Right({ perDay: 7, store: memory, now: Date.now })
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
 * A budget store in this process's memory: atomic within the process (JavaScript runs one reservation at
 * a time), forgotten on restart.
 *
 * @example
 * import { createPlanviewer, memoryBudgetStore } from 'planviewer-rx';
 * declare const key: string, secret: string;
 * createPlanviewer({ credentials: { key, secret }, orderBudget: { perDay: 7, store: memoryBudgetStore() } });
 *
 * @since 0.2.0
 * @category constructors
 */
export const memoryBudgetStore = (): OrderBudgetStore => {
  const used = new Map<string, number>();
  return {
    name: 'memory',
    reserve: (day, count, perDay) => () => {
      const before = used.get(day) ?? 0;
      if (before + count > perDay) return Promise.resolve(E.right({ granted: false, used: before }));
      used.set(day, before + count);
      return Promise.resolve(E.right({ granted: true, used: before + count }));
    },
    release: (day, count) => () => {
      used.set(day, Math.max(0, (used.get(day) ?? 0) - count));
      return Promise.resolve(E.right(undefined));
    },
  };
};

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day in Europe/Amsterdam of an instant, as `YYYY-MM-DD`: the day of Planviewer's order cap.
 * Follows summer time (the day starts at 22:00 UTC in summer, 23:00 UTC in winter).
 *
 * @example
 * import { amsterdamDay } from './OrderBudget';
 * amsterdamDay(Date.parse('2026-07-01T21:59:59Z')); // '2026-07-01'
 * amsterdamDay(Date.parse('2026-07-01T22:00:00Z')); // '2026-07-02'
 *
 * @since 0.2.0
 * @category constructors
 */
export const amsterdamDay = (epochMs: number): string => {
  const parts = Object.fromEntries(amsterdam.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
};

/**
 * Validates {@link OrderBudgetOptions} and fills in the defaults.
 *
 * @example
 * import { normalizeOrderBudget } from './OrderBudget';
 * normalizeOrderBudget({ perDay: -1 }); // Left(InvalidInput orderBudget.perDay …)
 *
 * @since 0.2.0
 * @category constructors
 */
export const normalizeOrderBudget = (options: OrderBudgetOptions): E.Either<InvalidInput, OrderBudget> => {
  if (typeof options !== 'object' || options === null)
    return E.left(invalidInput('orderBudget', 'expected { perDay, store? }'));
  const { perDay, store, now } = options;
  if (!(Number.isSafeInteger(perDay) && perDay >= 0))
    return E.left(invalidInput('orderBudget.perDay', `expected a whole number >= 0, got ${String(perDay)}`));
  if (store !== undefined && (typeof store.reserve !== 'function' || typeof store.release !== 'function'))
    return E.left(invalidInput('orderBudget.store', 'expected an OrderBudgetStore (reserve, release)'));
  if (now !== undefined && typeof now !== 'function')
    return E.left(invalidInput('orderBudget.now', 'expected a function returning epoch ms'));
  return E.right({ perDay, store: store ?? memoryBudgetStore(), now: now ?? Date.now });
};
