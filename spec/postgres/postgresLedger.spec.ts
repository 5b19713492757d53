import * as E from 'fp-ts/lib/Either.js';
import type { JobLedger } from '../../src/ledger';
import { migratePostgres, postgresBudgetStore, postgresLedger } from '../../src/postgres';
import { uuidOf } from '../helpers/fixtures';
import { usePostgresDatabase } from './helpers/postgresServer';

const right = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected a Right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const db = usePostgresDatabase(migratePostgres);
const pool = db.pool;

/** Records one placed order of `n` jobs, leased to `worker` for `leaseMs`. */
const placeJobs = async (ledger: JobLedger, n: number, worker: string, leaseMs: number, from = 1) => {
  const order = globalThis.crypto.randomUUID();
  const intentions = Array.from({ length: n }, (_, i) => uuidOf(1000 + from + i));
  await right(ledger.beginOrder({ order, intentions, worker }));
  const jobs = intentions.map((intention, i) => ({ intention, job: uuidOf(from + i) }));
  await right(ledger.answerOrder(order, { _tag: 'Placed', jobs }, { worker, leaseMs }));
  return jobs.map((j) => j.job);
};

describe('migratePostgres', () => {
  it('creates the schema once; running it again, from several workers at once, changes nothing', async () => {
    const versions = await Promise.all([
      migratePostgres(pool()),
      migratePostgres(pool()),
      migratePostgres(pool()),
    ]);
    expect(versions).toEqual([1, 1, 1]);
    const { rows } = await pool().query('SELECT version FROM planviewer_schema_version');
    expect(rows).toEqual([{ version: 1 }]);
  });
});

describe('postgresLedger', () => {
  it('leases placed jobs to the worker that ordered them; another worker gets them once the lease ran out', async () => {
    const a = postgresLedger(pool());
    const b = postgresLedger(pool());
    const jobs = await placeJobs(a, 3, 'worker-a', 400);
    expect(await right(b.claimJobs({ worker: 'worker-b', leaseMs: 60_000 }))).toEqual([]);
    await sleep(500);
    const claimed = await right(b.claimJobs({ worker: 'worker-b', leaseMs: 60_000 }));
    expect(claimed.map((j) => j.job).sort()).toEqual([...jobs].sort());
    // Worker A comes back too late: its lease is gone, renewing it says so.
    expect(await right(a.renewLeases(jobs, { worker: 'worker-a', leaseMs: 60_000 }))).toEqual([]);
    expect(await right(b.renewLeases(jobs, { worker: 'worker-b', leaseMs: 60_000 }))).toHaveLength(3);
  });

  it('gives each job to exactly one of two workers claiming at the same moment', async () => {
    const a = postgresLedger(pool());
    const jobs = await placeJobs(a, 40, 'orderer', 0);
    const [x, y] = await Promise.all([
      right(postgresLedger(pool()).claimJobs({ worker: 'x', leaseMs: 60_000 })),
      right(postgresLedger(pool()).claimJobs({ worker: 'y', leaseMs: 60_000 })),
    ]);
    const all = [...x, ...y].map((j) => j.job);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...jobs].sort());
  });

  it('ends a job for good: nobody claims it again, and the snapshot lists it done or failed', async () => {
    const ledger = postgresLedger(pool());
    const [j1, j2, j3] = await placeJobs(ledger, 3, 'w', 0);
    await right(ledger.endJob(j1!, { _tag: 'Done', file: '/srv/out/a.pdf', bytes: 10 }));
    await right(ledger.endJob(j2!, { _tag: 'Failed', error: 'JobFailed', message: 'failed on the server' }));
    const claimed = await right(ledger.claimJobs({ worker: 'w2', leaseMs: 1_000 }));
    expect(claimed.map((j) => j.job)).toEqual([j3]);
    const snapshot = await right(ledger.snapshot());
    expect(snapshot.unfinished).toEqual([expect.objectContaining({ job: j3, leasedBy: 'w2' })]);
    expect(snapshot.done).toEqual([{ job: j1, file: '/srv/out/a.pdf' }]);
    expect(snapshot.failed).toEqual([{ job: j2, error: 'JobFailed' }]);
  });

  it('reports an order without an answer once, to one worker, after the grace of its sender ran out', async () => {
    const sender = postgresLedger(pool(), { orderingGraceMs: 300 });
    const intentions = [uuidOf(77)];
    await right(sender.beginOrder({ order: uuidOf(5000), intentions, worker: 'gone' }));
    expect(await right(postgresLedger(pool()).claimUnansweredOrders('early'))).toEqual([]);
    await sleep(400);
    const reports = await Promise.all(
      [1, 2, 3].map((n) => right(postgresLedger(pool()).claimUnansweredOrders(`w${n}`))),
    );
    const all = reports.flat();
    expect(all).toEqual([
      expect.objectContaining({ order: uuidOf(5000), intentions, reason: expect.stringContaining('gone') }),
    ]);
    const snapshot = await right(sender.snapshot());
    expect(snapshot.unknownOrders.map((u) => u.order)).toEqual([uuidOf(5000)]);
  });

  it('answers with a typed LedgerFailed, never a rejection, when the database is away', async () => {
    const p = pool();
    const ledger = postgresLedger(p);
    await db.server().stop();
    try {
      const begun = await ledger.beginOrder({ order: uuidOf(9), intentions: [uuidOf(10)], worker: 'w' })();
      expect(begun).toEqual(
        E.left(
          expect.objectContaining({ _tag: 'LedgerFailed', ledger: 'postgres', operation: 'begin-order' }),
        ),
      );
      const reserved = await postgresBudgetStore(p).reserve('2026-03-29', 1, 7)();
      expect(reserved).toEqual(
        E.left(expect.objectContaining({ _tag: 'LedgerFailed', operation: 'budget' })),
      );
    } finally {
      await db.server().start();
    }
  });
});

describe('postgresBudgetStore', () => {
  it('grants exactly perDay products to 20 reservations racing from 5 pools', async () => {
    const stores = Array.from({ length: 5 }, () => postgresBudgetStore(pool()));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => right(stores[i % 5]!.reserve('2026-03-29', 1, 7))),
    );
    expect(results.filter((r) => r.granted)).toHaveLength(7);
    expect(results.filter((r) => !r.granted).every((r) => r.used === 7)).toBe(true);
    // Another day has its own budget; a release gives room back.
    expect(await right(stores[0]!.reserve('2026-03-30', 7, 7))).toEqual({ granted: true, used: 7 });
    expect(await right(stores[0]!.reserve('2026-03-29', 2, 7))).toEqual({ granted: false, used: 7 });
    await right(stores[1]!.release('2026-03-29', 2));
    expect(await right(stores[0]!.reserve('2026-03-29', 2, 7))).toEqual({ granted: true, used: 7 });
  });
});
