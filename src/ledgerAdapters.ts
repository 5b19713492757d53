/**
 * `planviewer-rx/ledger`: the ledgers that run anywhere (browser storage, memory, your own journal or
 * adapter) and the order budget stores (in this process, or your own). The `JobLedger` port and the order budget's types are
 * in the root entry; the JSONL file ledger is in `planviewer-rx/file-ledger`, PostgreSQL in
 * `planviewer-rx/postgres`. A ledger (or budget store) brings the code that records, resumes and
 * budgets orders, so an app that never imports one does not ship it. See docs/ledgers-and-workers.md.
 *
 * @module planviewer-rx/ledger
 */
export { jobLedger, orderBudgetStore } from './ledger/ledgerWithRuntime';
export type { LedgerEntry } from './ledger/LedgerEntry';
export { journalLedger, memoryLedger, type Journal, type JournalLedgerOptions } from './ledger/journalLedger';
export { storageLedger, type StorageLedgerOptions, type StorageLike } from './ledger/storageLedger';
export { memoryBudgetStore } from './ledger/memoryBudgetStore';
