import { DEFAULT_CLOCK_START, startSimulator, type Simulator } from '../src/simulator';
import { countingFetch } from './countingFetch';
import { collectGarbage, heapUsed, runningMax, spread, type Spread } from './measures';
import { seededRandom, seedMathRandom } from './random';
import type { Strategy } from './strategies/Strategy';
import { installVirtualTime } from './virtualTime';
import { WORKLOAD_SEED, WORKLOADS, workloadIntentions, workloadOrders, type Workload } from './workload';

/** The bench account: cap 10⁹, so no strategy ever meets the daily cap. */
export const BENCH_KEY = 'bench';
/** Its secret (a built-in simulator account, not a real credential). */
export const BENCH_SECRET = 'bench-secret';

/** One strategy at one N, over its repetitions. Times are simulated ms unless the name says wall. */
export interface PollingRecord {
  readonly kind: 'polling';
  readonly strategy: string;
  readonly label: string;
  readonly n: number;
  /** Runs of N jobs, each with its own workload seed (the same seeds for every strategy). */
  readonly repetitions: number;
  /** `GET /jobs/status` requests the simulator received, over all repetitions. */
  readonly statusRequests: number;
  readonly requestsPerJob: number;
  /** Noticed − finishedAt on the server, over every job of every repetition. */
  readonly detectionMs: Spread;
  /** Simulated time from the order to the last job noticed (longest repetition). */
  readonly simulatedMs: number;
  /** Status requests per job per simulated second of that job's life (order → noticed). */
  readonly requestsPerJobSecond: number;
  /** Wall time of all repetitions together. */
  readonly wallMs: number;
  /** Peak heap during the run minus the heap (after gc) before it; includes the in-process simulator. */
  readonly peakHeapDeltaBytes: number;
  /** Most virtual timers alive at once, sampled at every idle point (nothing in flight). */
  readonly timersAlivePeak: number;
  /** Distinct virtual instants the driver stepped through. */
  readonly steps: number;
  /** Σ (finishedAt − createdAt) over the jobs: equal across strategies iff they saw the same workload. */
  readonly workloadFingerprint: number;
  /** Jobs noticed more than {@link LATE_MS} after they finished, and why (when the request log was kept). */
  readonly late: LateJobs;
}

/** "Late" is later than a 2 s poller can ever be. */
export const LATE_MS = 2_000;

/** The late jobs of a run. */
export interface LateJobs {
  readonly count: number;
  /**
   * Of those, how many the strategy last saw, before they finished, without any progress yet (`initial` or
   * step 0): its wait was decided before the job had shown its pace. Null when the log was not kept.
   */
  readonly lastSeenWithoutProgress: number | null;
}

/** One run: its record (repetitions 1) and the per-job delays, for pooling repetitions. */
export interface PollingRun {
  readonly record: PollingRecord;
  readonly delaysMs: readonly number[];
  /** Σ over jobs of (noticed − order time). */
  readonly jobLifeMs: number;
  /** Each job's finish, ms after the orders (for the oracle). */
  readonly finishesMs: readonly number[];
}

/** Extra hooks for a run (the scale run uses them). */
export interface RunHooks {
  /** Seeds the product draw and the simulator (job futures). @default WORKLOAD_SEED */
  readonly workloadSeed?: number;
  /** Called at every idle point with the virtual now and the steps taken so far (0: all orders placed). */
  readonly onIdle?: (now: number, steps: number) => void;
  /** Called once every job was noticed, before the simulator closes (its jobs and log still in memory). */
  readonly onDone?: (sim: Simulator) => void;
  /** Bounds the simulator's request log (the scale run, whose heap it would skew); unbounded by default. */
  readonly maxLogEntries?: number;
  /** Seed of the jitter; the same for every strategy. @default 1 */
  readonly jitterSeed?: number;
  /** The step model. @default WORKLOADS.catalogue */
  readonly workload?: Workload;
}

