import * as E from 'fp-ts/lib/Either.js';
import { firstValueFrom, lastValueFrom, merge, retry, toArray } from 'rxjs';
import { createPlanviewer, type Planviewer } from '../../src/client/createPlanviewer';
import type { FetchLike } from '../../src/config/FetchLike';
import type { PlanviewerError } from '../../src/errors/PlanviewerError';
import type { JobEvent, Result } from '../../src/jobs/JobEvent';
import { throwOnLeft } from '../../src/operators';
import {
  kikAddress,
  locations,
  sampleAddress,
  scaledClock,
  startSimulator,
  type ScaledClock,
  type Simulator,
} from '../../src/simulator';
import { fetchImplementations } from '../helpers/fixtures';
import { scaledScheduler } from '../helpers/scaledScheduler';

/** Simulated seconds per real second: the longest job here (~75 simulated s) takes under 1 s. */
const SPEED = 100;

const PRODUCTS = [
  'bestemmingsplanrapport',
  'bestemmingsplankaart',
  'vraagprijsrapport',
  'maatvoering-perceel',
  'test-example-product',
];

const ADDRESSES = locations.filter((l) => l.kind === 'adres').map((l) => l.uuid);

type Event = E.Either<PlanviewerError, JobEvent>;

const clientOf =
  (sim: Simulator, clock: ScaledClock, fetch: FetchLike) =>
  (key = 'bench', secret = 'bench-secret'): Planviewer =>
    createPlanviewer({
      credentials: { key, secret },
      baseUrl: sim.url,
      fetch,
      scheduler: scaledScheduler(clock),
    });

const resultsOf = (events: readonly Event[]): Result[] =>
  events.flatMap((e) => (E.isRight(e) && e.right._tag === 'Result' ? [e.right] : []));
const leftsOf = (events: readonly Event[]): PlanviewerError[] =>
  events.flatMap((e) => (E.isLeft(e) ? [e.left] : []));

const headerOf = async (blob: Blob): Promise<string> =>
  Buffer.from(await blob.slice(0, 5).arrayBuffer()).toString('latin1');

