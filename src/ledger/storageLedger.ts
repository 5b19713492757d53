import * as E from 'fp-ts/lib/Either.js';
import type { JobLedger } from './JobLedger';
import { journalLedger, type JournalLedgerOptions } from './journalLedger';
import { ledgerText, parseLedgerText } from './LedgerEntry';

/**
 * The part of the Web Storage API the browser ledger uses (`window.localStorage` has it).
 *
 * @example
 * import type { StorageLike } from 'planviewer-rx/ledger';
 * const storage: StorageLike = window.localStorage;
 *
 * @category model
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Options of {@link storageLedger}.
 *
 * @example
 * import type { StorageLedgerOptions } from 'planviewer-rx/ledger';
 * const options: StorageLedgerOptions = { key: 'my-app:planviewer-ledger' };
 *
 * @category model
 */
export interface StorageLedgerOptions extends JournalLedgerOptions {
  /** The storage key of the journal. @default 'planviewer-rx:ledger' */
  readonly key?: string;
}

/**
 * The browser default ledger: the JSONL journal under one `localStorage` key. `setItem` is synchronous,
 * so a write is in the browser's storage before the order is sent, and an app that reloads mid-order
 * resumes its jobs with `resume$`. A full storage (`QuotaExceededError`) is a `LedgerFailed` and no
 * order is sent. One tab follows the jobs at a time.
 *
 * @example
 * import type { Either } from 'fp-ts/lib/Either.js';
 * import type { JobEvent, Planviewer, PlanviewerError } from 'planviewer-rx';
 * import { storageLedger } from 'planviewer-rx/ledger';
 * declare const pv: Planviewer;
 * declare const intention: string;
 * declare const handle: (emission: Either<PlanviewerError, JobEvent>) => void;
 * const ledger = storageLedger(window.localStorage);
 * pv.resume$(ledger).subscribe(handle); // on start: finish what a closed tab left
 * pv.order$([intention], { ledger }).subscribe(handle);
 *
 * @since 0.2.0
 * @category constructors
 */
export const storageLedger = (storage: StorageLike, options: StorageLedgerOptions = {}): JobLedger => {
  const key = options.key ?? 'planviewer-rx:ledger';
  return journalLedger(
    {
      name: `localStorage ${key}`,
      // Leases belong to this page's storage object: a reloaded page starts with none.
      key: storage,
      read: () => {
        const entries = parseLedgerText(storage.getItem(key) ?? '');
        if (E.isLeft(entries)) throw new Error(entries.left);
        return entries.right;
      },
      append: (entries) => storage.setItem(key, (storage.getItem(key) ?? '') + ledgerText(entries)),
    },
    options,
  );
};
