import * as E from 'fp-ts/lib/Either.js';
import { ledgerFailed } from '../errors/PlanviewerError';
import { orderBudgetStore } from '../ledger/ledgerWithRuntime';
import type { OrderBudgetStore } from '../ledger/OrderBudget';
import type { PgPool } from './PgPool';

const message = (e: unknown): string => (e instanceof Error ? e.message || String(e) : String(e));

/**
 * The order budget counted in PostgreSQL (table `planviewer_order_budget`, see `migratePostgres`), shared
 * by every worker on the database. A reservation is one `INSERT … ON CONFLICT DO UPDATE … WHERE used +
 * n <= perDay`: the row lock makes concurrent reservations take turns, so the day's total can never pass
 * `perDay`, however many workers race.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * import { postgresBudgetStore, type PgPool } from 'planviewer-rx/postgres';
 * declare const key: string, secret: string;
 * declare const pool: PgPool;
 * createPlanviewer({ credentials: { key, secret }, orderBudget: { perDay: 7, store: postgresBudgetStore(pool) } });
 *
 * @since 0.2.0
 * @category constructors
 */
export const postgresBudgetStore = (pool: PgPool): OrderBudgetStore =>
  orderBudgetStore({
    name: 'postgres',
    reserve: (day, count, perDay) => async () => {
      try {
        const granted = await pool.query(
          `INSERT INTO planviewer_order_budget AS b (day, used)
         SELECT $1::date, $2::integer WHERE $2::integer <= $3::integer
         ON CONFLICT (day) DO UPDATE SET used = b.used + EXCLUDED.used
         WHERE b.used + EXCLUDED.used <= $3::integer
         RETURNING used`,
          [day, count, perDay],
        );
        if (granted.rows.length > 0)
          return E.right({ granted: true, used: Number(granted.rows[0]?.['used']) });
        const current = await pool.query('SELECT used FROM planviewer_order_budget WHERE day = $1::date', [
          day,
        ]);
        return E.right({ granted: false, used: Number(current.rows[0]?.['used'] ?? 0) });
      } catch (e) {
        return E.left(ledgerFailed('postgres', 'budget', message(e)));
      }
    },
    release: (day, count) => async () => {
      try {
        await pool.query(
          'UPDATE planviewer_order_budget SET used = greatest(0, used - $2::integer) WHERE day = $1::date',
          [day, count],
        );
        return E.right(undefined);
      } catch (e) {
        return E.left(ledgerFailed('postgres', 'budget', message(e)));
      }
    },
  });
