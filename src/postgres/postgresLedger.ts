import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { ledgerFailed, type LedgerFailed } from '../errors/PlanviewerError';
import type { JobLedger, LedgerJob, LedgerSnapshot, OrderingRecord, UnknownOrder } from '../ledger/JobLedger';
import { jobLedger } from '../ledger/ledgerWithRuntime';
import { inTransaction, type PgPool } from './PgPool';

/**
 * Options of {@link postgresLedger}.
 *
 * @example
 * import type { PostgresLedgerOptions } from 'planviewer-rx/postgres';
 * const options: PostgresLedgerOptions = { orderingGraceMs: 600_000, claimBatch: 100 };
 *
 * @category model
 */
export interface PostgresLedgerOptions {
  /**
   * How long an `ordering` row belongs to the worker sending it. After that, with no answer recorded,
   * `resume$` reports the order as unknown. Keep it above the request timeout. @default 600_000
   */
  readonly orderingGraceMs?: number;
  /** Most jobs one claim takes. @default 100 */
  readonly claimBatch?: number;
}

const NAME = 'postgres';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/**
 * The ledger for many workers on one PostgreSQL database (schema: `migratePostgres`). Every write is one
 * statement or one transaction. A job is followed by the worker holding its lease: claims take rows with
 * `SELECT … FOR UPDATE SKIP LOCKED`, so two workers never take the same job; a lease lasts `leaseMs` past
 * its last renewal, so a dead worker's jobs go to another worker once it runs out. Times are the
 * database's `now()`, so workers' clocks need not agree.
 *
 * @example
 * import pg from 'pg';
 * import type { Either } from 'fp-ts/lib/Either.js';
 * import type { JobEvent, Planviewer, PlanviewerError } from 'planviewer-rx';
 * import { migratePostgres, postgresLedger } from 'planviewer-rx/postgres';
 * declare const pv: Planviewer;
 * declare const handle: (emission: Either<PlanviewerError, JobEvent>) => void;
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
 * pool.on('error', () => undefined); // a dropped idle connection must not end the process
 * await migratePostgres(pool);
 * const ledger = postgresLedger(pool);
 * pv.resume$(ledger, { watch: true }).subscribe(handle);
 *
 * @since 0.2.0
 * @category constructors
 */
