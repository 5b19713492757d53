import { defaultPlannerConfig, defaultPollingPolicy } from '../../src/polling';
import { WORKLOAD_SEED } from '../../bench/workload';
import { catalogueJobs, simulateClient } from './simulateClient';

/*
 * The planner with the policy, as one client following N jobs of the bench's workload, in pure code (zero
 * network time). bench/ measures the same over HTTP; this spec keeps the planner from regressing between
 * bench runs. Anchors from the bench (docs/benchmarks.md): smithy's waiter sends 4.6-4.9 requests per job
 * at every N; a fixed 1 s loop notices a finish within 0.95 s at the 95th percentile.
 */
const run = (n: number, repetitions: number) => {
  let requests = 0;
  const delays: number[] = [];
  for (let rep = 0; rep < repetitions; rep++) {
    const score = simulateClient(
      catalogueJobs(n, WORKLOAD_SEED + rep),
      defaultPollingPolicy,
      defaultPlannerConfig,
      1 + rep,
    );
    requests += score.requests;
    delays.push(...score.delaysMs);
  }
  delays.sort((x, y) => x - y);
  return {
    requestsPerJob: requests / (n * repetitions),
    p95: delays[Math.ceil(0.95 * delays.length) - 1]!,
    max: delays[delays.length - 1]!,
  };
};

describe('one client, the bench workload (simulated)', () => {
  it('a job followed alone is planned with precisionMs: its own plan, nothing shared', () => {
    const alone = run(1, 20);
    expect(alone.requestsPerJob).toBeLessThan(4.6);
    expect(alone.p95).toBeGreaterThan(0.8 * defaultPollingPolicy.precisionMs);
    expect(alone.max).toBeLessThan(2_000);
  });

  it.each([
    [10, 10, 4.8],
    [100, 3, 1.5],
  ])('N=%i: p95 within 0.5 s, max under 2 s, for fewer requests than smithy', (n, repetitions, cap) => {
    const shared = run(n, repetitions);
    expect(shared.p95).toBeLessThanOrEqual(500);
    expect(shared.max).toBeLessThan(2_000);
    expect(shared.requestsPerJob).toBeLessThan(cap);
  });

  it('N=1000: at least 20× fewer requests than smithy, p95 within 0.5 s', () => {
    const many = run(1_000, 1);
    expect(many.requestsPerJob).toBeLessThan(4.7 / 20);
    expect(many.p95).toBeLessThanOrEqual(500);
    expect(many.max).toBeLessThan(2_000);
  });
});
