import type { LedgerJob, OrderingRecord, UnknownOrder } from './JobLedger';
import type { LedgerEntry } from './LedgerEntry';

/**
 * What a journal's entries add up to. Pure data; the journal ledgers recompute it on every operation.
 *
 * @example
 * import { journalState } from './journalState';
 * journalState([]).jobs.size; // 0
 *
 * @category model
 */
export interface JournalState {
  /** Every job ever recorded, by job uuid (lower case). */
  readonly jobs: ReadonlyMap<string, LedgerJob>;
  /** Jobs that ended for good. */
  readonly ended: ReadonlySet<string>;
  readonly done: ReadonlyMap<string, string | undefined>;
  readonly failed: ReadonlyMap<string, string>;
  /** `ordering` records without any answer yet. */
  readonly unanswered: ReadonlyMap<string, OrderingRecord & { readonly at: string }>;
  /** Orders answered `Unknown`. */
  readonly unknown: ReadonlyMap<string, UnknownOrder>;
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * Whether a `job-failed` entry ends its job for good. Entries written before `final` existed (by the CLI)
 * ended a job only when the server said `error`: any other failure (a deadline, the network) was worth a
 * retry.
 */
const isFinal = (e: Extract<LedgerEntry, { type: 'job-failed' }>): boolean =>
  e.final ?? e.error === 'JobFailed';

/**
 * Folds journal entries, oldest first, into {@link JournalState}.
 *
 * @example
 * import { journalState } from './journalState';
 * const s = journalState([{ type: 'ordered', order: 'o', at: '2026-11-28T10:37:09.127Z', intention: 'i', job: 'j' }]);
 * s.jobs.has('j'); // true
 *
 * @since 0.2.0
 * @category constructors
 */
export const journalState = (entries: readonly LedgerEntry[]): JournalState => {
  const jobs = new Map<string, LedgerJob>();
  const ended = new Set<string>();
  const done = new Map<string, string | undefined>();
  const failed = new Map<string, string>();
  const unanswered = new Map<string, OrderingRecord & { at: string }>();
  const unknown = new Map<string, UnknownOrder>();
  const labels = new Map<string, string>();
  for (const e of entries) {
    switch (e.type) {
      case 'ordering':
        unanswered.set(e.order, {
          order: e.order,
          intentions: e.intentions,
          worker: e.worker ?? '',
          at: e.at,
          ...(e.labels === undefined ? {} : { labels: e.labels }),
        });
        for (const [intention, label] of Object.entries(e.labels ?? {})) labels.set(intention, label);
        break;
      case 'ordered': {
        const job = e.job.toLowerCase();
        jobs.set(job, { order: e.order, intention: e.intention, job });
        unanswered.delete(e.order);
        break;
      }
      case 'order-failed':
        unanswered.delete(e.order);
        break;
      case 'order-unknown': {
        const at = unanswered.get(e.order)?.at ?? e.at;
        unanswered.delete(e.order);
        unknown.set(e.order, { order: e.order, intentions: e.intentions, at, reason: e.message });
        break;
      }
      case 'downloaded':
        ended.add(e.job.toLowerCase());
        done.set(e.job.toLowerCase(), e.file);
        break;
      case 'job-done':
        ended.add(e.job.toLowerCase());
        done.set(e.job.toLowerCase(), undefined);
        break;
      case 'job-failed':
        if (isFinal(e)) {
          ended.add(e.job.toLowerCase());
          failed.set(e.job.toLowerCase(), e.error);
        }
        break;
    }
  }
  return { jobs, ended, done, failed, unanswered, unknown, labels };
};