export const postgresLedger = (pool: PgPool, options: PostgresLedgerOptions = {}): JobLedger => {
  const orderingGraceMs = options.orderingGraceMs ?? 600_000;
  const claimBatch = options.claimBatch ?? 100;

  const attempt =
    <A>(
      operation: string,
      run: () => Promise<A>,
      intentions?: readonly string[],
    ): TE.TaskEither<LedgerFailed, A> =>
    () =>
      run().then(
        (a) => E.right(a),
        (e: unknown) =>
          E.left(
            ledgerFailed(
              NAME,
              operation,
              e instanceof Error ? e.message || String(e) : String(e),
              intentions,
            ),
          ),
      );

  const beginOrder: JobLedger['beginOrder'] = (r) =>
    attempt(
      'begin-order',
      async () => {
        await pool.query(
          `INSERT INTO planviewer_orders (order_id, intentions, labels, worker, state, ordering_until)
           VALUES ($1, $2, $3, $4, 'ordering', now() + $5 * interval '1 millisecond')`,
          [
            r.order,
            [...r.intentions],
            r.labels === undefined ? null : JSON.stringify(r.labels),
            r.worker,
            orderingGraceMs,
          ],
        );
      },
      r.intentions,
    );

  const answerOrder: JobLedger['answerOrder'] = (order, answer, lease) =>
    attempt('answer-order', async () => {
      if (answer._tag !== 'Placed') {
        await pool.query(
          `UPDATE planviewer_orders SET state = $2, answered_at = now(), error = $3, message = $4 WHERE order_id = $1`,
          answer._tag === 'Refused'
            ? [order, 'refused', answer.error, answer.message]
            : [order, 'unknown', null, answer.reason],
        );
        return;
      }
      await inTransaction(pool, async (client) => {
        const unaccounted = answer.unaccounted ?? [];
        await client.query(
          `UPDATE planviewer_orders SET state = $2, answered_at = now(), message = $3 WHERE order_id = $1`,
          unaccounted.length === 0
            ? [order, 'placed', null]
            : [order, 'unknown', `the order answer had no usable job for ${unaccounted.join(', ')}`],
        );
        await client.query(
          `INSERT INTO planviewer_jobs (job, order_id, intention, state, leased_by, lease_until)
           SELECT j, $1, i, 'open', $4, now() + $5 * interval '1 millisecond'
           FROM unnest($2::uuid[], $3::text[]) AS t(j, i)
           ON CONFLICT (job) DO NOTHING`,
          [
            order,
            answer.jobs.map((j) => j.job),
            answer.jobs.map((j) => j.intention),
            lease.worker,
            lease.leaseMs,
          ],
        );
      });
    });

  const endJob: JobLedger['endJob'] = (job, end) =>
    attempt('end-job', async () => {
      await pool.query(
        `UPDATE planviewer_jobs
         SET state = $2, ended_at = now(), leased_by = NULL, lease_until = NULL,
             file = $3, bytes = $4, error = $5, message = $6
         WHERE job = $1`,
        end._tag === 'Done'
          ? [job, 'done', end.file ?? null, end.bytes ?? null, null, null]
          : [job, 'failed', null, null, end.error, end.message],
      );
    });

  const claimJobs: JobLedger['claimJobs'] = (request) =>
    attempt('claim', async () => {
      const { rows } = await pool.query(
        `UPDATE planviewer_jobs AS j
         SET leased_by = $1, lease_until = now() + $2 * interval '1 millisecond'
         FROM (
           SELECT job FROM planviewer_jobs
           WHERE state = 'open' AND (lease_until IS NULL OR lease_until < now()) AND NOT (job = ANY($3::uuid[]))
           ORDER BY job
           LIMIT $4
           FOR UPDATE SKIP LOCKED
         ) AS free
         WHERE j.job = free.job
         RETURNING j.job::text AS job, j.order_id::text AS order_id, j.intention`,
        [request.worker, request.leaseMs, [...(request.exclude ?? [])], claimBatch],
      );
      return rows.map((r): LedgerJob => ({
        job: String(r['job']),
        order: String(r['order_id']),
        intention: String(r['intention']),
      }));
    });

  const renewLeases: JobLedger['renewLeases'] = (jobs, request) =>
    attempt('renew-lease', async () => {
      const { rows } = await pool.query(
        `UPDATE planviewer_jobs SET lease_until = now() + $3 * interval '1 millisecond'
         WHERE job = ANY($1::uuid[]) AND leased_by = $2 AND state = 'open'
         RETURNING job::text AS job`,
        [[...jobs], request.worker, request.leaseMs],
      );
      return rows.map((r) => String(r['job']));
    });

  const releaseJobs: JobLedger['releaseJobs'] = (jobs, worker) =>
    attempt('release', async () => {
      await pool.query(
        `UPDATE planviewer_jobs SET leased_by = NULL, lease_until = NULL
         WHERE job = ANY($1::uuid[]) AND leased_by = $2`,
        [[...jobs], worker],
      );
    });

  const claimUnansweredOrders: JobLedger['claimUnansweredOrders'] = (worker) =>
    attempt('claim', async () => {
      const { rows } = await pool.query(
        `UPDATE planviewer_orders AS o
         SET state = 'unknown', answered_at = now(),
             message = 'its worker (' || o.worker || ') stopped, or lost the database, before the answer was recorded; reported by ' || $1
         FROM (
           SELECT order_id FROM planviewer_orders
           WHERE state = 'ordering' AND ordering_until < now()
           FOR UPDATE SKIP LOCKED
         ) AS stale
         WHERE o.order_id = stale.order_id
         RETURNING o.order_id::text AS order_id, o.intentions, o.ordering_at, o.message`,
        [worker],
      );
      return rows.map((r): UnknownOrder => ({
        order: String(r['order_id']),
        intentions: r['intentions'] as string[],
        at: iso(r['ordering_at']),
        reason: String(r['message']),
      }));
    });

  const snapshot: JobLedger['snapshot'] = () =>
    attempt('read', async (): Promise<LedgerSnapshot> => {
      const jobs = await pool.query(
        `SELECT job::text AS job, order_id::text AS order_id, intention, state, file, error,
                CASE WHEN lease_until > now() THEN leased_by END AS leased_by
         FROM planviewer_jobs ORDER BY job`,
      );
      const orders = await pool.query(
        `SELECT order_id::text AS order_id, intentions, labels, worker, state, ordering_at, message,
                ordering_until > now() AS sending
         FROM planviewer_orders WHERE state IN ('ordering', 'unknown') OR labels IS NOT NULL
         ORDER BY ordering_at`,
      );
      const labels = new Map<string, string>();
      for (const o of orders.rows)
        for (const [k, v] of Object.entries((o['labels'] as Record<string, string> | null) ?? {}))
          labels.set(k, v);
      const isUnknown = (o: Record<string, unknown>): boolean =>
        o['state'] === 'unknown' || (o['state'] === 'ordering' && o['sending'] !== true);
      return {
        unfinished: jobs.rows
          .filter((r) => r['state'] === 'open')
          .map((r) => ({
            job: String(r['job']),
            order: String(r['order_id']),
            intention: String(r['intention']),
            ...(r['leased_by'] === null ? {} : { leasedBy: String(r['leased_by']) }),
          })),
        unknownOrders: orders.rows.filter(isUnknown).map((o) => ({
          order: String(o['order_id']),
          intentions: o['intentions'] as string[],
          at: iso(o['ordering_at']),
          reason:
            o['state'] === 'unknown'
              ? String(o['message'])
              : 'its worker stopped before the answer was recorded',
        })),
        ordering: orders.rows
          .filter((o) => o['state'] === 'ordering' && o['sending'] === true)
          .map((o): OrderingRecord => ({
            order: String(o['order_id']),
            intentions: o['intentions'] as string[],
            worker: String(o['worker']),
          })),
        done: jobs.rows
          .filter((r) => r['state'] === 'done')
          .map((r) =>
            r['file'] === null
              ? { job: String(r['job']) }
              : { job: String(r['job']), file: String(r['file']) },
          ),
        failed: jobs.rows
          .filter((r) => r['state'] === 'failed')
          .map((r) => ({ job: String(r['job']), error: String(r['error']) })),
        labels,
      };
    });

  return jobLedger({
    name: NAME,
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
