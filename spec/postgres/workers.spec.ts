import * as E from 'fp-ts/lib/Either.js';
import { asyncScheduler, filter, lastValueFrom, merge, take, toArray, type Observable } from 'rxjs';
import { createPlanviewer, type Planviewer, type PlanviewerOptions } from '../../src/client/createPlanviewer';
import type { PlanviewerError } from '../../src/errors/PlanviewerError';
import type { JobEvent } from '../../src/jobs/JobEvent';
import { migratePostgres, postgresBudgetStore, postgresLedger } from '../../src/postgres';
import {
  locations,
  manualClock,
  scaledClock,
  startSimulator,
  type ScaledClock,
  type Simulator,
} from '../../src/simulator';
import { spawnScript, waitFor } from '../cli/helpers/cliProcess';
import { scaledScheduler } from '../helpers/scaledScheduler';
import { usePostgresDatabase } from './helpers/postgresServer';

// The many-workers scenarios of docs/ledgers-and-workers.md, against a real PostgreSQL server and the
// simulator over loopback HTTP, which counts every request.

type Event = E.Either<PlanviewerError, JobEvent>;

const SPEED = 100;
const PRODUCTS = [
  'bestemmingsplanrapport',
  'bestemmingsplankaart',
  'vraagprijsrapport',
  'maatvoering-perceel',
];

let sim: Simulator;
let clock: ScaledClock;
const db = usePostgresDatabase(migratePostgres);
const pool = db.pool;

beforeEach(async () => {
  clock = scaledClock(SPEED);
  sim = await startSimulator({ clock, seed: 11 });
});
afterEach(async () => {
  await sim.close();
});

const intentionsFor = (n: number): string[] => {
  const all = locations
    .filter((l) => l.kind === 'adres')
    .flatMap((l) => sim.catalogue.intentionsAt(l.uuid, PRODUCTS).map((i) => i.uuid));
  expect(all.length).toBeGreaterThanOrEqual(n);
  return all.slice(0, n);
};

/** A worker: its own client, pool and (through `seen`) record of the job uuids it asked the server about. */
const worker = (options: Partial<PlanviewerOptions> = {}) => {
  const seen = new Set<string>();
  const pv: Planviewer = createPlanviewer({
    credentials: { key: 'bench', secret: 'bench-secret' },
    baseUrl: sim.url,
    scheduler: scaledScheduler(clock),
    fetch: (input, init) => {
      for (const m of String(input).matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g))
        seen.add(m[0]);
      return globalThis.fetch(input, init);
    },
    ...options,
  });
  return { pv, seen };
};

const all = (stream: Observable<Event>): Promise<Event[]> => lastValueFrom(stream.pipe(toArray()));
const lefts = (events: readonly Event[]) => events.flatMap((e) => (E.isLeft(e) ? [e.left] : []));
const tagged = <T extends JobEvent['_tag']>(events: readonly Event[], tag: T) =>
  events.flatMap((e) =>
    E.isRight(e) && e.right._tag === tag ? [e.right as Extract<JobEvent, { _tag: T }>] : [],
  );
const downloadsOf = (job: string): number =>
  sim.requests.entries({ route: 'jobs/retrieve', status: 200 }).filter((e) => e.uuids.includes(job)).length;

it('worker A is SIGKILLed right after its answer is recorded; worker B resumes every job: 1 POST, each result downloaded once', async () => {
  const intentions = intentionsFor(3);
  const a = spawnScript('spec/postgres/helpers/orderingWorker.ts', [], {
    SIM_URL: sim.url,
    PG_URL: db.url(),
    INTENTIONS: intentions.join(','),
    LEASE_MS: '1500',
  });
  await waitFor(
    'worker A to record the answer',
    () => (a.stdout().includes('answer-recorded') ? true : undefined),
    30_000,
  );
  a.child.kill('SIGKILL');
  const ended = await a.done;
  expect(ended.signal).toBe('SIGKILL');
  expect(a.stdout()).toContain('answer-recorded {"_tag":"Right"}');
  expect(sim.requests.count('jobs/order')).toBe(1);
  const ledger = postgresLedger(pool());
  const before = await ledger.snapshot()();
  expect(E.isRight(before) && before.right.unfinished.length).toBe(3);

  // Same account as worker A (jobs are per account).
  const b = worker({ leaseMs: 1_500, credentials: { key: 'demo', secret: 'demo-secret' } });
  const events = await all(b.pv.resume$(ledger));

  expect(lefts(events)).toEqual([]);
  const results = tagged(events, 'Result');
  expect(results.map((r) => r.intention).sort()).toEqual([...intentions].sort());
  expect(sim.requests.count('jobs/order')).toBe(1);
  for (const r of results) expect(downloadsOf(r.job)).toBe(1);
  const after = await ledger.snapshot()();
  expect(E.isRight(after) && after.right.unfinished).toEqual([]);
  expect(E.isRight(after) && after.right.done.length).toBe(3);
}, 60_000);

