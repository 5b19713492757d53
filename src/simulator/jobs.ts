/**
 * Jobs and their progress.
 *
 * A job's whole future is drawn when it is created (step count, step durations, whether and where it
 * fails) from a random stream keyed by seed + job index, and its status at any moment is computed from
 * that schedule and the clock. There is no timer per job, so 10,000 jobs cost 10,000 small objects and
 * nothing else, and a manual clock moves every job at once.
 */
import { type Product } from './products';
import { randomBetween, randomInt, seededRandom, uuidFrom } from './random';

/**
 * The five documented status strings (§5.5).
 *
 * @example
 * ```ts
 * import { JobStatusValue } from 'planviewer-rx/simulator';
 * const done: JobStatusValue = 'finished';
 * ```
 */
export type JobStatusValue = 'initial' | 'in_progress' | 'finished' | 'waiting for user' | 'error';

/**
 * One element of the `GET /jobs/status` response.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * declare const uuid: string;
 * sim.jobs.get(uuid)?.status(); // { uuid, status: 'in_progress', progress: { current: 2, total: 6 } }
 * ```
 */
export interface JobStatus {
  readonly uuid: string;
  readonly status: JobStatusValue;
  readonly progress: { readonly current: number; readonly total: number };
}

/**
 * A job as the simulator sees it, for tests and benchmarks. All times are simulated epoch ms.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const jobUuid: string;
 * import type { ManualClock } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * declare const clock: ManualClock;
 * const job = sim.jobs.get(jobUuid)!;
 * clock.set(job.finishedAt); // jump to the moment it finishes
 * job.status().status; // 'finished'
 * ```
 */
export interface SimJob {
  readonly uuid: string;
  /** Creation order within this simulator, from 0; with the seed it determines the schedule and uuid. */
  readonly index: number;
  /** Key of the account that ordered it. */
  readonly account: string;
  /** Product slug. */
  readonly product: string;
  /** Intention uuid (for a `brondocument` job: the document identificatie). */
  readonly intention: string;
  /** Location uuid. */
  readonly location: string;
  readonly planId: string | null;
  readonly createdAt: number;
  /** When it leaves `initial` and step 1 begins. */
  readonly startedAt: number;
  /** `progress.total`. */
  readonly total: number;
  readonly stepDurations: readonly number[];
  /** The step (1-based) that fails, or null if the job does not fail. */
  readonly errorAtStep: number | null;
  /** Whether it stops at `waiting for user` (a KIK product on a multi-lot address that does not fail first). */
  readonly waitsForUser: boolean;
  /** When it reaches `waiting for user`, or null if it never does. */
  readonly waitingAt: number | null;
  /** When `POST /kik/select` resumed it, or null. */
  readonly selectedAt: number | null;
  /** The chosen `locaties` keys, or null. */
  readonly selection: readonly number[] | null;
  /**
   * When the job reaches its next resting status, the one {@link endStatus} names: `finished` or `error`,
   * or `waiting for user` while no choice has been made. After a choice it is the finish (or error) time.
   * A client's detection delay is "time it saw the status" minus this.
   */
  readonly finishedAt: number;
  readonly endStatus: 'finished' | 'error' | 'waiting for user';
  /** The status as `GET /jobs/status` would report it at `now` (default: the simulator clock's now). */
  status(now?: number): JobStatus;
}

/**
 * Read access to every job of a simulator.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * declare const seenAt: Map<string, number>;
 * const delays = sim.jobs.list().map((job) => seenAt.get(job.uuid)! - job.finishedAt);
 * ```
 */
export interface JobRegistry {
  get(uuid: string): SimJob | undefined;
  /** Jobs in creation order, optionally only one account's or one product's. */
  list(filter?: { readonly account?: string; readonly product?: string }): readonly SimJob[];
  readonly size: number;
}

/** What the order routes pass to create a job. @internal */
export interface NewJob {
  readonly account: string;
  readonly product: Product;
  readonly intention: string;
  readonly location: string;
  readonly planId: string | null;
  /** True when the product waits for the user here (KIK product, address on several lots). */
  readonly askUser: boolean;
  readonly now: number;
}

/** @internal */
export interface JobStore extends JobRegistry {
  create(job: NewJob): SimJob;
  /** Resumes a job that is `waiting for user` at `now`; false if it is not waiting then. */
  select(uuid: string, selection: readonly number[], now: number): boolean;
}