/**
 * Counts the late jobs and, from the simulator's request log, what the strategy had seen of each before
 * it finished: the last status request naming the job before `finishedAt`, and the job's progress then.
 */
const lateJobs = (sim: Simulator, noticedAt: ReadonlyMap<string, number>, logKept: boolean): LateJobs => {
  const late = sim.jobs.list().filter((j) => (noticedAt.get(j.uuid) ?? Infinity) - j.finishedAt > LATE_MS);
  if (!logKept) return { count: late.length, lastSeenWithoutProgress: null };
  const lastPollBefore = new Map<string, number>();
  const lateUuids = new Set(late.map((j) => j.uuid));
  for (const entry of sim.requests.entries('jobs/status'))
    for (const uuid of entry.uuids) {
      const job = lateUuids.has(uuid) ? sim.jobs.get(uuid) : undefined;
      if (job !== undefined && entry.time < job.finishedAt) lastPollBefore.set(uuid, entry.time);
    }
  const withoutProgress = late.filter((j) => {
    const at = lastPollBefore.get(j.uuid);
    return at === undefined || j.status(at).progress.current === 0;
  });
  return { count: late.length, lastSeenWithoutProgress: withoutProgress.length };
};

/**
 * Runs one strategy over N jobs on a fresh simulator, in virtual time, and measures it.
 *
 * @example
 * const { record } = await runPolling(fixedInterval, 100);
 * record.detectionMs.mean; // ≈ 500
 */
export const runPolling = async (
  strategy: Strategy,
  n: number,
  hooks: RunHooks = {},
): Promise<PollingRun> => {
  const workloadSeed = hooks.workloadSeed ?? WORKLOAD_SEED;
  collectGarbage();
  const heapBefore = heapUsed();
  const restoreRandom = seedMathRandom(hooks.jitterSeed ?? 1);
  const time = installVirtualTime(DEFAULT_CLOCK_START);
  // Bounded log: counts stay exact, and a 10,000-job run does not keep every entry alive.
  const workload = hooks.workload ?? WORKLOADS.catalogue;
  const sim = await startSimulator({
    clock: time.clock,
    seed: workloadSeed,
    products: workload.products,
    ...(hooks.maxLogEntries === undefined ? {} : { maxLogEntries: hooks.maxLogEntries }),
  });
  try {
    const net = countingFetch();
    const orders = workloadOrders(workloadIntentions(sim, n, workloadSeed, workload.mix));
    const noticedAt = new Map<string, number>();
    const start = time.now();
    // A holder, because the strategy settles it from a callback the compiler cannot follow.
    const outcome: { state: 'running' | 'done' | 'failed'; error?: unknown } = { state: 'running' };
    const peakHeap = runningMax();
    const peakTimers = runningMax();

    const wallStart = performance.now();
    strategy
      .run({
        baseUrl: sim.url,
        apiUrl: sim.apiUrl,
        key: BENCH_KEY,
        secret: BENCH_SECRET,
        fetch: net.fetch,
        orders,
        random: seededRandom(hooks.jitterSeed ?? 1),
        now: time.now,
        noticed: (job, _status) => {
          if (!noticedAt.has(job)) noticedAt.set(job, time.now());
        },
      })
      .then(
        () => (outcome.state = 'done'),
        (error: unknown) => Object.assign(outcome, { state: 'failed', error }),
      );
    let stepsSoFar = 0;
    const { steps } = await time.drive({
      done: () => outcome.state !== 'running',
      inFlight: net.inFlight,
      onIdle: () => {
        peakHeap.see(heapUsed());
        peakTimers.see(time.timers());
        hooks.onIdle?.(time.now(), stepsSoFar++);
      },
    });
    const wallMs = performance.now() - wallStart;
    hooks.onDone?.(sim);
    if (outcome.state === 'failed') throw outcome.error;

    const jobs = sim.jobs.list();
    if (jobs.length !== n)
      throw new Error(`${strategy.id}: ${jobs.length} jobs on the server, expected ${n}`);
    const delays: number[] = [];
    let lifeMs = 0;
    for (const job of jobs) {
      const seen = noticedAt.get(job.uuid);
      if (seen === undefined) throw new Error(`${strategy.id}: job ${job.uuid} was never noticed`);
      delays.push(seen - job.finishedAt);
      lifeMs += seen - start;
    }
    const statusRequests = sim.requests.count('jobs/status');
    const record: PollingRecord = {
      kind: 'polling',
      strategy: strategy.id,
      label: strategy.label,
      n,
      repetitions: 1,
      statusRequests,
      requestsPerJob: statusRequests / n,
      detectionMs: spread(delays),
      simulatedMs: Math.max(...[...noticedAt.values()]) - start,
      requestsPerJobSecond: statusRequests / (lifeMs / 1_000),
      wallMs,
      peakHeapDeltaBytes: Math.max(0, peakHeap.value() - heapBefore),
      timersAlivePeak: peakTimers.value(),
      steps,
      workloadFingerprint: jobs.reduce((sum, j) => sum + (j.finishedAt - j.createdAt), 0),
      late: lateJobs(sim, noticedAt, hooks.maxLogEntries === undefined),
    };
    return {
      record,
      delaysMs: delays,
      jobLifeMs: lifeMs,
      finishesMs: jobs.map((j) => j.finishedAt - start),
    };
  } finally {
    await sim.close();
    time.uninstall();
    restoreRandom();
  }
};