it('two workers resume the same ledger at once: each job is followed and downloaded by exactly one', async () => {
  const intentions = intentionsFor(8);
  // Placed earlier by a worker that is gone (leases of 0 ms: free at once).
  const orderer = worker({ leaseMs: 3 });
  const ordered = await all(
    orderer.pv.order$(intentions, { ledger: postgresLedger(pool()), download: false }).pipe(
      filter((e) => E.isRight(e) && e.right._tag === 'Ordered'),
      take(intentions.length),
    ),
  );
  const jobs = tagged(ordered, 'Ordered').map((o) => o.job);
  expect(jobs).toHaveLength(8);

  const x = worker({ worker: 'x' });
  const y = worker({ worker: 'y' });
  const [xs, ys] = await Promise.all([
    // Each takes 3 jobs at a time, so both get some.
    all(x.pv.resume$(postgresLedger(pool(), { claimBatch: 3 }))),
    all(y.pv.resume$(postgresLedger(pool(), { claimBatch: 3 }))),
  ]);

  expect([...lefts(xs), ...lefts(ys)]).toEqual([]);
  const byX = tagged(xs, 'Result').map((r) => r.job);
  const byY = tagged(ys, 'Result').map((r) => r.job);
  expect([...byX, ...byY].sort()).toEqual([...jobs].sort());
  expect(byX.filter((j) => byY.includes(j))).toEqual([]);
  expect(byX.length).toBeGreaterThan(0);
  expect(byY.length).toBeGreaterThan(0);
  // Followed by one: neither worker asked the server about a job of the other.
  for (const job of byX) expect(y.seen.has(job)).toBe(false);
  for (const job of byY) expect(x.seen.has(job)).toBe(false);
  for (const job of jobs) expect(downloadsOf(job)).toBe(1);
  expect(sim.requests.count('jobs/order')).toBe(1);
}, 60_000);

it('5 workers race 15 orders against perDay: 7 on one PostgreSQL budget: exactly 7 order POSTs', async () => {
  const intentions = intentionsFor(15);
  const workers = Array.from({ length: 5 }, () =>
    worker({ orderBudget: { perDay: 7, store: postgresBudgetStore(pool()) } }),
  );
  const events = await all(
    merge(...intentions.map((i, n) => workers[n % 5]!.pv.order$([i], { download: false }))),
  );
  expect(sim.requests.count('jobs/order')).toBe(7);
  expect(tagged(events, 'Ordered')).toHaveLength(7);
  expect(tagged(events, 'Finished')).toHaveLength(7);
  const refused = lefts(events);
  expect(refused).toHaveLength(8);
  for (const e of refused)
    expect(e).toEqual(expect.objectContaining({ _tag: 'OrderBudgetExhausted', perDay: 7, used: 7 }));
}, 60_000);

it('the database goes away mid-run: no unrecorded order is sent, running jobs pause typed, nothing is lost when it returns', async () => {
  // A manual simulator clock: the jobs stay running until the test lets them finish. The client runs on
  // real time, polling often.
  await sim.close();
  const manual = manualClock();
  sim = await startSimulator({ clock: manual, seed: 11 });
  const realTime = {
    scheduler: asyncScheduler,
    polling: { initialDelayMs: 50, minDelayMs: 50, maxDelayMs: 100 },
  };
  const [i1, i2, i3] = intentionsFor(3);
  const ledger = postgresLedger(pool());
  const a = worker({ worker: 'a', leaseMs: 1_500, ...realTime });
  const running: Event[] = [];
  const firstRun = lastValueFrom(a.pv.order$([i1!, i2!], { ledger }).pipe(toArray())).then((es) =>
    running.push(...es),
  );
  await waitFor('the jobs to be recorded', () => (sim.requests.count('jobs/status') > 0 ? true : undefined));
  const jobs = await (async () => {
    const s = await ledger.snapshot()();
    return E.isRight(s) ? s.right.unfinished.map((j) => j.job) : [];
  })();
  expect(jobs).toHaveLength(2);

  await db.server().stop();
  let restarted = false;
  try {
    // An order while the database is away: one LedgerFailed Left naming it, and no POST.
    const refused = await all(a.pv.order$([i3!], { ledger }));
    expect(refused).toEqual([
      E.left(expect.objectContaining({ _tag: 'LedgerFailed', operation: 'begin-order', intentions: [i3] })),
    ]);
    expect(sim.requests.count('jobs/order')).toBe(1);

    // The running jobs pause: their leases can no longer be renewed (LedgerFailed renew-lease). (A job
    // that finished meanwhile would end with its Result, then LedgerFailed end-job.)
    await firstRun;
    for (const job of jobs) {
      const own = running.filter((e) => (E.isLeft(e) ? e.left.job : e.right.job) === job);
      expect(own[own.length - 1]).toEqual(
        E.left(expect.objectContaining({ _tag: 'LedgerFailed', operation: 'renew-lease', job })),
      );
    }
    expect(sim.requests.count({ route: 'jobs/retrieve', status: 200 })).toBe(0);

    await db.server().start();
    restarted = true;
    manual.set(Math.max(...sim.jobs.list().map((j) => j.finishedAt)) + 1);
    const b = worker({ worker: 'b', leaseMs: 1_500, ...realTime });
    const resumed = await all(b.pv.resume$(postgresLedger(pool())));
    expect(lefts(resumed)).toEqual([]);
    const delivered = new Set([...tagged(running, 'Result'), ...tagged(resumed, 'Result')].map((r) => r.job));
    expect([...delivered].sort()).toEqual([...jobs].sort()); // jobs lost: 0
    const after = await ledger.snapshot()();
    expect(E.isRight(after) && after.right.unfinished).toEqual([]);
    expect(E.isRight(after) && after.right.unknownOrders).toEqual([]);
    expect(sim.requests.count('jobs/order')).toBe(1);
    for (const job of jobs) expect(downloadsOf(job)).toBe(1);
  } finally {
    if (!restarted) await db.server().start();
  }
}, 60_000);
