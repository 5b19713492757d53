import type { PgPool } from './PgPool';
import { inTransaction } from './PgPool';

/**
 * The schema of the PostgreSQL ledger and order budget, version 1. Three tables:
 *
 * - `planviewer_orders`: one row per order attempt, written BEFORE its POST (`state = 'ordering'`, with
 *   `ordering_until`: until then its worker may still be sending it), then answered: `placed`, `refused`
 *   or `unknown`.
 * - `planviewer_jobs`: one row per placed job, `open` until it ends (`done` or `failed`); `leased_by` /
 *   `lease_until` say which worker follows it.
 * - `planviewer_order_budget`: products ordered per Europe/Amsterdam calendar day.
 *
 * @example
 * import { POSTGRES_MIGRATIONS } from 'planviewer-rx/postgres';
 * console.log(POSTGRES_MIGRATIONS[0].sql); // review it, or run it with your own migration tool
 *
 * @since 0.2.0
 */
export const POSTGRES_MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    sql: `
CREATE TABLE planviewer_orders (
  order_id       uuid PRIMARY KEY,
  intentions     text[] NOT NULL,
  labels         jsonb,
  worker         text NOT NULL,
  state          text NOT NULL CHECK (state IN ('ordering', 'placed', 'refused', 'unknown')),
  ordering_at    timestamptz NOT NULL DEFAULT now(),
  ordering_until timestamptz NOT NULL,
  answered_at    timestamptz,
  error          text,
  message        text
);
CREATE INDEX planviewer_orders_ordering ON planviewer_orders (ordering_until) WHERE state = 'ordering';

CREATE TABLE planviewer_jobs (
  job         uuid PRIMARY KEY,
  order_id    uuid NOT NULL REFERENCES planviewer_orders (order_id),
  intention   text NOT NULL,
  state       text NOT NULL CHECK (state IN ('open', 'done', 'failed')),
  leased_by   text,
  lease_until timestamptz,
  ended_at    timestamptz,
  file        text,
  bytes       bigint,
  error       text,
  message     text
);
CREATE INDEX planviewer_jobs_open ON planviewer_jobs (lease_until) WHERE state = 'open';

CREATE TABLE planviewer_order_budget (
  day  date PRIMARY KEY,
  used integer NOT NULL CHECK (used >= 0)
);
`,
  },
];

/**
 * Brings the database to the newest schema: creates `planviewer_schema_version` on first use and applies
 * the missing migrations, all in one transaction (all or nothing). Safe to run from every worker at start: an advisory lock
 * lets one migrate while the others wait. Resolves to the version now in place.
 *
 * @example
 * import pg from 'pg';
 * import { migratePostgres } from 'planviewer-rx/postgres';
 * await migratePostgres(new pg.Pool({ connectionString: process.env.DATABASE_URL })); // 1
 *
 * @since 0.2.0
 * @category constructors
 */
export const migratePostgres = (pool: PgPool): Promise<number> =>
  inTransaction(pool, async (client) => {
    // Any fixed number: it names "the planviewer-rx migration" among the database's advisory locks.
    await client.query('SELECT pg_advisory_xact_lock(727274501)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS planviewer_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query(
      'SELECT coalesce(max(version), 0) AS version FROM planviewer_schema_version',
    );
    let version = Number(rows[0]?.['version'] ?? 0);
    for (const m of POSTGRES_MIGRATIONS) {
      if (m.version <= version) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO planviewer_schema_version (version) VALUES ($1)', [m.version]);
      version = m.version;
    }
    return version;
  });
