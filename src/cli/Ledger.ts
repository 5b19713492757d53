import * as path from 'node:path';
import { fileJournal, LEDGER_FILE } from '../ledger/file';
import type { Journal } from '../ledger/journalLedger';
import { journalState } from '../ledger/journalState';
import type { LedgerEntry as JournalEntry } from '../ledger/LedgerEntry';

export { LEDGER_FILE };

/**
 * One line of the ledger: the library's JSONL ledger format (`planviewer-rx/file-ledger`, docs/cli.md),
 * which the CLI writes and fsyncs at the moments that matter: before an order POST (`ordering`), right
 * after it (`ordered` per job, or `order-failed` / `order-unknown`), and after each file is safely renamed
 * into place (`downloaded`), so that a crash at any moment loses no job uuid. A service using
 * `fileLedger(outDir)` reads and writes the same file.
 *
 * @example
 * import { LedgerEntry } from './Ledger';
 * const line: LedgerEntry = { type: 'ordered', order: 'o-1', at: '2026-11-28T10:37:09.127Z', intention: 'i-1', job: 'j-1' };
 */
export type LedgerEntry = JournalEntry;

/** Distributes Omit over the union so each entry keeps its own fields. */
type WithoutAt<T> = T extends unknown ? Omit<T, 'at'> : never;

/**
 * What `resume` must do, read from the ledger.
 *
 * @example
 * import { Ledger } from './Ledger';
 * declare const outDir: string;
 * const { pending, needsCheck } = new Ledger(outDir).state();
 */
export interface LedgerState {
  /** Jobs ordered and not yet downloaded, with their intention. */
  readonly pending: ReadonlyArray<{ readonly job: string; readonly intention: string }>;
  /** Orders whose outcome is unknown (recorded as such, or a crash between `ordering` and its answer). */
  readonly needsCheck: ReadonlyArray<{
    readonly order: string;
    readonly intentions: readonly string[];
    readonly reason: string;
  }>;
  readonly downloaded: ReadonlyArray<{ readonly job: string; readonly file: string }>;
  readonly failed: ReadonlyArray<{ readonly job: string; readonly error: string }>;
  /** Intention uuid → label, from the `ordering` entries that had them. */
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * An append-only JSONL journal of orders and downloads, fsynced on every write (format: docs/cli.md).
 *
 * @example
 * import { randomUUID } from 'node:crypto';
 * import { Ledger } from './Ledger';
 * const ledger = new Ledger('./out');
 * ledger.append({ type: 'ordering', order: randomUUID(), intentions: ['3ca18ee6-a6be-4934-8e4a-3edc8b2106dd'] });
 * ledger.state().needsCheck; // that order, until an `ordered` or `order-failed` line follows
 */
export class Ledger {
  readonly file: string;
  private readonly journal: Journal;

  constructor(outDir: string) {
    this.file = path.join(outDir, LEDGER_FILE);
    this.journal = fileJournal(this.file);
  }

  /**
   * Appends one entry and waits until it is on disk (the file ledger's fsynced append). Synchronous on
   * purpose: nothing may run in between.
   */
  append(entry: WithoutAt<LedgerEntry>): void {
    this.journal.append([{ ...entry, at: new Date().toISOString() } as LedgerEntry]);
  }

  /** Every entry; a line torn by a crash mid-write is skipped, a damaged entry throws. */
  entries(): readonly LedgerEntry[] {
    return this.journal.read();
  }

  /** Folds the entries into what is pending, what needs a manual check, and what is done. */
  state(): LedgerState {
    const entries = this.entries();
    const s = journalState(entries);
    const failed = new Map<string, string>();
    for (const e of entries) if (e.type === 'job-failed') failed.set(e.job.toLowerCase(), e.error);
    // Lines written in the same millisecond share a timestamp: the journal's own order is the order sent.
    const sentAt = new Map<string, number>();
    entries.forEach((e, i) => {
      if (e.type === 'ordering' && !sentAt.has(e.order)) sentAt.set(e.order, i);
    });
    return {
      // A job that failed on the server stays failed; any other failure (deadline, network) is worth a retry.
      pending: [...s.jobs.values()]
        .filter((j) => !s.ended.has(j.job))
        .map((j) => ({ job: j.job, intention: j.intention })),
      // Oldest first, as they were sent.
      needsCheck: [
        ...[...s.unknown.values()].map((u) => ({
          at: u.at,
          order: u.order,
          intentions: u.intentions,
          reason: u.reason,
        })),
        ...[...s.unanswered.values()].map((r) => ({
          at: r.at,
          order: r.order,
          intentions: r.intentions,
          reason: 'the program stopped before the order was answered',
        })),
      ]
        .sort((a, b) => (sentAt.get(a.order) ?? 0) - (sentAt.get(b.order) ?? 0) || a.at.localeCompare(b.at))
        .map(({ order, intentions, reason }) => ({ order, intentions, reason })),
      downloaded: [...s.done].flatMap(([job, file]) => (file === undefined ? [] : [{ job, file }])),
      failed: [...failed].map(([job, error]) => ({ job, error })),
      labels: s.labels,
    };
  }
}
