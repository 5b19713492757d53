import * as E from 'fp-ts/lib/Either.js';
import { Observable, take, type SchedulerLike, type Subscriber, type Subscription } from 'rxjs';
import { isUnreadableJobStatus, type JobStatus, type JobStatusEntry, type JobUuid } from '../codecs';
import { jobNotFound, timeout, withJob, type PlanviewerError } from '../errors/PlanviewerError';
import {
  eta,
  expectedSharing,
  finishWindow,
  isTerminalStatus,
  nextPollAt,
  nextWakeAt,
  observeMiss,
  observeStatus,
  planPolicies,
  planTick,
  plannerConfig,
  plannerPaused,
  pollSoon,
  startPlanner,
  startPolling,
  type FinishWindow,
  type JobObservation,
  type PlannedJob,
  type PollingPolicy,
  type PollState,
} from '../polling';
import type { PlanviewerPort } from './PlanviewerPort';
import {
  decideRetry,
  fullRetryBudget,
  refundRetry,
  retryAfterOf,
  type RetryBudget,
  type RetryOptions,
} from './retryBudget';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What the poller tells a follower of a job: each status it observed (with the eta), or the failure
 * that ended the job. After a terminal status or a failure the follow completes.
 *
 * @example
 * import { toJobUuid } from 'planviewer-rx';
 * import type { PollerUpdate } from './statusPoller';
 * const uuid = toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!;
 * const seen: PollerUpdate = { _tag: 'Observed', status: { uuid, status: 'in_progress' }, eta: 4_000 };
 *
 * @category model
 */
export type PollerUpdate =
  | { readonly _tag: 'Observed'; readonly status: JobStatus; readonly eta?: number }
  | { readonly _tag: 'Ended'; readonly error: PlanviewerError };

/**
 * What a follower asks for.
 *
 * @example
 * import { toJobUuid } from 'planviewer-rx';
 * import { defaultPollingPolicy } from '../polling/PollingPolicy';
 * import type { FollowRequest } from './statusPoller';
 * const request: FollowRequest = { job: toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!, policy: defaultPollingPolicy, deadlineAt: 600_000, deadlineMs: 600_000 };
 *
 * @category model
 */
export interface FollowRequest {
  /** Canonical: nothing unvalidated enters the shared poller. */
  readonly job: JobUuid;
  /** When the job was ordered by us (its progress was 0 then); absent for a job ordered elsewhere. */
  readonly orderedAt?: number;
  readonly policy: PollingPolicy;
  /** End this follower with `Timeout` at this scheduler time. */
  readonly deadlineAt?: number;
  /** The deadline as the user gave it, for the error. */
  readonly deadlineMs?: number;
}

/**
 * The one poller of a client: every followed job, one wake-up timer, batched status requests.
 *
 * @example
 * import { toJobUuid } from 'planviewer-rx';
 * import type { PollingPolicy } from '../polling/PollingPolicy';
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import { createStatusPoller, type StatusPollerConfig } from './statusPoller';
 * declare const config: StatusPollerConfig;
 * declare const policy: PollingPolicy;
 * declare const port: PlanviewerPort;
 * const poller = createStatusPoller(port, config);
 * const job = toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!;
 * const following = poller.follow({ job, policy }).subscribe(console.log);
 * poller.followedJobs(); // 1
 *
 * @category model
 */
export interface StatusPoller {
  /** Follows a job: subscribing starts polling it (once, however many follow it), unsubscribing stops. */
  readonly follow: (request: FollowRequest) => Observable<PollerUpdate>;
  /** Polls the job soon (after `minDelayMs`), whatever the policy predicted: e.g. after a selection. */
  readonly pollSoon: (job: JobUuid) => void;
  /** How many jobs are being polled now. */
  readonly followedJobs: () => number;
}

