import { budgetedOrder, checkOrderBudget } from './budgetedOrder';
import type { JobLedger } from './JobLedger';
import { ledgeredOrder } from './ledgeredOrder';
import { LEDGER_RUNTIME, type LedgerRuntime } from './ledgerRuntime';
import type { OrderBudgetStore } from './OrderBudget';
import { resumeJobs } from './resumeJobs';

const runtime: LedgerRuntime = { budgetedOrder, checkOrderBudget, ledgeredOrder, resumeJobs };

/**
 * Makes your own adapter of the {@link JobLedger} port usable by `order$(…, { ledger })` and
 * `resume$(ledger)`: it attaches the code that records orders, keeps leases and resumes jobs. The ledgers
 * of this package (`journalLedger`, `memoryLedger`, `storageLedger`, `fileLedger`, `postgresLedger`)
 * come through it already. Keeping that code with the ledger is what lets an app without a ledger leave
 * it out of its bundle; a hand-made object passed without it is an `InvalidInput` and nothing is sent.
 *
 * @example
 * import type { JobLedger } from 'planviewer-rx';
 * import { jobLedger } from 'planviewer-rx/ledger';
 * declare const mine: JobLedger; // your nine functions over your own store
 * const ledger = jobLedger(mine);
 *
 * @since 0.2.0
 * @category constructors
 */
export const jobLedger = (port: JobLedger): JobLedger => {
  // Each call goes to `port` itself, so an adapter written as a class keeps its methods and its `this`.
  const ledger: JobLedger & { readonly [LEDGER_RUNTIME]: LedgerRuntime } = {
    name: port.name,
    beginOrder: (record) => port.beginOrder(record),
    answerOrder: (order, answer, lease) => port.answerOrder(order, answer, lease),
    endJob: (job, end) => port.endJob(job, end),
    claimJobs: (request) => port.claimJobs(request),
    renewLeases: (jobs, request) => port.renewLeases(jobs, request),
    releaseJobs: (jobs, worker) => port.releaseJobs(jobs, worker),
    claimUnansweredOrders: (worker) => port.claimUnansweredOrders(worker),
    snapshot: () => port.snapshot(),
    [LEDGER_RUNTIME]: runtime,
  };
  return ledger;
};

/**
 * Makes your own {@link OrderBudgetStore} usable as `orderBudget.store`: it attaches the code that
 * reserves and gives back the budget around each order. `memoryBudgetStore()` and `postgresBudgetStore()`
 * come through it already; a store passed without it is an `InvalidInput` when the client is created.
 *
 * @example
 * import { createPlanviewer, type OrderBudgetStore } from 'planviewer-rx';
 * import { orderBudgetStore } from 'planviewer-rx/ledger';
 * declare const key: string, secret: string;
 * declare const mine: OrderBudgetStore; // reserve and release over your own store
 * createPlanviewer({ credentials: { key, secret }, orderBudget: { perDay: 7, store: orderBudgetStore(mine) } });
 *
 * @since 0.2.0
 * @category constructors
 */
export const orderBudgetStore = (port: OrderBudgetStore): OrderBudgetStore => {
  const store: OrderBudgetStore & { readonly [LEDGER_RUNTIME]: LedgerRuntime } = {
    name: port.name,
    reserve: (day, count, perDay) => port.reserve(day, count, perDay),
    release: (day, count) => port.release(day, count),
    [LEDGER_RUNTIME]: runtime,
  };
  return store;
};
