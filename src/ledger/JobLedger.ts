import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { LedgerFailed } from '../errors/PlanviewerError';

/**
 * The `JobLedger` port: the durable record of what was ordered and which jobs are still open, so that no
 * paid job is lost when a process dies, a tab is closed or a deploy restarts. `order$(intentions, { ledger })`
 * writes through it; `resume$(ledger)` reads it. Adapters: `fileLedger` (JSONL, Node), `storageLedger`
 * (browser `localStorage`), `memoryLedger` (tests), `postgresLedger` (many workers). See
 * docs/ledgers-and-workers.md for the guarantees.
 *
 * Every method is a lazy `TaskEither`: nothing happens until it is run, and a failure is a typed
 * {@link LedgerFailed}, never a rejection.
 *
 * @since 0.2.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An order about to be sent. Recorded durably BEFORE the POST.
 *
 * @example
 * import type { OrderingRecord } from 'planviewer-rx';
 * const r: OrderingRecord = { order: crypto.randomUUID(), intentions: ['0fe30323-a86e-4048-a7e7-6d60c3365dcb'], worker: 'w-1' };
 *
 * @category model
 */
export interface OrderingRecord {
  /** A fresh uuid naming this attempt (not a Planviewer id). */
  readonly order: string;
  readonly intentions: readonly string[];
  /** Who sends it: while this worker lives, nobody else may declare its outcome unknown. */
  readonly worker: string;
  /** What people call each intention (`product @ address`), when known. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * One job of a placed order.
 *
 * @example
 * import type { LedgerJob } from 'planviewer-rx';
 * const j: LedgerJob = { order: 'o-1', intention: '0fe30323-a86e-4048-a7e7-6d60c3365dcb', job: '7e6d5c4b-3a29-4f18-9e07-222222222222' };
 *
 * @category model
 */
export interface LedgerJob {
  readonly order: string;
  readonly intention: string;
  readonly job: string;
}

/**
 * What became of an order, recorded right after the POST.
 *
 * - `Placed`: the server answered with these jobs (recorded leased to the worker that ordered).
 * - `Refused`: proven not placed (402, 429, 400, 401, connection refused, …): nothing to follow.
 * - `Unknown`: the POST may have reached the server (reset, timeout, 5xx): never re-sent; check by hand.
 *
 * @example
 * import type { OrderAnswerRecord } from 'planviewer-rx';
 * const a: OrderAnswerRecord = { _tag: 'Refused', error: 'PaymentRequired', message: 'Payment required (402)…' };
 *
 * @category model
 */
export type OrderAnswerRecord =
  | {
      readonly _tag: 'Placed';
      readonly jobs: ReadonlyArray<Omit<LedgerJob, 'order'>>;
      /** Intentions sent that the answer does not account for: their outcome is unknown. */
      readonly unaccounted?: readonly string[];
    }
  | { readonly _tag: 'Refused'; readonly error: string; readonly message: string }
  | { readonly _tag: 'Unknown'; readonly reason: string };

/**
 * How a job ended, for good: its result was delivered (`Done`, with the saved file when the caller saved
 * one), or it failed in a way no retry changes (`Failed`: status `error`, unknown to the server, forbidden).
 * Anything else (a deadline, a network failure, an abort) is no end: the job stays unfinished.
 *
 * @example
 * import type { JobEnd } from 'planviewer-rx';
 * const end: JobEnd = { _tag: 'Done', file: '/srv/out/rapport.pdf', bytes: 1950 };
 *
 * @category model
 */
export type JobEnd =
  | { readonly _tag: 'Done'; readonly file?: string; readonly bytes?: number }
  | { readonly _tag: 'Failed'; readonly error: string; readonly message: string };

/**
 * An order whose outcome nobody knows: an `ordering` record without an answer whose worker is gone, or an
 * answer recorded as `Unknown`. It is never re-sent.
 *
 * @example
 * import type { UnknownOrder } from 'planviewer-rx';
 * const u: UnknownOrder = { order: 'o-1', intentions: ['0fe30323-a86e-4048-a7e7-6d60c3365dcb'], at: '2026-11-28T10:37:09.127Z', reason: 'the worker stopped before the answer was recorded' };
 *
 * @category model
 */
export interface UnknownOrder {
  readonly order: string;
  readonly intentions: readonly string[];
  /** When the order was about to be sent (ISO 8601). */
  readonly at: string;
  readonly reason: string;
}

/**
 * A lease request: the worker, how long the lease lasts before another worker may take the job over, and
 * jobs this worker does not want (those it already gave up on in this run).
 *
 * @example
 * import type { LeaseRequest } from 'planviewer-rx';
 * const l: LeaseRequest = { worker: 'w-1', leaseMs: 60_000 };
 *
 * @category model
 */
export interface LeaseRequest {
  readonly worker: string;
  readonly leaseMs: number;
  readonly exclude?: readonly string[];
}

/**
 * What the ledger holds, for people and dashboards.
 *
 * @example
 * import type { LedgerSnapshot } from 'planviewer-rx';
 * declare const s: LedgerSnapshot;
 * console.log(`${s.unfinished.length} jobs open, ${s.unknownOrders.length} orders to check`);
 *
 * @category model
 */
export interface LedgerSnapshot {
  /** Jobs ordered and not ended, with their lease holder while one holds them. */
  readonly unfinished: ReadonlyArray<LedgerJob & { readonly leasedBy?: string }>;
  /** Orders whose outcome is unknown (recorded so, or without an answer), oldest first. */
  readonly unknownOrders: readonly UnknownOrder[];
  /** Orders being sent right now by a live worker. */
  readonly ordering: readonly OrderingRecord[];
  readonly done: ReadonlyArray<{ readonly job: string; readonly file?: string }>;
  readonly failed: ReadonlyArray<{ readonly job: string; readonly error: string }>;
  /** Intention uuid → label, from the `ordering` records that had them. */
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * The port. An adapter must make each write durable before its task succeeds (fsync, a committed
 * transaction, a synchronous `localStorage.setItem`), and must hand a job to at most one live lease holder.
 *
 * @example
 * import type { JobLedger } from 'planviewer-rx';
 * import { memoryLedger } from 'planviewer-rx/ledger';
 * const ledger: JobLedger = memoryLedger();
 * await ledger.beginOrder({ order: 'o-1', intentions: ['0fe30323-a86e-4048-a7e7-6d60c3365dcb'], worker: 'w-1' })();
 *
 * @category model
 */
export interface JobLedger {
  /** Which ledger, for messages (`file /srv/out/planviewer-ledger.jsonl`, `postgres`, `localStorage`). */
  readonly name: string;
  /** Records an order about to be sent. The POST may go only after this succeeded. */
  readonly beginOrder: (record: OrderingRecord) => TE.TaskEither<LedgerFailed, void>;
  /** Records the order's answer; `Placed` jobs are leased to `lease.worker` at once. */
  readonly answerOrder: (
    order: string,
    answer: OrderAnswerRecord,
    lease: LeaseRequest,
  ) => TE.TaskEither<LedgerFailed, void>;
  /** Records that a job ended for good (and drops its lease). */
  readonly endJob: (job: string, end: JobEnd) => TE.TaskEither<LedgerFailed, void>;
  /**
   * Leases unfinished jobs that nobody holds (or whose lease expired) to `request.worker`, and returns
   * them. Two workers calling it at once never get the same job.
   */
  readonly claimJobs: (request: LeaseRequest) => TE.TaskEither<LedgerFailed, readonly LedgerJob[]>;
  /** Extends this worker's leases; returns the jobs it still holds (a lost lease is missing). */
  readonly renewLeases: (
    jobs: readonly string[],
    request: LeaseRequest,
  ) => TE.TaskEither<LedgerFailed, readonly string[]>;
  /** Gives jobs back unfinished (an abort, a deadline): another worker, or a later resume, takes them. */
  readonly releaseJobs: (jobs: readonly string[], worker: string) => TE.TaskEither<LedgerFailed, void>;
  /**
   * Turns every `ordering` record whose worker is gone into an `Unknown` answer and returns those orders,
   * each to exactly one caller: the one that reports it.
   */
  readonly claimUnansweredOrders: (worker: string) => TE.TaskEither<LedgerFailed, readonly UnknownOrder[]>;
  /** Everything the ledger holds. */
  readonly snapshot: () => TE.TaskEither<LedgerFailed, LedgerSnapshot>;
}