/**
 * The poller's wiring.
 *
 * @example
 * import type { RetryBudget } from './retryBudget';
 * import { asyncScheduler } from 'rxjs';
 * import { defaultPollingPolicy } from '../polling/PollingPolicy';
 * import { defaultRetryOptions } from './retryBudget';
 * import type { StatusPollerConfig } from './statusPoller';
 * declare const budget: { get: () => RetryBudget; set: (b: RetryBudget) => void };
 * const config: StatusPollerConfig = {
 *   scheduler: asyncScheduler, random: Math.random, polling: defaultPollingPolicy, statusBatchSize: 150,
 *   requestBudget: 8, retry: defaultRetryOptions, budget,
 * };
 *
 * @category model
 */
export interface StatusPollerConfig {
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  /** The client's policy: its `coalesceWindowMs` and `minDelayMs` apply to every request. */
  readonly polling: PollingPolicy;
  readonly statusBatchSize: number;
  /** Most extra, precision-only status requests per second (see `planTick`). */
  readonly requestBudget: number;
  readonly retry: RetryOptions;
  /** The client-wide retry bucket, shared with downloads. */
  readonly budget: { get: () => RetryBudget; set: (b: RetryBudget) => void };
}

interface Follower {
  readonly policy: PollingPolicy;
  readonly deadlineAt: number;
  readonly deadlineMs: number;
  readonly subscriber: Subscriber<PollerUpdate>;
}

interface Batch {
  readonly jobs: readonly Tracked[];
  subscription?: Subscription;
  live: number;
  readonly sentAt: number;
}

/** A followed job: what the planner reads (a {@link PlannedJob}) and what the shell keeps about it. */
interface Tracked extends PlannedJob {
  readonly job: JobUuid;
  dueAt: number;
  latestAt: number;
  notBefore: number;
  window?: FinishWindow;
  deadlineAt: number;
  inFlight: boolean;
  state: PollState;
  readonly followers: Set<Follower>;
  batch?: Batch;
  failures: number;
  lastStatus?: JobStatus;
  /** A `pollSoon` asked while a request was in flight must outlive that request's (older) answer. */
  soon?: { readonly askedAt: number; readonly at: number };
}

// A decoded progress is exactly `{ current, total }` (ProgressCodec builds it anew).
const toObservation = (s: JobStatus): JobObservation => ({ status: s.status, ...s.progress });

const updateOf = (status: JobStatus, remaining: number | undefined): PollerUpdate => ({
  _tag: 'Observed',
  status,
  ...(remaining === undefined ? {} : { eta: remaining }),
});

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Creates the shared status poller of one client: the RxJS shell around the pure planner.
 *
 * Why one poller and one timer: a client may follow thousands of jobs; a timer and a request per job
 * would cost the server a request per job per tick and the process a timer per job. What goes out when
 * is decided by `planTick` (plain data, table-tested); this shell keeps the one wake-up timer, sends the
 * status requests the planner asks for, folds each answer into the jobs' states (matched by uuid, never
 * by position) and tells the followers.
 *
 * @example
 * import { toJobUuid } from 'planviewer-rx';
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import { asyncScheduler } from 'rxjs';
 * import { defaultPollingPolicy } from '../polling/PollingPolicy';
 * import { defaultRetryOptions, fullRetryBudget } from './retryBudget';
 * import { createStatusPoller } from './statusPoller';
 * declare const port: PlanviewerPort;
 * let budget = fullRetryBudget(defaultRetryOptions);
 * const poller = createStatusPoller(port, {
 *   scheduler: asyncScheduler, random: Math.random, polling: defaultPollingPolicy, statusBatchSize: 150,
 *   requestBudget: 8, retry: defaultRetryOptions, budget: { get: () => budget, set: (b) => (budget = b) },
 * });
 * const job = toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!;
 * poller.follow({ job, policy: defaultPollingPolicy }).subscribe(console.log);
 *
 * @since 0.1.0
 * @category constructors
 */
