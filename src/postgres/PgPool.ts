/**
 * The little of node-postgres (`pg`) the adapters use, written out so that this package never imports
 * `pg` itself: a `pg.Pool` fits, and so does any pool with the same two methods.
 *
 * @since 0.2.0
 */

/**
 * Runs one statement.
 *
 * @example
 * import pg from 'pg';
 * import type { PgQueryable } from 'planviewer-rx/postgres';
 * declare const connectionString: string;
 * const q: PgQueryable = new pg.Pool({ connectionString });
 *
 * @category model
 */
export interface PgQueryable {
  query(
    text: string,
    values?: unknown[],
  ): Promise<{ readonly rows: Array<Record<string, unknown>>; readonly rowCount: number | null }>;
}

/**
 * A connection taken from a pool, for a transaction.
 *
 * @example
 * import type { PgPoolClient } from 'planviewer-rx/postgres';
 * declare const client: PgPoolClient;
 * client.release();
 *
 * @category model
 */
export interface PgPoolClient extends PgQueryable {
  release(err?: Error | boolean): void;
}

/**
 * A connection pool: `new pg.Pool(…)`. Give it a `connectionTimeoutMillis`, so that a database that went
 * away fails an order quickly instead of holding it, and an `'error'` listener (node-postgres emits one
 * when the server drops an idle connection; without a listener Node ends the process).
 *
 * @example
 * import pg from 'pg';
 * import type { PgPool } from 'planviewer-rx/postgres';
 * const pool: PgPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
 *
 * @category model
 */
export interface PgPool extends PgQueryable {
  connect(): Promise<PgPoolClient>;
}

/**
 * Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws.
 *
 * @example
 * import { inTransaction, type PgPool } from 'planviewer-rx/postgres';
 * declare const pool: PgPool;
 * await inTransaction(pool, async (c) => { await c.query('…'); await c.query('…'); });
 *
 * @since 0.2.0
 * @category combinators
 */
export const inTransaction = async <A>(
  pool: PgPool,
  work: (client: PgPoolClient) => Promise<A>,
): Promise<A> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    broken = e instanceof Error ? e : new Error(String(e));
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    // A connection whose transaction failed may be dead: hand it back as broken, so the pool drops it.
    client.release(broken);
  }
};
