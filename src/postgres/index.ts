/**
 * `planviewer-rx/postgres`: the PostgreSQL ledger and order budget, for many workers on one Planviewer
 * account. Bring `pg` (an optional peer dependency). See docs/ledgers-and-workers.md.
 *
 * @module planviewer-rx/postgres
 */
export { postgresLedger, type PostgresLedgerOptions } from './postgresLedger';
export { postgresBudgetStore } from './postgresBudgetStore';
export { migratePostgres, POSTGRES_MIGRATIONS } from './migrations';
export { inTransaction, type PgPool, type PgPoolClient, type PgQueryable } from './PgPool';