export const createStatusPoller = (port: PlanviewerPort, config: StatusPollerConfig): StatusPoller => {
  const { scheduler, random, retry, budget } = config;
  const planning = plannerConfig(config.polling, config);
  const tracked = new Map<JobUuid, Tracked>();
  // planTick reads the jobs twice: a collection, not a one-shot iterator.
  const jobs: Iterable<Tracked> = { [Symbol.iterator]: () => tracked.values() };
  let planner = startPlanner();
  let wakeUp: { readonly at: number; readonly action: Subscription } | undefined;
  let ticking = false;

  const now = (): number => scheduler.now();

  const isTracked = (t: Tracked): boolean => tracked.get(t.job) === t;

  /**
   * The job's plans: with the precision its sharing of requests affords (`dueAt`, see `sharedPrecision`),
   * and by its own policy alone (`latestAt`, what it would get without batching), both with one jitter.
   */
  const replan = (t: Tracked): void => {
    let due = Infinity;
    let latest = Infinity;
    let deadline = Infinity;
    let window: FinishWindow | undefined;
    const sharing = expectedSharing(planner, planning, tracked.size);
    for (const f of t.followers) {
      const jitter = random();
      const sameJitter = (): number => jitter;
      const { own, shared: policy } = planPolicies(f.policy, planner, sharing, t.state.last !== undefined);
      const shared = nextPollAt(t.state, policy, sameJitter);
      due = Math.min(due, shared);
      latest = Math.min(latest, Math.max(shared, nextPollAt(t.state, own, sameJitter)));
      deadline = Math.min(deadline, f.deadlineAt);
      window ??= finishWindow(t.state, policy);
    }
    t.dueAt = due;
    t.latestAt = latest;
    t.deadlineAt = deadline;
    if (window === undefined) delete t.window;
    else t.window = window;
  };

  const schedule = (at: number): void => {
    if (wakeUp !== undefined && wakeUp.at <= at) return;
    wakeUp?.action.unsubscribe();
    const action = scheduler.schedule(
      () => {
        wakeUp = undefined;
        tick();
      },
      Math.max(0, at - now()),
    );
    // A scheduler may run the work synchronously (delay 0 on some schedulers): it then already cleared it.
    if (!action.closed) wakeUp = { at, action };
  };

  /** Keeps exactly one wake-up, when the planner wants it; none when nothing is followed. */
  const scheduleWakeUp = (): void => {
    // A port that answers synchronously settles inside the tick; the tick reschedules once at its end.
    if (ticking) return;
    const at = nextWakeAt(jobs, planner, planning, now());
    if (at === Infinity || (wakeUp !== undefined && wakeUp.at > at)) {
      wakeUp?.action.unsubscribe();
      wakeUp = undefined;
    }
    if (at !== Infinity) schedule(at);
  };

  /**
   * After answers changed some jobs: bring the wake-up forward if they need it. Only they changed, so a
   * survey of them is enough (a wake-up planned for the others stands); a full survey per answer would
   * cost O(followed jobs) per response at 10,000 jobs.
   */
  const wakeFor = (changed: readonly Tracked[]): void => {
    if (ticking) return;
    if (tracked.size === 0) {
      scheduleWakeUp();
      return;
    }
    const at = nextWakeAt(changed.filter(isTracked), planner, planning, now());
    if (at !== Infinity) schedule(at);
  };

  const untrack = (t: Tracked): void => {
    if (!isTracked(t)) return;
    tracked.delete(t.job);
    const batch = t.batch;
    if (batch !== undefined) {
      batch.live--;
      // Nobody waits for this request any more: cancel it (the real port aborts the fetch).
      if (batch.live === 0) batch.subscription?.unsubscribe();
    }
  };

  const end = (t: Tracked, error: PlanviewerError): void => {
    untrack(t);
    for (const f of [...t.followers]) {
      f.subscriber.next({ _tag: 'Ended', error });
      f.subscriber.complete();
    }
  };

  const expire = (job: JobUuid, at: number): void => {
    const t = tracked.get(job);
    if (t === undefined) return;
    for (const f of [...t.followers])
      if (f.deadlineAt <= at) {
        t.followers.delete(f);
        f.subscriber.next({
          _tag: 'Ended',
          error: withJob(timeout(f.deadlineMs, undefined, t.lastStatus?.status ?? 'unknown'), t.job),
        });
        f.subscriber.complete();
      }
    if (t.followers.size === 0) untrack(t);
    else if (t.batch === undefined) replan(t);
    // In flight, the plan waits for the answer; the deadline must not stay in the past meanwhile.
    else t.deadlineAt = Math.min(...[...t.followers].map((f) => f.deadlineAt));
  };

  const missesAllowed = (t: Tracked): number => {
    let allowed = Infinity;
    for (const f of t.followers) allowed = Math.min(allowed, f.policy.missesBeforeNotFound);
    return allowed;
  };

  const observed = (t: Tracked, status: JobStatus, at: number, batch: Batch): void => {
    t.failures = 0;
    t.state = observeStatus(t.state, toObservation(status), at);
    t.lastStatus = status;
    if (t.soon !== undefined && t.soon.askedAt >= batch.sentAt) t.state = pollSoon(t.state, t.soon.at);
    t.soon = undefined;
    const terminal = isTerminalStatus(status.status);
    if (terminal) untrack(t);
    else replan(t);
    for (const f of [...t.followers]) {
      f.subscriber.next(updateOf(status, eta(t.state, f.policy, at)));
      if (terminal) f.subscriber.complete();
    }
  };

  const missed = (t: Tracked, at: number): void => {
    t.failures = 0;
    t.state = observeMiss(t.state, at);
    if (t.state.misses >= missesAllowed(t)) end(t, jobNotFound(t.job, t.state.misses));
    else replan(t);
  };

  const failed = (failing: readonly Tracked[], error: PlanviewerError, at: number): void => {
    if (failing.length === 0) return;
    const retryAfter = retryAfterOf(error);
    // The server speaks for the whole client: nothing goes out before it allows. The pause is the
    // planner's, so the jobs' own plans need no copy of it (and 10,000 jobs no replan each).
    if (retryAfter !== undefined) planner = plannerPaused(planner, at + retryAfter);
    const attempt = Math.max(...failing.map((t) => t.failures)) + 1;
    const decision = decideRetry(error, attempt, retry, budget.get(), random);
    if (decision._tag === 'GiveUp') {
      for (const t of failing) end(t, withJob(error, t.job));
      return;
    }
    budget.set(decision.budget);
    for (const t of failing) {
      t.failures = attempt;
      t.notBefore = Math.max(at + decision.delayMs, t.state.notBefore);
      t.dueAt = t.notBefore;
      t.latestAt = t.notBefore;
    }
  };

  const release = (batch: Batch): Tracked[] => {
    const live = batch.jobs.filter(isTracked);
    for (const t of batch.jobs) {
      t.batch = undefined;
      t.inFlight = false;
    }
    return live;
  };

  const settle = (batch: Batch, result: E.Either<PlanviewerError, readonly JobStatusEntry[]>): void => {
    const at = now();
    const live = release(batch);
    if (E.isRight(result)) {
      budget.set(refundRetry(budget.get()));
      // Keys are canonical job uuids on both sides (decoded at the boundary): equality is the matching.
      const byUuid = new Map<JobUuid, JobStatusEntry>();
      for (const s of result.right) if (!byUuid.has(s.uuid)) byUuid.set(s.uuid, s);
      for (const t of live) {
        const entry = byUuid.get(t.job);
        if (entry === undefined) missed(t, at);
        // A job's own unreadable entry is that job's transient failure: it never touches the others.
        else if (isUnreadableJobStatus(entry)) failed([t], entry.error, at);
        else observed(t, entry, at, batch);
      }
    } else failed(live, result.left, at);
    // A Retry-After only ever delays requests (the planner waits it out): the wake-up planned stands.
    wakeFor(live);
  };

  const defect = (batch: Batch, error: unknown): void => {
    for (const t of release(batch)) {
      untrack(t);
      for (const f of [...t.followers]) f.subscriber.error(error);
    }
    scheduleWakeUp();
  };

  const send = (batchJobs: readonly Tracked[], at: number): void => {
    const batch: Batch = { jobs: batchJobs, live: batchJobs.length, sentAt: at };
    for (const t of batchJobs) {
      t.batch = batch;
      t.inFlight = true;
    }
    let answered = false;
    const subscription = port
      .status(batchJobs.map((t) => t.job))
      .pipe(take(1))
      .subscribe({
        next: (result) => {
          answered = true;
          settle(batch, result);
        },
        error: (error: unknown) => {
          answered = true;
          defect(batch, error);
        },
        complete: () => {
          if (!answered) defect(batch, new Error('PlanviewerPort.status completed without a result'));
        },
      });
    if (!answered) batch.subscription = subscription;
  };

  const tick = (): void => {
    ticking = true;
    try {
      const at = now();
      const plan = planTick(jobs, planner, planning, at);
      planner = plan.state;
      for (const job of plan.expired) expire(job as JobUuid, at);
      const requests = plan.requests.map((uuids) =>
        uuids.map((uuid) => tracked.get(uuid as JobUuid)).filter((t): t is Tracked => t !== undefined),
      );
      for (const batchJobs of requests) if (batchJobs.length > 0) send(batchJobs, at);
    } finally {
      ticking = false;
    }
    scheduleWakeUp();
  };

  const follow = (request: FollowRequest): Observable<PollerUpdate> =>
    new Observable<PollerUpdate>((subscriber) => {
      const at = now();
      let t = tracked.get(request.job);
      /** The earliest plan of the jobs replanned because this one joined. */
      let replanned = Infinity;
      if (t === undefined) {
        const state =
          request.orderedAt === undefined
            ? startPolling(at, { fresh: false })
            : startPolling(Math.min(at, request.orderedAt), { fresh: true });
        t = {
          job: request.job,
          state,
          followers: new Set(),
          dueAt: Infinity,
          latestAt: Infinity,
          notBefore: -Infinity,
          deadlineAt: Infinity,
          inFlight: false,
          failures: 0,
        };
        tracked.set(request.job, t);
        // Before the first request, the jobs followed so far will share it (see expectedSharing): the
        // first job, planned alone, shares it once a second joins, so it gets the same early first look.
        if (planner.requests === 0 && tracked.size === 2 && planning.maxBatchSize > 1)
          for (const other of tracked.values())
            if (other !== t) {
              replan(other);
              replanned = Math.min(other.dueAt, other.deadlineAt);
            }
      }
      const follower: Follower = {
        policy: request.policy,
        deadlineAt: request.deadlineAt ?? Infinity,
        deadlineMs: request.deadlineMs ?? 0,
        subscriber,
      };
      t.followers.add(follower);
      // A second follower of a job already polled learns its latest status at once.
      if (t.lastStatus !== undefined)
        subscriber.next(updateOf(t.lastStatus, eta(t.state, follower.policy, at)));
      if (t.batch === undefined) replan(t);
      // In flight, the plan waits for the answer, but the joiner's deadline must not.
      else t.deadlineAt = Math.min(t.deadlineAt, follower.deadlineAt);
      // Joining can only bring the wake-up forward (for this job, or those it replanned): no need to
      // survey every job for that.
      if (!ticking) schedule(Math.max(Math.min(t.dueAt, t.deadlineAt, replanned), planner.pausedUntil, at));
      const followed = t;
      return () => {
        if (!followed.followers.delete(follower)) return;
        if (followed.followers.size === 0) untrack(followed);
        else if (followed.batch === undefined) replan(followed);
        if (tracked.size === 0) scheduleWakeUp();
      };
    });

  const soon = (job: JobUuid): void => {
    const t = tracked.get(job);
    if (t === undefined) return;
    const at = now();
    // A followed job has at least one follower: the minimum is a number.
    let minDelay = Infinity;
    for (const f of t.followers) minDelay = Math.min(minDelay, f.policy.minDelayMs);
    const soonAt = at + minDelay;
    t.state = pollSoon(t.state, soonAt);
    t.soon = { askedAt: at, at: soonAt };
    if (t.batch === undefined) replan(t);
    scheduleWakeUp();
  };

  return { follow, pollSoon: soon, followedJobs: () => tracked.size };
};

/** A mutable cell for the client's retry bucket. @internal */
export const retryBudgetCell = (options: RetryOptions): StatusPollerConfig['budget'] => {
  let current = fullRetryBudget(options);
  return {
    get: () => current,
    set: (b) => {
      current = b;
    },
  };
};
