/**
 * A tiny Monte Carlo bench for the pure policy: jobs with random step durations, a poller that follows
 * one job at a time, zero network latency. Used by figureOfMerit.spec.ts and for tuning the defaults.
 */
import {
  isTerminalStatus,
  nextPollAt,
  observeStatus,
  startPolling,
  type JobObservation,
  type PollingPolicy,
} from '../../src/polling';
import { mulberry32 } from '../../src/simulator/random';

/** mulberry32 (the simulator's): a seeded random source, so every run draws the same jobs. */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);

export interface SimulatedJob {
  readonly queueMs: number;
  readonly stepMs: readonly number[];
}

export type Workload = (random: () => number) => SimulatedJob;

const between = (random: () => number, min: number, max: number): number => min + (max - min) * random();
const steps = (random: () => number, n: number, min: number, max: number): number[] =>
  Array.from({ length: n }, () => between(random, min, max));

/** 2–10 steps, each drawn anew from 0.5–12 s: nothing about one step predicts the next. */
export const independentSteps: Workload = (random) => ({
  queueMs: between(random, 200, 1_000),
  stepMs: steps(random, 2 + Math.floor(random() * 9), 500, 12_000),
});

/** The simulator's catalogue: per product a step count and a range of step durations (0.5–12 s overall). */
const CATALOGUE: readonly (readonly [number, number, number])[] = [
  [5, 2_000, 6_000],
  [3, 1_000, 3_000],
  [10, 3_000, 12_000],
  [3, 1_000, 4_000],
  [2, 500, 1_500],
  [4, 1_000, 3_000],
  [4, 500, 1_500],
  [2, 1_000, 3_000],
];
export const catalogueProducts: Workload = (random) => {
  const [n, min, max] = CATALOGUE[Math.floor(random() * CATALOGUE.length)] ?? [2, 500, 1_500];
  return { queueMs: between(random, 200, 1_000), stepMs: steps(random, n, min, max) };
};

/** 2–10 steps around a per-job pace (0.5–8 s) that varies up to 4× between a job's fastest and slowest step. */
export const perJobPace: Workload = (random) => {
  const min = between(random, 500, 8_000);
  const max = Math.min(12_000, min * between(random, 1.2, 4));
  return {
    queueMs: between(random, 200, 1_000),
    stepMs: steps(random, 2 + Math.floor(random() * 9), min, max),
  };
};

const statusAt = (job: SimulatedJob, t: number): JobObservation => {
  const total = job.stepMs.length;
  if (t < job.queueMs) return { status: 'initial', current: 0, total };
  let end = job.queueMs;
  for (let i = 0; i < total; i++) {
    end += job.stepMs[i] ?? 0;
    if (t < end) return { status: 'in_progress', current: i, total };
  }
  return { status: 'finished', current: total, total };
};

const finishOf = (job: SimulatedJob): number => job.stepMs.reduce((sum, d) => sum + d, job.queueMs);

export interface PollingScore {
  readonly requestsPerJob: number;
  readonly p50DelayMs: number;
  readonly p95DelayMs: number;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

const score = (requests: number, delays: number[]): PollingScore => {
  delays.sort((x, y) => x - y);
  return {
    requestsPerJob: requests / delays.length,
    p50DelayMs: Math.round(percentile(delays, 0.5)),
    p95DelayMs: Math.round(percentile(delays, 0.95)),
  };
};

/** Polls `jobs` jobs of a workload one by one with a strategy `(observation | undefined, t) => next t`. */
const simulate = (
  workload: Workload,
  jobs: number,
  seed: number,
  follow: () => (observation: JobObservation | undefined, t: number) => number,
): PollingScore => {
  const draw = seededRandom(seed);
  const delays: number[] = [];
  let requests = 0;
  for (let j = 0; j < jobs; j++) {
    const job = workload(draw);
    const next = follow();
    let t = next(undefined, 0);
    for (;;) {
      requests++;
      const observation = statusAt(job, t);
      if (isTerminalStatus(observation.status)) break;
      t = next(observation, t);
    }
    delays.push(t - finishOf(job));
  }
  return score(requests, delays);
};

/** Our policy. */
export const simulatePolicy = (
  policy: PollingPolicy,
  workload: Workload,
  jobs = 4_000,
  seed = 1,
): PollingScore => {
  const jitter = seededRandom(seed + 1);
  return simulate(workload, jobs, seed, () => {
    let state = startPolling(0, { fresh: true });
    return (observation, t) => {
      if (observation !== undefined) state = observeStatus(state, observation, t);
      return nextPollAt(state, policy, jitter);
    };
  });
};

/** A fixed interval, first poll one interval after the order (@azure/core-lro's default is 2 s). */
export const simulateFixedInterval = (intervalMs: number, workload: Workload, jobs = 4_000, seed = 1) =>
  simulate(workload, jobs, seed, () => (_observation, t) => t + intervalMs);

/**
 * @smithy/util-waiter with its defaults (minDelay 2 s, maxDelay 120 s): a check at once, then before
 * attempt n a delay drawn from [2 s, min(120 s, 2 s × 2^(n-1))].
 */
export const simulateSmithyWaiter = (workload: Workload, jobs = 4_000, seed = 1) => {
  const jitter = seededRandom(seed + 1);
  const [minMs, maxMs] = [2_000, 120_000];
  const ceiling = Math.log2(maxMs / minMs) + 1;
  return simulate(workload, jobs, seed, () => {
    let attempt = 0;
    return (observation, t) => {
      if (observation === undefined) return 0;
      attempt++;
      const delay =
        attempt > ceiling ? maxMs : minMs + jitter() * (Math.min(maxMs, minMs * 2 ** (attempt - 1)) - minMs);
      return t + delay;
    };
  });
};
