import type { JobLedger } from './JobLedger';
import type { budgetedOrder, checkOrderBudget } from './budgetedOrder';
import type { ledgeredOrder } from './ledgeredOrder';
import type { resumeJobs } from './resumeJobs';

/**
 * The key under which a ledger carries the code that uses it. `Symbol.for`, so that a ledger made by one
 * copy of the package (the CommonJS build of `planviewer-rx/postgres`, say) is read by another (the root
 * entry's). A spread copy of a ledger (`{ ...ledger, beginOrder }`) keeps it.
 */
export const LEDGER_RUNTIME: unique symbol = Symbol.for('planviewer-rx.ledgerRuntime');

/**
 * What `order$(…, { ledger })`, `resume$(ledger)` and `orderBudget` run: the guarded, recorded order with
 * its leases, the resume stream and the budget's reservation. The ledger (or the budget's store) brings
 * it (see `jobLedger`, `orderBudgetStore`), so an app that uses neither does not ship it: createJobs only
 * imports the types.
 *
 * @example
 * import type { LedgerRuntime } from './ledgerRuntime';
 * declare const runtime: LedgerRuntime;
 * console.log(typeof runtime.resumeJobs);
 *
 * @category model
 */
export interface LedgerRuntime {
  readonly budgetedOrder: typeof budgetedOrder;
  readonly checkOrderBudget: typeof checkOrderBudget;
  readonly ledgeredOrder: typeof ledgeredOrder;
  readonly resumeJobs: typeof resumeJobs;
}

/**
 * The runtime a ledger or budget store carries, or `undefined` for a value that carries none.
 *
 * @example
 * import { carriedRuntime } from './ledgerRuntime';
 * console.log(carriedRuntime({}) === undefined); // true
 *
 * @since 0.2.0
 * @category destructors
 */
export const carriedRuntime = (value: unknown): LedgerRuntime | undefined =>
  typeof value === 'object' && value !== null
    ? (value as { readonly [LEDGER_RUNTIME]?: LedgerRuntime })[LEDGER_RUNTIME]
    : undefined;

/**
 * The runtime a ledger carries, or `undefined` for a value that is no ledger made by `jobLedger` (or by
 * an adapter built on it).
 *
 * @example
 * import type { JobLedger } from 'planviewer-rx';
 * import { runtimeOf } from './ledgerRuntime';
 * declare const ledger: JobLedger;
 * console.log(runtimeOf(ledger) === undefined ? 'not usable' : 'usable');
 *
 * @since 0.2.0
 * @category destructors
 */
export const runtimeOf = (ledger: unknown): LedgerRuntime | undefined => {
  const l = ledger as Partial<JobLedger> | null | undefined;
  return typeof l?.beginOrder === 'function' && typeof l.claimJobs === 'function'
    ? carriedRuntime(ledger)
    : undefined;
};