/**
 * Runs a strategy `repetitions` times over N jobs (workload seeds WORKLOAD_SEED, +1, …) and pools them:
 * requests and wall time add up, detection delays are pooled over every job, peaks are the highest.
 * A single job is one draw from the product mix; repeating small N is what makes its figures mean something.
 *
 * @example
 * const record = await runRepeated(smithyWaiter, 1, 50);
 */
export const runRepeated = async (
  strategy: Strategy,
  n: number,
  repetitions: number,
  options: { readonly seed?: number; readonly workload?: Workload } = {},
): Promise<PollingRecord & { readonly finishesMs: readonly (readonly number[])[] }> => {
  const runs: PollingRun[] = [];
  const seed = options.seed ?? WORKLOAD_SEED;
  for (let rep = 0; rep < repetitions; rep++)
    runs.push(
      await runPolling(strategy, n, {
        workloadSeed: seed + rep,
        jitterSeed: 1 + rep,
        ...(options.workload === undefined ? {} : { workload: options.workload }),
      }),
    );
  const sum = (f: (r: PollingRecord) => number): number => runs.reduce((t, r) => t + f(r.record), 0);
  const max = (f: (r: PollingRecord) => number): number => Math.max(...runs.map((r) => f(r.record)));
  const statusRequests = sum((r) => r.statusRequests);
  return {
    kind: 'polling',
    strategy: strategy.id,
    label: strategy.label,
    n,
    repetitions,
    statusRequests,
    requestsPerJob: statusRequests / (n * repetitions),
    detectionMs: spread(runs.flatMap((r) => r.delaysMs)),
    simulatedMs: max((r) => r.simulatedMs),
    requestsPerJobSecond: statusRequests / (runs.reduce((t, r) => t + r.jobLifeMs, 0) / 1_000),
    wallMs: sum((r) => r.wallMs),
    peakHeapDeltaBytes: max((r) => r.peakHeapDeltaBytes),
    timersAlivePeak: max((r) => r.timersAlivePeak),
    steps: sum((r) => r.steps),
    workloadFingerprint: sum((r) => r.workloadFingerprint),
    late: {
      count: sum((r) => r.late.count),
      lastSeenWithoutProgress: runs.some((r) => r.record.late.lastSeenWithoutProgress === null)
        ? null
        : sum((r) => r.late.lastSeenWithoutProgress ?? 0),
    },
    finishesMs: runs.map((r) => r.finishesMs),
  };
};
