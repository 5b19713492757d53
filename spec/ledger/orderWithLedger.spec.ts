import * as E from 'fp-ts/lib/Either.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { filter, lastValueFrom, take, toArray, type Observable } from 'rxjs';
import { Ledger } from '../../src/cli/Ledger';
import { createPlanviewer, type Planviewer, type PlanviewerOptions } from '../../src/client/createPlanviewer';
import type { PlanviewerError } from '../../src/errors/PlanviewerError';
import type { JobEvent } from '../../src/jobs/JobEvent';
import type { JobLedger } from '../../src/ledger';
import { fileLedger, LEDGER_FILE } from '../../src/ledger/file';
import { jobLedger, memoryBudgetStore } from '../../src/ledgerAdapters';
import {
  sampleAddress,
  scaledClock,
  startSimulator,
  type ScaledClock,
  type Simulator,
} from '../../src/simulator';
import { scaledScheduler } from '../helpers/scaledScheduler';

type Event = E.Either<PlanviewerError, JobEvent>;

let sim: Simulator;
let clock: ScaledClock;
let dir: string;

beforeEach(async () => {
  clock = scaledClock(100);
  sim = await startSimulator({ clock, seed: 3 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-ledger-'));
});
afterEach(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const client = (options: Partial<PlanviewerOptions> = {}): Planviewer =>
  createPlanviewer({
    credentials: { key: 'demo', secret: 'demo-secret' },
    baseUrl: sim.url,
    scheduler: scaledScheduler(clock),
    ...options,
  });

const intentions = (n: number): string[] =>
  sim.catalogue
    .intentionsAt(sampleAddress.uuid, [
      'bestemmingsplanrapport',
      'vraagprijsrapport',
      'bestemmingsplankaart',
      'maatvoering-perceel',
    ])
    .slice(0, n)
    .map((i) => i.uuid);

const all = (stream: Observable<Event>): Promise<Event[]> => lastValueFrom(stream.pipe(toArray()));
const tags = (events: readonly Event[]): string[] =>
  events.map((e) => (E.isLeft(e) ? e.left._tag : e.right._tag));
const lines = (): Array<{ type: string }> =>
  fs
    .readFileSync(path.join(dir, LEDGER_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string });

describe('order$ with a ledger', () => {
  it('records the order before the POST, its jobs right after the answer (before Ordered), and each job end after its Result', async () => {
    const seen: string[] = [];
    const file = fileLedger(dir);
    const ledger: JobLedger = {
      ...file,
      beginOrder: (r) => () => {
        seen.push(`begin (POSTs so far: ${sim.requests.count('jobs/order')})`);
        return file.beginOrder(r)();
      },
      answerOrder: (o, a, l) => () => {
        seen.push(`answer (POSTs so far: ${sim.requests.count('jobs/order')})`);
        return file.answerOrder(o, a, l)();
      },
    };
    const events = await all(client().order$(intentions(2), { ledger, labels: { x: 'label' } }));
    const first = events.findIndex((e) => E.isRight(e) && e.right._tag === 'Ordered');
    seen.push(`first event: ${tags(events)[first]}`);

    expect(seen).toEqual(['begin (POSTs so far: 0)', 'answer (POSTs so far: 1)', 'first event: Ordered']);
    expect(tags(events).filter((t) => t === 'Result')).toHaveLength(2);
    expect(lines().map((l) => l.type)).toEqual(['ordering', 'ordered', 'ordered', 'job-done', 'job-done']);
    // The CLI reads it the same way: nothing pending, nothing to check.
    expect(new Ledger(dir).state().needsCheck).toEqual([]);
  });

  it('sends nothing when the ledger cannot record the order: one LedgerFailed Left naming the intentions', async () => {
    fs.writeFileSync(path.join(dir, 'blocked'), 'a file where the ledger folder should be');
    const wanted = intentions(1);
    const events = await all(client().order$(wanted, { ledger: fileLedger(path.join(dir, 'blocked')) }));
    expect(events).toEqual([
      E.left(expect.objectContaining({ _tag: 'LedgerFailed', operation: 'begin-order', intentions: wanted })),
    ]);
    expect(sim.requests.count('jobs/order')).toBe(0);
  });

  it('gives the leases back on unsubscribe; resume$ in the same process finishes the jobs, each downloaded once', async () => {
    const ledger = fileLedger(dir);
    const pv = client();
    const ordered = await all(
      pv.order$(intentions(2), { ledger }).pipe(
        filter((e) => E.isRight(e) && e.right._tag === 'Ordered'),
        take(2),
      ),
    );
    const jobs = ordered.flatMap((e) => (E.isRight(e) ? [e.right.job] : []));
    const resumed = await all(pv.resume$(ledger));
    expect(tags(resumed).filter((t) => t !== 'Progress' && t !== 'Downloading')).toEqual([
      'Result',
      'Result',
    ]);
    for (const job of jobs)
      expect(
        sim.requests.entries({ route: 'jobs/retrieve', status: 200 }).filter((e) => e.uuids.includes(job)),
      ).toHaveLength(1);
    expect(sim.requests.count('jobs/order')).toBe(1);
    // Nothing left: a second resume$ completes at once.
    expect(await all(pv.resume$(ledger))).toEqual([]);
  });
});

describe('your own ledger adapter', () => {
  it('is refused with a clear InvalidInput until it goes through jobLedger (nothing is sent), then records like ours', async () => {
    const file = fileLedger(dir);
    // A hand-written adapter, as a class (methods on its prototype, using `this`): no runtime of ours.
    class MyLedger implements JobLedger {
      readonly name = 'mine';
      private readonly inner: JobLedger = file;
      beginOrder(r: Parameters<JobLedger['beginOrder']>[0]) {
        return this.inner.beginOrder(r);
      }
      answerOrder(...a: Parameters<JobLedger['answerOrder']>) {
        return this.inner.answerOrder(...a);
      }
      endJob(...a: Parameters<JobLedger['endJob']>) {
        return this.inner.endJob(...a);
      }
      claimJobs(r: Parameters<JobLedger['claimJobs']>[0]) {
        return this.inner.claimJobs(r);
      }
      renewLeases(...a: Parameters<JobLedger['renewLeases']>) {
        return this.inner.renewLeases(...a);
      }
      releaseJobs(...a: Parameters<JobLedger['releaseJobs']>) {
        return this.inner.releaseJobs(...a);
      }
      claimUnansweredOrders(w: string) {
        return this.inner.claimUnansweredOrders(w);
      }
      snapshot() {
        return this.inner.snapshot();
      }
    }
    const mine = new MyLedger();
    const pv = client();
    const refused = expect.objectContaining({
      _tag: 'InvalidInput',
      field: 'ledger',
      reason: expect.stringContaining('jobLedger(yours)'),
    });
    expect(await all(pv.order$(intentions(1), { ledger: mine }))).toEqual([E.left(refused)]);
    expect(await all(pv.resume$(mine))).toEqual([E.left(refused)]);
    expect(sim.requests.count('jobs/order')).toBe(0);

    const events = await all(pv.order$(intentions(1), { ledger: jobLedger(mine), download: false }));
    expect(tags(events)).toContain('Finished');
    expect(lines().map((l) => l.type)).toEqual(['ordering', 'ordered', 'job-done']);
  });
});

describe('resume$', () => {
  it('turns an order recorded without an answer into one OrderOutcomeUnknown naming what to check, and never sends it', async () => {
    const [intention] = intentions(1);
    new Ledger(dir).append({ type: 'ordering', order: 'o-crashed', intentions: [intention!] });
    const pv = client();
    const first = await all(pv.resume$(fileLedger(dir)));
    expect(first).toEqual([
      E.left(
        expect.objectContaining({
          _tag: 'OrderOutcomeUnknown',
          intentions: [intention],
          reason: expect.stringMatching(/ledger order o-crashed was about to be sent at .*dashboard/),
        }),
      ),
    ]);
    expect(await all(pv.resume$(fileLedger(dir)))).toEqual([]);
    expect(sim.requests.count('jobs/order')).toBe(0);
  });

  it('refuses something that is not a ledger', async () => {
    const events = await all(client().resume$({} as JobLedger));
    expect(events).toEqual([E.left(expect.objectContaining({ _tag: 'InvalidInput', field: 'ledger' }))]);
  });
});

describe('orderBudget in one process', () => {
  it('stops an order that would pass perDay before anything is sent, and counts products, not orders', async () => {
    const pv = client({ orderBudget: { perDay: 2, store: memoryBudgetStore() } });
    const [a, b, c] = intentions(3);
    expect(tags(await all(pv.order$([a!], { download: false })))).toContain('Finished');
    const refused = await all(pv.order$([b!, c!], { download: false }));
    expect(refused).toEqual([
      E.left(
        expect.objectContaining({ _tag: 'OrderBudgetExhausted', intentions: [b, c], perDay: 2, used: 1 }),
      ),
    ]);
    expect(sim.requests.count('jobs/order')).toBe(1);
    expect(tags(await all(pv.order$([b!], { download: false })))[0]).toBe('Ordered');
    expect(sim.requests.count('jobs/order')).toBe(2);
  });

  it('gives the reservation back when the server proves it placed nothing (402)', async () => {
    const pv = client({
      credentials: { key: 'no-payment', secret: 'no-payment-secret' },
      orderBudget: { perDay: 1, store: memoryBudgetStore() },
    });
    const [a] = intentions(1);
    expect(tags(await all(pv.order$([a!])))).toEqual(['PaymentRequired']);
    expect(tags(await all(pv.order$([a!])))).toEqual(['PaymentRequired']);
    expect(sim.requests.count('jobs/order')).toBe(2);
  });
});
