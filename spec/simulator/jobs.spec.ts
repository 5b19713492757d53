import { manualClock, normalizeProduct, type Product } from '../../src/simulator';
import { createJobStore, type NewJob } from '../../src/simulator/jobs';

const product = (overrides: Partial<Parameters<typeof normalizeProduct>[0]> = {}): Product =>
  normalizeProduct({
    slug: 'p',
    name: 'P',
    steps: 5,
    stepMs: [1_000, 4_000],
    queueMs: [200, 1_000],
    ...overrides,
  });

const newJob = (p: Product, now: number, askUser = false): NewJob => ({
  account: 'demo',
  product: p,
  intention: '00000000-0000-4000-8000-000000000001',
  location: '00000000-0000-4000-8000-000000000002',
  planId: null,
  askUser,
  now,
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createJobStore', () => {
  it('precomputes a schedule and derives status from the clock, one step at a time', () => {
    const clock = manualClock();
    const store = createJobStore(1, clock);
    const job = store.create(newJob(product(), clock.now()));
    expect(job.uuid).toMatch(UUID_V4);
    expect(job.total).toBe(5);
    expect(job.stepDurations).toHaveLength(5);
    for (const d of job.stepDurations) {
      expect(d).toBeGreaterThanOrEqual(1_000);
      expect(d).toBeLessThanOrEqual(4_000);
    }
    expect(job.startedAt - job.createdAt).toBeGreaterThanOrEqual(200);
    expect(job.status()).toEqual({ uuid: job.uuid, status: 'initial', progress: { current: 0, total: 5 } });

    clock.set(job.startedAt);
    const seen = [job.status().progress.current];
    let t = job.startedAt;
    for (const d of job.stepDurations) {
      expect(job.status(t + d - 1).status).toBe('in_progress');
      t += d;
      seen.push(job.status(t).progress.current);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(job.finishedAt).toBe(t);
    expect(job.endStatus).toBe('finished');
    expect(job.status(t)).toEqual({ uuid: job.uuid, status: 'finished', progress: { current: 5, total: 5 } });
    expect(job.status(t - 1).status).toBe('in_progress');
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const make = (seed: number) => {
      const store = createJobStore(seed, manualClock());
      return [0, 1, 2].map(() => store.create(newJob(product({ steps: [2, 9] }), 0)));
    };
    const a = make(7);
    const b = make(7);
    const c = make(8);
    expect(a.map((j) => [j.uuid, j.total, j.stepDurations])).toEqual(
      b.map((j) => [j.uuid, j.total, j.stepDurations]),
    );
    expect(a.map((j) => j.uuid)).not.toEqual(c.map((j) => j.uuid));
    expect(new Set(a.map((j) => j.uuid)).size).toBe(3);
  });

  it('ends a job of an always-failing product in error at its failing step', () => {
    const clock = manualClock();
    const job = createJobStore(1, clock).create(newJob(product({ errorRate: 1 }), clock.now()));
    expect(job.errorAtStep).not.toBeNull();
    expect(job.endStatus).toBe('error');
    const status = job.status(job.finishedAt);
    expect(status.status).toBe('error');
    expect(status.progress.current).toBe(job.errorAtStep! - 1);
    expect(job.status(job.finishedAt - 1).status).toBe('in_progress');
  });

  it('stops a KIK job at waiting for user until a choice resumes it', () => {
    const clock = manualClock();
    const store = createJobStore(1, clock);
    const job = store.create(newJob(product(), clock.now(), true));
    expect(job.waitsForUser).toBe(true);
    expect(job.endStatus).toBe('waiting for user');
    expect(job.finishedAt).toBe(job.waitingAt);
    expect(store.select(job.uuid, [1], job.waitingAt! - 1)).toBe(false);

    const later = job.waitingAt! + 60_000;
    expect(job.status(later)).toMatchObject({
      status: 'waiting for user',
      progress: { current: 1, total: 5 },
    });
    expect(store.select(job.uuid, [2], later)).toBe(true);
    expect(job.selection).toEqual([2]);
    expect(job.selectedAt).toBe(later);
    expect(job.endStatus).toBe('finished');
    const rest = job.stepDurations.slice(1).reduce((a, b) => a + b, 0);
    expect(job.finishedAt).toBe(later + rest);
    expect(job.status(later).status).toBe('in_progress');
    expect(job.status(job.finishedAt).status).toBe('finished');
    expect(store.select(job.uuid, [1], job.finishedAt)).toBe(false);
  });

  it('creates and answers 10,000 jobs quickly, with unique uuids and no timers', () => {
    const clock = manualClock();
    const store = createJobStore('bench', clock);
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) store.create(newJob(product({ steps: [2, 10] }), clock.now()));
    clock.advance(30_000);
    const statuses = store.list().map((j) => j.status().status);
    const elapsed = performance.now() - started;
    expect(store.size).toBe(10_000);
    expect(new Set(store.list().map((j) => j.uuid)).size).toBe(10_000);
    expect(statuses).toContain('finished');
    expect(elapsed).toBeLessThan(2_000);
  });
});
