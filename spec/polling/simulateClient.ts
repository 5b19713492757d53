/**
 * A whole client in pure code: N jobs with the simulator's own job futures, the policy and the batch
 * planner, zero network time. What bench/ measures over HTTP, in milliseconds of CPU, for specs and for
 * tuning the planner's defaults.
 */
import { PRODUCT_MIX } from '../../bench/workload';
import {
  finishWindow,
  isTerminalStatus,
  nextPollAt,
  nextWakeAt,
  observeStatus,
  planTick,
  sharedPrecision,
  startPlanner,
  startPolling,
  type FinishWindow,
  type PlannerConfig,
  type PollingPolicy,
  type PollState,
} from '../../src/polling';
import { createJobStore, type SimJob } from '../../src/simulator/jobs';
import { defaultProducts, normalizeProduct, type ProductSpec } from '../../src/simulator/products';
import { mulberry32 } from '../../src/simulator/random';

/** N jobs as the bench orders them (the same draw as bench/workload.ts), all created at 0. */
export const catalogueJobs = (
  n: number,
  seed: number,
  products: readonly ProductSpec[] = defaultProducts,
  mix = PRODUCT_MIX,
): SimJob[] => {
  const store = createJobStore(seed, { now: () => 0 });
  const bySlug = new Map(products.map((p) => [p.slug, normalizeProduct(p)]));
  const total = mix.reduce((sum, p) => sum + p.weight, 0);
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    let r = random() * total;
    const pick = mix.find((p) => (r -= p.weight) < 0) ?? mix[0]!;
    const product = bySlug.get(pick.slug)!;
    return store.create({
      account: 'a',
      product,
      intention: 'i',
      location: 'l',
      planId: null,
      askUser: false,
      now: 0,
    });
  });
};

export interface ClientScore {
  readonly requests: number;
  readonly delaysMs: number[];
}

interface Tracked {
  job: string;
  state: PollState;
  dueAt: number;
  notBefore: number;
  window?: FinishWindow;
  deadlineAt: number;
  inFlight: boolean;
}

/** Follows every job to its end with one client; returns the requests sent and each job's detection delay. */
export const simulateClient = (
  futures: readonly SimJob[],
  policy: PollingPolicy,
  config: PlannerConfig,
  jitterSeed = 1,
): ClientScore => {
  const random = mulberry32(jitterSeed);
  const byUuid = new Map(futures.map((f) => [f.uuid, f]));
  const tracked = new Map<string, Tracked>();
  let planner = startPlanner();
  const plan = (t: Tracked): void => {
    const p = { ...policy, precisionMs: sharedPrecision(planner, policy) };
    t.dueAt = nextPollAt(t.state, p, random);
    const w = finishWindow(t.state, p);
    if (w === undefined) delete t.window;
    else t.window = w;
  };
  for (const f of futures) {
    const t: Tracked = {
      job: f.uuid,
      state: startPolling(0, { fresh: true }),
      dueAt: 0,
      notBefore: 0,
      deadlineAt: Infinity,
      inFlight: false,
    };
    plan(t);
    tracked.set(f.uuid, t);
  }
  let now = 0;
  let requests = 0;
  const delaysMs: number[] = [];
  for (let guard = 0; tracked.size > 0 && guard < 1_000_000; guard++) {
    const tick = planTick([...tracked.values()], planner, config, now);
    planner = tick.state;
    for (const request of tick.requests) {
      requests++;
      for (const uuid of request) {
        const t = tracked.get(uuid)!;
        const f = byUuid.get(uuid)!;
        const status = f.status(now);
        const { current, total } = status.progress;
        t.state = observeStatus(t.state, { status: status.status, current, total }, now);
        if (isTerminalStatus(status.status)) {
          delaysMs.push(now - f.finishedAt);
          tracked.delete(uuid);
        } else plan(t);
      }
    }
    const wake = nextWakeAt(tracked.values(), planner, config, now);
    if (wake === Infinity) break;
    now = wake;
  }
  return { requests, delaysMs };
};
