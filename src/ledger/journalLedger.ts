import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { ledgerFailed, type LedgerFailed } from '../errors/PlanviewerError';
import type { JobLedger, LedgerJob, LedgerSnapshot, UnknownOrder } from './JobLedger';
import { jobLedger } from './ledgerWithRuntime';
import type { LedgerEntry } from './LedgerEntry';
import { journalState, type JournalState } from './journalState';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An append-only store of {@link LedgerEntry} lines: a JSONL file, a `localStorage` key, an array.
 * `append` must be durable when it returns (fsync, a synchronous `setItem`); both may throw.
 *
 * @example
 * import type { Journal, LedgerEntry } from 'planviewer-rx/ledger';
 * const lines: LedgerEntry[] = [];
 * const journal: Journal = { name: 'memory', key: 'memory:1', read: () => lines, append: (es) => void lines.push(...es) };
 *
 * @category model
 */
export interface Journal {
  /** For messages: `file /srv/out/planviewer-ledger.jsonl`. */
  readonly name: string;
  /**
   * Identifies the store: ledgers over the same key in one process share their leases (a string such as
   * the file's path, or the storage object itself).
   */
  readonly key: string | object;
  readonly read: () => readonly LedgerEntry[];
  readonly append: (entries: readonly LedgerEntry[]) => void;
}

/**
 * Options of a journal ledger.
 *
 * @example
 * import type { JournalLedgerOptions } from 'planviewer-rx/ledger';
 * const options: JournalLedgerOptions = { now: () => Date.now() };
 *
 * @category model
 */
export interface JournalLedgerOptions {
  /** The clock of leases and of the `at` of entries. @default Date.now */
  readonly now?: () => number;
}

interface Lease {
  readonly worker: string;
  readonly until: number;
}

/** What one process knows beyond the journal: leases and the orders it is sending right now. */
interface ProcessShare {
  readonly leases: Map<string, Lease>;
  readonly sending: Map<string, readonly string[]>;
}

// A journal has one writer process, so leases live in memory; ledgers over the same key share them.
const sharesByName = new Map<string, ProcessShare>();
const sharesByObject = new WeakMap<object, ProcessShare>();
const shareOf = (key: string | object): ProcessShare => {
  let share = typeof key === 'string' ? sharesByName.get(key) : sharesByObject.get(key);
  if (share === undefined) {
    share = { leases: new Map(), sending: new Map() };
    if (typeof key === 'string') sharesByName.set(key, share);
    else sharesByObject.set(key, share);
  }
  return share;
};

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A {@link JobLedger} over a {@link Journal}: the file, browser-storage and memory ledgers are this with
 * their own journal. Every operation reads the journal afresh, so what it says is what is on disk.
 * Leases are kept in memory: one process (one tab) uses a journal at a time; for many workers use
 * `postgresLedger`.
 *
 * @example
 * import { journalLedger, type LedgerEntry } from 'planviewer-rx/ledger';
 * const lines: LedgerEntry[] = [];
 * const ledger = journalLedger({ name: 'memory', key: 'memory:1', read: () => lines, append: (es) => void lines.push(...es) });
 *
 * @since 0.2.0
 * @category constructors
 */
