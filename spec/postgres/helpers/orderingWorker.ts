// Worker A of the crash scenario, run as a child process: it orders through the PostgreSQL ledger and,
// the moment the answer (its job uuids) is recorded, says `answer-recorded` on stdout and stops doing
// anything, so that the parent can SIGKILL it at exactly that point.
// Environment: SIM_URL, PG_URL, INTENTIONS (comma-separated), LEASE_MS.
import pg from 'pg';
import { createPlanviewer, type JobLedger } from '../../../src/index';
import { postgresLedger } from '../../../src/postgres';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const pool = new pg.Pool({ connectionString: env('PG_URL'), max: 2 });
pool.on('error', () => undefined);
const postgres = postgresLedger(pool);
const ledger: JobLedger = {
  ...postgres,
  answerOrder: (order, answer, lease) => async () => {
    const recorded = await postgres.answerOrder(order, answer, lease)();
    process.stdout.write(`answer-recorded ${JSON.stringify(recorded)}\n`);
    return new Promise(() => undefined); // never: nothing after this point may happen
  },
};

const pv = createPlanviewer({
  credentials: { key: 'demo', secret: 'demo-secret' },
  baseUrl: env('SIM_URL'),
  leaseMs: Number(env('LEASE_MS')),
});
pv.order$(env('INTENTIONS').split(','), { ledger }).subscribe((e) => {
  process.stdout.write(`${JSON.stringify(e)}\n`);
});
