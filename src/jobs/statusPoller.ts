import * as E from 'fp-ts/lib/Either.js';
import { Observable, take, type SchedulerLike, type Subscriber, type Subscription } from 'rxjs';
import { isUnreadableJobStatus, type JobStatus, type JobStatusEntry, type JobUuid } from '../codecs';
import { isRetryable, jobNotFound, timeout, withJob, type PlanviewerError } from '../errors/PlanviewerError';
import {
  eta,
  isTerminalStatus,
  nextPollAt,
  observeMiss,
  observeRetryAfter,
  observeStatus,
  pollSoon,
  startPolling,
  type JobObservation,
  type PollingPolicy,
  type PollState,
} from '../polling';
import type { PlanviewerPort } from './PlanviewerPort';
import {
  fullRetryBudget,
  refundRetry,
  retryAfterOf,
  retryDelay,
  takeRetry,
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
 *   scheduler: asyncScheduler, random: Math.random, polling: defaultPollingPolicy, statusBatchSize: 100,
 *   retry: defaultRetryOptions, budget,
 * };
 *
 * @category model
 */
export interface StatusPollerConfig {
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  /** The client's policy: its `coalesceWindowMs` applies to every request. */
  readonly polling: PollingPolicy;
  readonly statusBatchSize: number;
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

interface Tracked {
  readonly job: JobUuid;
  state: PollState;
  readonly followers: Set<Follower>;
  dueAt: number;
  batch?: Batch;
  failures: number;
  lastStatus?: JobStatus;
  /** A `pollSoon` asked while a request was in flight must outlive that request's (older) answer. */
  soon?: { readonly askedAt: number; readonly at: number };
}

const toObservation = (s: JobStatus): JobObservation =>
  s.progress === undefined
    ? { status: s.status }
    : { status: s.status, current: s.progress.current, total: s.progress.total };

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Creates the shared status poller of one client.
 *
 * Why one poller and one timer: a client may follow thousands of jobs; a timer and a request per job
 * would cost the server a request per job per tick and the process a timer per job. Here a single
 * wake-up is scheduled for the earliest due job (or deadline); when it fires, every due job goes out in
 * one `GET /jobs/status` (split only by `statusBatchSize`), and jobs due within the coalescing window
 * ride along while there is room in those requests. Results are matched by uuid, never by position.
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
 *   scheduler: asyncScheduler, random: Math.random, polling: defaultPollingPolicy, statusBatchSize: 100,
 *   retry: defaultRetryOptions, budget: { get: () => budget, set: (b) => (budget = b) },
 * });
 * const job = toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!;
 * poller.follow({ job, policy: defaultPollingPolicy }).subscribe(console.log);
 *
 * @since 0.1.0
 * @category constructors
 */