describe.each(fetchImplementations)('order$ against the simulator over loopback HTTP (%s)', (_, fetch) => {
  let sim: Simulator;
  let clock: ScaledClock;
  beforeEach(async () => {
    clock = scaledClock(SPEED);
    sim = await startSimulator({ clock, seed: 7 });
  });
  afterEach(() => sim.close());

  it('20 jobs from 4 merged orders all complete with valid PDFs, one POST per order$, batched polling', async () => {
    const intentions = ADDRESSES.flatMap((location) =>
      sim.catalogue.intentionsAt(location, PRODUCTS).map((i) => i.uuid),
    ).slice(0, 20);
    expect(intentions).toHaveLength(20);
    const pv = clientOf(sim, clock, fetch)();

    const batches = [0, 5, 10, 15].map((from) => intentions.slice(from, from + 5));
    const events = await lastValueFrom(merge(...batches.map((b) => pv.order$(b))).pipe(toArray()));

    expect(leftsOf(events)).toEqual([]);
    const results = resultsOf(events);
    expect(results.map((r) => r.intention).sort()).toEqual([...intentions].sort());
    for (const { job, file } of results) {
      expect(file.blob).toBeInstanceOf(globalThis.Blob);
      expect(await headerOf(file.blob)).toBe('%PDF-');
      expect(file.blob.size).toBe(file.size);
      expect(file.contentType).toBe('application/pdf');
      expect(file.filename).toMatch(/\.pdf$/);
      // The server finished it before the client said so, and the client said so within a few seconds.
      const finishedAt = sim.jobs.get(job)?.finishedAt;
      expect(finishedAt).toBeDefined();
    }
    // Every Ordered event comes before any other event of its job.
    const seen = new Set<string>();
    for (const e of events) {
      if (E.isLeft(e)) continue;
      if (e.right._tag === 'Ordered') seen.add(e.right.job);
      else expect(seen.has(e.right.job)).toBe(true);
    }
    expect(sim.requests.count('jobs/order')).toBe(4);
    expect(sim.requests.count('jobs/retrieve')).toBe(20);
    // One shared poller: requests carry many jobs, and the planner spends part of what batching saves on
    // precision (docs/polling.md), so the run costs under two status requests per job (measured: 21–25 for
    // these 20; 9–13 before the planner), where a poller per job sends several per job (the bench: 4.8).
    const statusRequests = sim.requests.entries().filter((r) => r.route === 'jobs/status');
    expect(statusRequests.length).toBeLessThan(40);
    const jobsPerRequest = statusRequests.map((r) => r.uuids.length);
    expect(Math.max(...jobsPerRequest)).toBeGreaterThan(1);
    expect(jobsPerRequest.reduce((sum, n) => sum + n, 0) / jobsPerRequest.length).toBeGreaterThan(2);
    expect(pv.followedJobs()).toBe(0);
  });

  it('retry(3) around order$ with throwOnLeft re-subscribes to the same order: still one POST', async () => {
    const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-failing-product']);
    const pv = clientOf(sim, clock, fetch)();
    const stream = pv.order$([intention!.uuid]).pipe(throwOnLeft(), retry(3));
    await expect(lastValueFrom(stream)).rejects.toMatchObject({ name: 'JobFailed' });
    expect(sim.requests.count('jobs/order')).toBe(1);
    expect(sim.jobs.size).toBe(1);
  });

  it('an order whose response is lost is one OrderOutcomeUnknown naming the intentions, never re-sent', async () => {
    const intentions = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-example-product']);
    sim.faults.add({ route: 'jobs/order', fault: { kind: 'resetAfterWork' } });
    const pv = clientOf(sim, clock, fetch)();
    const events = await lastValueFrom(pv.order$(intentions.map((i) => i.uuid)).pipe(toArray()));
    expect(events).toHaveLength(1);
    expect(leftsOf(events)[0]).toMatchObject({
      _tag: 'OrderOutcomeUnknown',
      intentions: intentions.map((i) => i.uuid),
    });
    expect(sim.requests.count('jobs/order')).toBe(1);
    expect(sim.jobs.size).toBe(1); // it WAS placed: that is why it must not be sent again
  });

  it('waits for the user at a two-lot address, answers through onWaitingForUser, then finishes', async () => {
    const [intention] = sim.catalogue.intentionsAt(kikAddress.uuid, ['eigendomsinformatie']);
    const pv = clientOf(sim, clock, fetch)('demo', 'demo-secret');
    const asked: string[][] = [];
    const events = await lastValueFrom(
      pv
        .order$([intention!.uuid], {
          onWaitingForUser: (w) => {
            asked.push(w.choices.map((c) => c.label));
            return [w.choices[1]!.index];
          },
        })
        .pipe(toArray()),
    );
    expect(leftsOf(events)).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(2);
    const [result] = resultsOf(events);
    expect(await headerOf(result!.file.blob)).toBe('%PDF-');
    const job = sim.jobs.get(result!.job)!;
    expect(job.selectedAt).not.toBeNull();
    expect(job.selection).toEqual([2]);
    expect(sim.requests.count('kik/select')).toBe(1);
  });

  it('job$ follows a job ordered by someone else, without ordering', async () => {
    const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['maatvoering-perceel']);
    const ordered = await clientOf(sim, clock, fetch)('demo', 'demo-secret').order([intention!.uuid])();
    const job = E.isRight(ordered) ? ordered.right[0]!.job.uuid : fail('order failed');

    const later = clientOf(sim, clock, fetch)('demo', 'demo-secret');
    const events = await firstValueFrom(later.job$(job, { download: false }).pipe(toArray()));
    expect(events.at(-1)).toEqual(E.right({ _tag: 'Finished', job }));
    expect(leftsOf(events)).toEqual([]);
    expect(sim.requests.count('jobs/order')).toBe(1);
  });
});