export const journalLedger = (journal: Journal, options: JournalLedgerOptions = {}): JobLedger => {
  const now = options.now ?? Date.now;
  const { leases, sending } = shareOf(journal.key);
  const iso = (): string => new Date(now()).toISOString();

  const attempt =
    <A>(operation: string, run: () => A, intentions?: readonly string[]): TE.TaskEither<LedgerFailed, A> =>
    () =>
      Promise.resolve(
        E.tryCatch(run, (e) =>
          ledgerFailed(journal.name, operation, e instanceof Error ? e.message : String(e), intentions),
        ),
      );

  const read = (): JournalState => journalState(journal.read());
  const heldByOther = (job: string, worker: string): boolean => {
    const lease = leases.get(job);
    return lease !== undefined && lease.worker !== worker && lease.until > now();
  };
  const heldBy = (job: string, worker: string): boolean => {
    const lease = leases.get(job);
    return lease !== undefined && lease.worker === worker && lease.until > now();
  };

  const beginOrder: JobLedger['beginOrder'] = (r) =>
    attempt(
      'begin-order',
      () => {
        journal.append([
          {
            type: 'ordering',
            order: r.order,
            at: iso(),
            intentions: [...r.intentions],
            worker: r.worker,
            ...(r.labels === undefined ? {} : { labels: { ...r.labels } }),
          },
        ]);
        sending.set(r.order, r.intentions);
      },
      r.intentions,
    );

  const answerOrder: JobLedger['answerOrder'] = (order, answer, lease) =>
    attempt('answer-order', () => {
      const at = iso();
      const entries: LedgerEntry[] =
        answer._tag === 'Placed'
          ? [
              ...answer.jobs.map((j): LedgerEntry => ({
                type: 'ordered',
                order,
                at,
                intention: j.intention,
                job: j.job,
              })),
              ...(answer.unaccounted === undefined || answer.unaccounted.length === 0
                ? []
                : [
                    {
                      type: 'order-unknown' as const,
                      order,
                      at,
                      intentions: [...answer.unaccounted],
                      message: 'the order answer had no usable job for these intentions',
                    },
                  ]),
            ]
          : answer._tag === 'Refused'
            ? [{ type: 'order-failed', order, at, error: answer.error, message: answer.message }]
            : [
                {
                  type: 'order-unknown',
                  order,
                  at,
                  intentions: [...(sending.get(order) ?? read().unanswered.get(order)?.intentions ?? [])],
                  message: answer.reason,
                },
              ];
      journal.append(entries);
      sending.delete(order);
      if (answer._tag === 'Placed')
        for (const j of answer.jobs)
          leases.set(j.job.toLowerCase(), { worker: lease.worker, until: now() + lease.leaseMs });
    });

  const endJob: JobLedger['endJob'] = (job, end) =>
    attempt('end-job', () => {
      const at = iso();
      journal.append([
        end._tag === 'Failed'
          ? { type: 'job-failed', at, job, error: end.error, message: end.message, final: true }
          : end.file === undefined
            ? { type: 'job-done', at, job }
            : { type: 'downloaded', at, job, file: end.file, bytes: end.bytes ?? 0 },
      ]);
      leases.delete(job.toLowerCase());
    });

  const claimJobs: JobLedger['claimJobs'] = (request) =>
    attempt('claim', () => {
      const state = read();
      const excluded = new Set((request.exclude ?? []).map((j) => j.toLowerCase()));
      const claimed: LedgerJob[] = [];
      for (const [job, entry] of state.jobs) {
        if (state.ended.has(job) || excluded.has(job)) continue;
        if (heldByOther(job, request.worker) || heldBy(job, request.worker)) continue;
        leases.set(job, { worker: request.worker, until: now() + request.leaseMs });
        claimed.push(entry);
      }
      return claimed;
    });

  const renewLeases: JobLedger['renewLeases'] = (jobs, request) =>
    attempt('renew-lease', () => {
      const held: string[] = [];
      for (const job of jobs) {
        const lease = leases.get(job.toLowerCase());
        if (lease?.worker !== request.worker) continue;
        leases.set(job.toLowerCase(), { worker: request.worker, until: now() + request.leaseMs });
        held.push(job);
      }
      return held;
    });

  const releaseJobs: JobLedger['releaseJobs'] = (jobs, worker) =>
    attempt('release', () => {
      for (const job of jobs)
        if (leases.get(job.toLowerCase())?.worker === worker) leases.delete(job.toLowerCase());
    });

  const claimUnansweredOrders: JobLedger['claimUnansweredOrders'] = () =>
    attempt('claim', () => {
      const state = read();
      const found: UnknownOrder[] = [];
      for (const [order, r] of state.unanswered) {
        if (sending.has(order)) continue;
        const reason = `the program that sent it${r.worker === '' ? '' : ` (worker ${r.worker})`} stopped before its answer was recorded`;
        found.push({ order, intentions: r.intentions, at: r.at, reason });
      }
      if (found.length > 0)
        journal.append(
          found.map((u) => ({
            type: 'order-unknown',
            order: u.order,
            at: iso(),
            intentions: [...u.intentions],
            message: u.reason,
          })),
        );
      return found;
    });

  const snapshot: JobLedger['snapshot'] = () =>
    attempt('read', (): LedgerSnapshot => {
      const state = read();
      const unknownOrders = [
        ...state.unknown.values(),
        ...[...state.unanswered.values()]
          .filter((r) => !sending.has(r.order))
          .map((r) => ({
            order: r.order,
            intentions: r.intentions,
            at: r.at,
            reason: 'the program stopped before the order was answered',
          })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      return {
        unfinished: [...state.jobs.values()]
          .filter((j) => !state.ended.has(j.job))
          .map((j) => {
            const lease = leases.get(j.job);
            return lease !== undefined && lease.until > now() ? { ...j, leasedBy: lease.worker } : j;
          }),
        unknownOrders,
        ordering: [...state.unanswered.values()].filter((r) => sending.has(r.order)),
        done: [...state.done].map(([job, file]) => (file === undefined ? { job } : { job, file })),
        failed: [...state.failed].map(([job, error]) => ({ job, error })),
        labels: state.labels,
      };
    });

  return jobLedger({
    name: journal.name,
    beginOrder,
    answerOrder,
    endJob,
    claimJobs,
    renewLeases,
    releaseJobs,
    claimUnansweredOrders,
    snapshot,
  });
};

/**
 * A ledger in memory: for tests, and for a process that only wants leases and the order guard. It does
 * not survive the process.
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * import { memoryLedger } from 'planviewer-rx/ledger';
 * declare const pv: Planviewer;
 * declare const intention: string;
 * pv.order$([intention], { ledger: memoryLedger() });
 *
 * @since 0.2.0
 * @category constructors
 */
export const memoryLedger = (options: JournalLedgerOptions = {}): JobLedger => {
  const lines: LedgerEntry[] = [];
  return journalLedger(
    { name: 'memory', key: lines, read: () => lines, append: (es) => void lines.push(...es) },
    options,
  );
};