export const createStatusPoller = (port: PlanviewerPort, config: StatusPollerConfig): StatusPoller => {
  const { scheduler, random, statusBatchSize, retry, budget } = config;
  const tracked = new Map<JobUuid, Tracked>();
  let wakeUp: { readonly at: number; readonly action: Subscription } | undefined;
  let pausedUntil = -Infinity;
  let ticking = false;

  const now = (): number => scheduler.now();

  const isTracked = (t: Tracked): boolean => tracked.get(t.job) === t;

  const recomputeDue = (t: Tracked): void => {
    let due = Infinity;
    for (const f of t.followers) due = Math.min(due, nextPollAt(t.state, f.policy, random));
    t.dueAt = due;
  };

  const earliestWakeUp = (): number => {
    let at = Infinity;
    for (const t of tracked.values()) {
      if (t.batch === undefined) at = Math.min(at, Math.max(t.dueAt, pausedUntil));
      for (const f of t.followers) at = Math.min(at, f.deadlineAt);
    }
    return at;
  };

  /** Keeps exactly one wake-up, at the earliest time anything is due; none when nothing is followed. */
  const scheduleWakeUp = (): void => {
    // A port that answers synchronously settles inside the tick; the tick reschedules once at its end.
    if (ticking) return;
    const at = earliestWakeUp();
    if (at === Infinity) {
      wakeUp?.action.unsubscribe();
      wakeUp = undefined;
      return;
    }
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

  const endFollower = (t: Tracked, f: Follower, error: PlanviewerError): void => {
    t.followers.delete(f);
    if (t.followers.size === 0) untrack(t);
    f.subscriber.next({ _tag: 'Ended', error });
    f.subscriber.complete();
  };

  const expireDeadlines = (at: number): void => {
    for (const t of [...tracked.values()])
      for (const f of [...t.followers])
        if (f.deadlineAt <= at)
          endFollower(
            t,
            f,
            withJob(timeout(f.deadlineMs, undefined, t.lastStatus?.status ?? 'unknown'), t.job),
          );
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
    else recomputeDue(t);
    for (const f of [...t.followers]) {
      const remaining = eta(t.state, f.policy, at);
      f.subscriber.next(
        remaining === undefined ? { _tag: 'Observed', status } : { _tag: 'Observed', status, eta: remaining },
      );
      if (terminal) f.subscriber.complete();
    }
  };

  const missed = (t: Tracked, at: number): void => {
    t.failures = 0;
    t.state = observeMiss(t.state, at);
    if (t.state.misses >= missesAllowed(t)) end(t, jobNotFound(t.job, t.state.misses));
    else recomputeDue(t);
  };

  const failed = (jobs: readonly Tracked[], error: PlanviewerError, at: number): void => {
    if (jobs.length === 0) return;
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) {
      // The server speaks for the whole client: nothing goes out before it allows.
      pausedUntil = Math.max(pausedUntil, at + retryAfter);
      for (const t of tracked.values()) t.state = observeRetryAfter(t.state, at + retryAfter);
    }
    const retries = isRetryable(error) ? takeRetry(budget.get()) : E.left(budget.get());
    const attempt = Math.max(...jobs.map((t) => t.failures)) + 1;
    if (E.isLeft(retries) || attempt >= retry.maxAttempts) {
      for (const t of jobs) end(t, withJob(error, t.job));
      return;
    }
    budget.set(retries.right);
    const delay = retryDelay(attempt, retry, random, retryAfter);
    for (const t of jobs) {
      t.failures = attempt;
      t.dueAt = Math.max(at + delay, t.state.notBefore);
    }
  };

  const settle = (batch: Batch, result: E.Either<PlanviewerError, readonly JobStatusEntry[]>): void => {
    const at = now();
    const live = batch.jobs.filter(isTracked);
    for (const t of batch.jobs) t.batch = undefined;
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
    scheduleWakeUp();
  };

  const defect = (batch: Batch, error: unknown): void => {
    const live = batch.jobs.filter(isTracked);
    for (const t of batch.jobs) t.batch = undefined;
    for (const t of live) {
      untrack(t);
      for (const f of [...t.followers]) f.subscriber.error(error);
    }
    scheduleWakeUp();
  };

  const send = (jobs: readonly Tracked[], at: number): void => {
    const batch: Batch = { jobs, live: jobs.length, sentAt: at };
    for (const t of jobs) t.batch = batch;
    let answered = false;
    const subscription = port
      .status(jobs.map((t) => t.job))
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
      sendDue();
    } finally {
      ticking = false;
    }
    scheduleWakeUp();
  };

  const sendDue = (): void => {
    const at = now();
    expireDeadlines(at);
    if (at >= pausedUntil) {
      const idle = [...tracked.values()].filter((t) => t.batch === undefined);
      const due = idle.filter((t) => t.dueAt <= at).sort((x, y) => x.dueAt - y.dueAt);
      if (due.length > 0) {
        // Riders fill the room left in the requests that go anyway; they never cause another request.
        const room = Math.ceil(due.length / statusBatchSize) * statusBatchSize - due.length;
        const riders = idle
          .filter((t) => t.dueAt > at && t.dueAt <= at + config.polling.coalesceWindowMs)
          .sort((x, y) => x.dueAt - y.dueAt)
          .slice(0, room);
        const carried = [...due, ...riders];
        for (let i = 0; i < carried.length; i += statusBatchSize)
          send(carried.slice(i, i + statusBatchSize), at);
      }
    }
  };

  const follow = (request: FollowRequest): Observable<PollerUpdate> =>
    new Observable<PollerUpdate>((subscriber) => {
      const at = now();
      let t = tracked.get(request.job);
      if (t === undefined) {
        const state =
          request.orderedAt === undefined
            ? startPolling(at, { fresh: false })
            : startPolling(Math.min(at, request.orderedAt), { fresh: true });
        t = { job: request.job, state, followers: new Set(), dueAt: Infinity, failures: 0 };
        tracked.set(request.job, t);
      }
      const follower: Follower = {
        policy: request.policy,
        deadlineAt: request.deadlineAt ?? Infinity,
        deadlineMs: request.deadlineMs ?? 0,
        subscriber,
      };
      t.followers.add(follower);
      // A second follower of a job already polled learns its latest status at once.
      if (t.lastStatus !== undefined) {
        const remaining = eta(t.state, follower.policy, at);
        subscriber.next(
          remaining === undefined
            ? { _tag: 'Observed', status: t.lastStatus }
            : { _tag: 'Observed', status: t.lastStatus, eta: remaining },
        );
      }
      if (t.batch === undefined) recomputeDue(t);
      scheduleWakeUp();
      const followed = t;
      return () => {
        if (!followed.followers.delete(follower)) return;
        if (followed.followers.size === 0) untrack(followed);
        if (tracked.size === 0) scheduleWakeUp();
      };
    });

  const soon = (job: JobUuid): void => {
    const t = tracked.get(job);
    if (t === undefined) return;
    const at = now();
    let minDelay = Infinity;
    for (const f of t.followers) minDelay = Math.min(minDelay, f.policy.minDelayMs);
    const soonAt = at + (minDelay === Infinity ? 0 : minDelay);
    t.state = pollSoon(t.state, soonAt);
    t.soon = { askedAt: at, at: soonAt };
    if (t.batch === undefined) recomputeDue(t);
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