/** @internal */
export const createJobStore = (seed: string | number, clock: { now(): number }): JobStore => {
  const jobs = new Map<string, Job>();
  const ordered: Job[] = [];
  return {
    get: (uuid) => jobs.get(uuid.toLowerCase()),
    list: (filter) =>
      filter === undefined
        ? [...ordered]
        : ordered.filter(
            (j) =>
              (filter.account === undefined || j.account === filter.account) &&
              (filter.product === undefined || j.product === filter.product),
          ),
    get size() {
      return ordered.length;
    },
    create: (spec) => {
      const job = new Job(seed, ordered.length, spec, clock);
      jobs.set(job.uuid, job);
      ordered.push(job);
      return job;
    },
    select: (uuid, selection, now) => jobs.get(uuid.toLowerCase())?.select(selection, now) ?? false,
  };
};

class Job implements SimJob {
  readonly uuid: string;
  readonly account: string;
  readonly product: string;
  readonly intention: string;
  readonly location: string;
  readonly planId: string | null;
  readonly createdAt: number;
  readonly startedAt: number;
  readonly total: number;
  readonly stepDurations: readonly number[];
  readonly errorAtStep: number | null;
  readonly waitsForUser: boolean;
  readonly waitingAt: number | null;
  /** Steps completed when it stops to wait. */
  private readonly waitAfter: number | null;
  selectedAt: number | null = null;
  selection: readonly number[] | null = null;
  finishedAt: number;
  endStatus: 'finished' | 'error' | 'waiting for user';

  constructor(
    seed: string | number,
    readonly index: number,
    spec: NewJob,
    private readonly clock: { now(): number },
  ) {
    // The draw order is part of the contract: same seed + index → same schedule.
    const random = seededRandom(seed, 'job', index);
    const { product } = spec;
    this.uuid = uuidFrom('job', seed, index);
    this.account = spec.account;
    this.product = product.slug;
    this.intention = spec.intention;
    this.location = spec.location;
    this.planId = spec.planId;
    this.createdAt = spec.now;
    this.total = randomInt(random, product.steps[0], product.steps[1]);
    this.startedAt = spec.now + Math.round(randomBetween(random, product.queueMs[0], product.queueMs[1]));
    this.stepDurations = Array.from({ length: this.total }, () =>
      Math.round(randomBetween(random, product.stepMs[0], product.stepMs[1])),
    );
    const fails = random() < product.errorRate;
    const failingStep = randomInt(random, 1, this.total);
    this.errorAtStep = fails ? failingStep : null;
    // The lot question comes after the first step (the lookup that finds the lots), or at once for a
    // one-step product; a job that fails before that point never asks.
    const waitAfter = this.total > 1 ? 1 : 0;
    this.waitsForUser = spec.askUser && (this.errorAtStep === null || this.errorAtStep > waitAfter);
    this.waitAfter = this.waitsForUser ? waitAfter : null;
    this.waitingAt = this.waitsForUser ? this.startedAt + sum(this.stepDurations, 0, waitAfter) : null;
    [this.finishedAt, this.endStatus] = this.restingPoint();
  }

  status(now: number = this.clock.now()): JobStatus {
    const at = (status: JobStatusValue, current: number): JobStatus => ({
      uuid: this.uuid,
      status,
      progress: { current, total: this.total },
    });
    if (now < this.startedAt) return at('initial', 0);
    let t = this.startedAt;
    for (let i = 0; i < this.total; i++) {
      if (i === this.waitAfter) {
        if (this.selectedAt === null || now < this.selectedAt) return at('waiting for user', i);
        t = this.selectedAt;
      }
      t += this.stepDurations[i] ?? 0;
      if (now < t) return at('in_progress', i);
      if (this.errorAtStep === i + 1) return at('error', i);
    }
    return at('finished', this.total);
  }

  select(selection: readonly number[], now: number): boolean {
    if (this.status(now).status !== 'waiting for user') return false;
    this.selectedAt = now;
    this.selection = [...selection];
    [this.finishedAt, this.endStatus] = this.restingPoint();
    return true;
  }

  /** Same walk as {@link status}, but to the end: when and how the job next comes to rest. */
  private restingPoint(): [number, 'finished' | 'error' | 'waiting for user'] {
    let t = this.startedAt;
    for (let i = 0; i < this.total; i++) {
      if (i === this.waitAfter) {
        if (this.selectedAt === null) return [t, 'waiting for user'];
        t = this.selectedAt;
      }
      t += this.stepDurations[i] ?? 0;
      if (this.errorAtStep === i + 1) return [t, 'error'];
    }
    return [t, 'finished'];
  }
}

const sum = (values: readonly number[], from: number, to: number): number => {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] ?? 0;
  return total;
};
