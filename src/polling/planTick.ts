import type { FinishWindow } from './finishWindow';
import { defaultPollingPolicy, type PollingPolicy } from './PollingPolicy';

/*
 * Why the planner works the way it does.
 *
 * A status request costs the server (and the client) the same whether it names one job or a hundred. So
 * the poller plans requests, not polls. Every job keeps its own plan (`nextPollAt`: the time by which it
 * wants to be looked at), and the planner decides when a request goes out and what it carries.
 *
 * 1. A job whose plan is due goes out now. The request also carries, for free, every job whose finish is
 *    plausible now ("hot": inside its finish window), most likely first, then the jobs due within
 *    `coalesceWindowMs`, as long as there is room in the requests that go out anyway.
 * 2. The jobs' own plans are made with a precision that follows what a poll costs. A job polled alone
 *    pays a whole request per poll and is planned with its `precisionMs`. When the client's requests
 *    carry k jobs on average, a poll costs a job 1/k of a request, so for the same requests per job it
 *    can be polled k times as often: `precisionMs / k`, never below `minDelayMs` (see
 *    {@link sharedPrecision}). That plan is `dueAt`; the plan by the job's policy alone is `latestAt`.
 *    Shared looks are cheap in two more ways: a job not looked at yet gets its first look at half its
 *    `initialDelayMs` (it catches the jobs that finish within seconds; the regular first look still
 *    comes), and the jobs' plans take two thirds of the `earlyFinishRisk`: they skip fewer early
 *    finishes ({@link planPolicies}).
 * 3. When many finishes are likely at once (hundreds of jobs in their last step), the planner adds
 *    requests for the hot jobs alone, spaced so that each is expected to catch 0.7 finishes. Fewer
 *    likely finishes, wider spacing; once that spacing is no tighter than the jobs' own plans, it adds
 *    nothing. (Why 0.7 and not 1: on the 1,000-job benchmark, 0.7 cost 3 more requests, 226 against
 *    223, and left 63 jobs noticed more than 0.25 s late against 79.)
 * 4. Precision is bought, and the client's `requestBudget` (requests per second, a token bucket holding
 *    one second of it) is what it may spend. A job past its `latestAt` goes whatever the budget (the
 *    budget never makes a job wait longer than its policy alone would), and so do the jobs that fit in
 *    the requests it needs. Requests beyond those (for jobs only due by the shared plan, and the extra
 *    rounds) wait for the budget. Without it, 10,000 jobs polled at the shared precision sent 1.67
 *    requests a job, 36 times what the jobs' own plans need.
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One followed job as the planner sees it: plain numbers, computed by the poller from the job's
 * `PollState` (`nextPollAt`, `finishWindow`) and its followers' deadlines.
 *
 * @example
 * import type { PlannedJob } from './planTick';
 * const job: PlannedJob = { job: 'job-1', dueAt: 3_000, notBefore: 0, deadlineAt: Infinity, inFlight: false };
 *
 * @since 0.2.0
 * @category model
 */
export interface PlannedJob {
  readonly job: string;
  /**
   * The job's plan at the precision shared requests afford (see {@link sharedPrecision}): poll it then
   * if the `requestBudget` allows. `Infinity` when it needs no poll.
   */
  readonly dueAt: number;
  /**
   * Its plan by its own policy alone (its `precisionMs`, unshared): a job past this goes out whatever
   * the budget, as it would without batching. Absent: the same as `dueAt`.
   */
  readonly latestAt?: number;
  /** Never poll it before this (a `Retry-After`, or the backoff after a failed request). */
  readonly notBefore: number;
  /** Where its finish is likely; absent when the policy has no model for it. */
  readonly window?: FinishWindow;
  /** The earliest deadline of its followers (`Infinity` when none). */
  readonly deadlineAt: number;
  /** A status request naming it has not been answered yet. */
  readonly inFlight: boolean;
}

/**
 * How the planner spends requests, normalised once by the poller from the client's options.
 *
 * @example
 * import { defaultPlannerConfig } from './planTick';
 * const config = { ...defaultPlannerConfig, maxBatchSize: 50 };
 *
 * @since 0.2.0
 * @category model
 */
export interface PlannerConfig {
  /** Most jobs named in one status request (`statusBatchSize`). */
  readonly maxBatchSize: number;
  /** Jobs due within this window ride along with a request that goes out anyway. */
  readonly coalesceWindowMs: number;
  /**
   * Most status requests per second, client-wide: every request counts, the jobs' own polls and the
   * extra rounds alike. Up to one second of it may go at once (a token bucket).
   */
  readonly requestBudget: number;
  /** Extra requests are sent only when spaced tighter than this (the jobs' own plans are no tighter). */
  readonly maxExtraSpacingMs: number;
}

/**
 * What the planner remembers between ticks.
 *
 * @example
 * import { startPlanner } from './planTick';
 * startPlanner().requests; // 0
 *
 * @since 0.2.0
 * @category model
 */
export interface PlannerState {
  /** The server asked the whole client to wait until then (`Retry-After`). */
  readonly pausedUntil: number;
  /** When the last status request went out. */
  readonly lastSentAt: number;
  /** Polls carried so far (a job named in a request is one poll)… */
  readonly polls: number;
  /** …in this many requests: `polls / requests` is how many jobs a request carries on average. */
  readonly requests: number;
  /** Requests the budget allowed at `tokensAt`, unspent (see {@link availableRequests}). */
  readonly tokens: number;
  /** When `tokens` was counted; `-Infinity` before the first request (the bucket is full). */
  readonly tokensAt: number;
}

/**
 * One tick's decisions.
 *
 * @example
 * import { defaultPlannerConfig, planTick, startPlanner } from './planTick';
 * const plan = planTick([{ job: 'a', dueAt: 0, notBefore: 0, deadlineAt: Infinity, inFlight: false }], startPlanner(), defaultPlannerConfig, 0);
 * plan.requests; // [['a']]
 *
 * @since 0.2.0
 * @category model
 */
export interface TickPlan {
  /** Status requests to send now, each a list of job uuids. */
  readonly requests: readonly (readonly string[])[];
  /** Jobs whose earliest follower deadline has passed (the poller ends those followers). */
  readonly expired: readonly string[];
  /** When to ask the planner again, given that these requests are in flight (`Infinity`: never). */
  readonly wakeAt: number;
  /** The planner's state after this tick. */
  readonly state: PlannerState;
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** Extra rounds go at most this often, whatever the budget: 4 a second. */
const MIN_EXTRA_SPACING_MS = 250;

/** Expected finishes one extra request should catch (see the header: why not 1). */
const FINISHES_PER_EXTRA_REQUEST = 0.7;

/**
 * Once this many requests were counted, both counts are halved: the sharing measured follows what the
 * client does now, not what it did an hour ago.
 */
const SHARING_MEMORY = 1_000;

/**
 * The planner's settings for a client: its `statusBatchSize`, its `requestBudget`, and from its polling
 * policy the ride-along window and `minDelayMs` (extra requests only when tighter than the jobs' own
 * plans can be).
 *
 * @example
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { plannerConfig } from './planTick';
 * plannerConfig(defaultPollingPolicy, { statusBatchSize: 150, requestBudget: 8 }).maxExtraSpacingMs; // 500
 *
 * @since 0.2.0
 * @category constructors
 */
export const plannerConfig = (
  policy: PollingPolicy,
  client: { readonly statusBatchSize: number; readonly requestBudget: number },
): PlannerConfig => ({
  maxBatchSize: client.statusBatchSize,
  coalesceWindowMs: policy.coalesceWindowMs,
  requestBudget: client.requestBudget,
  maxExtraSpacingMs: policy.minDelayMs,
});

/**
 * The defaults: 150 jobs per request (a status URL of about 7.4 KB), a 2 s ride-along window, at most 8
 * extra requests per second, and those only when tighter than the default `minDelayMs` (500 ms).
 *
 * @example
 * import { defaultPlannerConfig } from './planTick';
 * defaultPlannerConfig.requestBudget; // 8
 *
 * @since 0.2.0
 * @category constructors
 */
export const defaultPlannerConfig: PlannerConfig = /* @__PURE__ */ plannerConfig(defaultPollingPolicy, {
  statusBatchSize: 150,
  requestBudget: 8,
});

/**
 * A planner that has sent nothing yet.
 *
 * @example
 * import { startPlanner } from './planTick';
 * startPlanner().lastSentAt; // -Infinity
 *
 * @since 0.2.0
 * @category constructors
 */
export const startPlanner = (): PlannerState => ({
  pausedUntil: -Infinity,
  lastSentAt: -Infinity,
  polls: 0,
  requests: 0,
  tokens: 0,
  tokensAt: -Infinity,
});

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * The server asked to wait (`Retry-After`): no status request of this client before `until`.
 *
 * @example
 * import { plannerPaused, startPlanner } from './planTick';
 * plannerPaused(startPlanner(), 10_000).pausedUntil; // 10000
 *
 * @since 0.2.0
 * @category combinators
 */
export const plannerPaused = (state: PlannerState, until: number): PlannerState => ({
  ...state,
  pausedUntil: Math.max(state.pausedUntil, until),
});

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The precision a job's own plan uses on this client: its `precisionMs` divided by the jobs a request
 * has carried on average, within [`minDelayMs`, `precisionMs`]. A client that follows one job at a time
 * plans with `precisionMs`; one whose requests carry ten jobs plans ten times tighter (down to
 * `minDelayMs`) for about the same requests per job.
 *
 * @example
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { sharedPrecision, startPlanner } from './planTick';
 * sharedPrecision({ ...startPlanner(), polls: 30, requests: 10 }, defaultPollingPolicy); // 567 (1700 / 3)
 * sharedPrecision(startPlanner(), defaultPollingPolicy); // 1700: nothing shared yet
 *
 * @since 0.2.0
 * @category destructors
 */
export const sharedPrecision = (state: PlannerState, policy: PollingPolicy): number => {
  const perRequest = state.requests === 0 ? 1 : Math.max(1, state.polls / state.requests);
  return Math.max(
    Math.min(policy.minDelayMs, policy.precisionMs),
    Math.round(policy.precisionMs / perRequest),
  );
};

/** A job's first look, when its requests are shared, comes this fraction of `initialDelayMs` after its start. */
const SHARED_FIRST_LOOK = 0.5;

/** The `earlyFinishRisk` of a job whose requests are shared, as a fraction of the policy's. */
const SHARED_RISK = 2 / 3;

/**
 * The policies of a job's two plans (see {@link PlannedJob}): `own` for `latestAt`, `shared` for
 * `dueAt`. The shared plan takes the precision {@link sharedPrecision} affords. When requests carry at
 * least two jobs (`sharing`, see {@link expectedSharing}), looks are cheap in two more ways: both plans
 * take two thirds of the `earlyFinishRisk` (they skip fewer early finishes), and a job not `seen` yet
 * gets its first look by the shared plan at half its `initialDelayMs` (it catches the jobs that finish
 * within seconds, and shows which are long; the regular first look still comes, see `plannedDelay`).
 * A job followed alone keeps its policy as it is.
 *
 * @example
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { planPolicies, startPlanner } from './planTick';
 * planPolicies(defaultPollingPolicy, startPlanner(), 150, false).shared.initialDelayMs; // 1500
 * planPolicies(defaultPollingPolicy, startPlanner(), 150, false).own.earlyFinishRisk; // ≈ 0.02
 * planPolicies(defaultPollingPolicy, startPlanner(), 1, false).own; // defaultPollingPolicy: nothing shared
 *
 * @since 0.2.0
 * @category destructors
 */
export const planPolicies = (
  policy: PollingPolicy,
  state: PlannerState,
  sharing: number,
  seen: boolean,
): { readonly own: PollingPolicy; readonly shared: PollingPolicy } => {
  const shared = sharing >= 2;
  const own = shared ? { ...policy, earlyFinishRisk: policy.earlyFinishRisk * SHARED_RISK } : policy;
  const initialDelayMs = policy.initialDelayMs * (shared && !seen ? SHARED_FIRST_LOOK : 1);
  return { own, shared: { ...own, precisionMs: sharedPrecision(state, policy), initialDelayMs } };
};

/**
 * How many jobs share this client's status requests: the jobs a request has carried on average, as
 * {@link sharedPrecision} reads it; before the first request, how many the first one would carry (the
 * jobs followed, up to `maxBatchSize`). {@link planPolicies} only asks whether it is two or more.
 *
 * @example
 * import { defaultPlannerConfig, expectedSharing, startPlanner } from './planTick';
 * expectedSharing(startPlanner(), defaultPlannerConfig, 1_000); // 150: one full request
 * expectedSharing(startPlanner(), { ...defaultPlannerConfig, maxBatchSize: 1 }, 1_000); // 1: never shared
 * expectedSharing({ ...startPlanner(), polls: 30, requests: 10 }, defaultPlannerConfig, 1_000); // 3
 *
 * @since 0.2.0
 * @category destructors
 */
export const expectedSharing = (state: PlannerState, config: PlannerConfig, followed: number): number =>
  state.requests === 0 ? Math.min(followed, config.maxBatchSize) : state.polls / state.requests;

/**
 * How many status requests the client's `requestBudget` allows at `now`: what was left after the last
 * request plus what has accrued since, at most one second's worth (the burst a client may send at once,
 * and never less than one request).
 *
 * @example
 * import { availableRequests, defaultPlannerConfig, startPlanner } from './planTick';
 * availableRequests(startPlanner(), defaultPlannerConfig, 0); // 8: a full bucket
 * availableRequests({ ...startPlanner(), tokens: 0, tokensAt: 0 }, defaultPlannerConfig, 250); // 2
 *
 * @since 0.2.0
 * @category destructors
 */
export const availableRequests = (state: PlannerState, config: PlannerConfig, now: number): number => {
  const burst = Math.max(1, config.requestBudget);
  const accrued = ((now - state.tokensAt) * config.requestBudget) / 1_000;
  return Math.min(burst, state.tokens + accrued);
};

/**
 * When the budget next allows a whole request (`now` when it allows one already).
 *
 * @internal
 */
const requestAllowedAt = (state: PlannerState, config: PlannerConfig, now: number): number => {
  const missing = 1 - availableRequests(state, config, now);
  // Whole milliseconds, rounded up, so that the request really is allowed when the wake-up comes.
  return missing <= 1e-9 ? now : now + Math.ceil((missing * 1_000) / config.requestBudget);
};

/**
 * Whether a job is inside its finish window at `now`.
 *
 * @example
 * import { isHot } from './planTick';
 * isHot({ job: 'a', dueAt: 9_000, notBefore: 0, deadlineAt: Infinity, inFlight: false, window: { from: 5_000, until: 12_000, density: 1e-4 } }, 6_000); // true
 *
 * @since 0.2.0
 * @category destructors
 */
export const isHot = (j: PlannedJob, now: number): boolean =>
  j.window !== undefined && j.window.from <= now && now < j.window.until;

/**
 * The spacing of extra rounds for hot jobs that produce `finishesPerMs` expected finishes per
 * millisecond together, when a round takes `requests` requests (more hot jobs than `maxBatchSize`): the
 * time in which they are expected to finish 0.7 jobs per request, never closer than 250 ms nor than
 * `requestBudget` requests a second allow; `Infinity` when that is no tighter than `maxExtraSpacingMs` (not
 * worth it). A client without batching (`statusBatchSize` 1) pays a request per hot job in a round, and
 * one following thousands of jobs many requests a round, so neither practically ever sends one.
 *
 * @example
 * import { defaultPlannerConfig, extraSpacing } from './planTick';
 * extraSpacing(1 / 500, defaultPlannerConfig); // 350: a finish every 0.5 s expected, 0.7 of one in 0.35 s
 * extraSpacing(1 / 10, defaultPlannerConfig); // 250: at most 4 requests a second
 * extraSpacing(1 / 4_000, defaultPlannerConfig); // Infinity: the jobs' own plans do as well
 *
 * @since 0.2.0
 * @category destructors
 */
export const extraSpacing = (finishesPerMs: number, config: PlannerConfig, requests = 1): number => {
  if (!(finishesPerMs > 0)) return Infinity;
  const worth = (requests * FINISHES_PER_EXTRA_REQUEST) / finishesPerMs;
  const spacing = Math.max(MIN_EXTRA_SPACING_MS, (requests * 1_000) / config.requestBudget, worth);
  // Whole milliseconds: schedulers and marble diagrams count in them.
  return spacing >= config.maxExtraSpacingMs ? Infinity : Math.ceil(spacing);
};

interface Survey {
  /** Ready now, the jobs that must go first (their `latestAt` passed), then the others, each by `dueAt`. */
  readonly due: PlannedJob[];
  /** How many of `due` must go now. */
  readonly must: number;
  readonly hot: PlannedJob[];
  readonly soon: PlannedJob[];
  /** Past their finish window (late by the model, backing off): a free look is all the more welcome. */
  readonly overdue: PlannedJob[];
  readonly expired: string[];
  readonly hotDensity: number;
  /** Earliest moment a request may be wanted (within the budget): a plan falls due. */
  readonly nextEvent: number;
  /** Earliest moment a finish window opens (a job turns hot: an extra round may become worth it). */
  readonly nextOpening: number;
  /** Earliest moment a request must go whatever the budget: a job reaches its `latestAt`. */
  readonly nextMust: number;
  /** Earliest follower deadline still ahead (a pause does not delay it). */
  readonly nextDeadline: number;
}

const byDue = (x: PlannedJob, y: PlannedJob): number => x.dueAt - y.dueAt;

const survey = (
  jobs: Iterable<PlannedJob>,
  config: PlannerConfig,
  now: number,
  /** Jobs just sent for: in flight from now on. */
  sent?: ReadonlySet<PlannedJob>,
): Survey => {
  const must: PlannedJob[] = [];
  const wanted: PlannedJob[] = [];
  const hot: PlannedJob[] = [];
  const soon: PlannedJob[] = [];
  const overdue: PlannedJob[] = [];
  const expired: string[] = [];
  let hotDensity = 0;
  let nextEvent = Infinity;
  let nextMust = Infinity;
  let nextOpening = Infinity;
  let nextDeadline = Infinity;
  for (const j of jobs) {
    if (j.deadlineAt <= now) {
      expired.push(j.job);
      continue;
    }
    nextDeadline = Math.min(nextDeadline, j.deadlineAt);
    if (j.inFlight || sent?.has(j) === true) continue;
    const readyAt = Math.max(j.dueAt, j.notBefore);
    const mustAt = Math.max(j.latestAt ?? j.dueAt, readyAt);
    if (mustAt <= now) {
      must.push(j);
      continue;
    }
    nextMust = Math.min(nextMust, mustAt);
    if (readyAt <= now) {
      wanted.push(j);
      continue;
    }
    nextEvent = Math.min(nextEvent, readyAt);
    if (j.notBefore > now) continue;
    if (isHot(j, now)) {
      hot.push(j);
      hotDensity += j.window!.density;
    } else if (j.window !== undefined && j.window.until <= now) {
      overdue.push(j);
    } else {
      if (j.dueAt <= now + config.coalesceWindowMs) soon.push(j);
      if (j.window !== undefined && j.window.from > now && j.window.from < j.window.until)
        // Whole milliseconds: schedulers and marble diagrams count in them.
        nextOpening = Math.min(nextOpening, Math.ceil(j.window.from));
    }
  }
  const due = [...must.sort(byDue), ...wanted.sort(byDue)];
  return {
    due,
    must: must.length,
    hot,
    soon,
    overdue,
    expired,
    hotDensity,
    nextEvent,
    nextOpening,
    nextMust,
    nextDeadline,
  };
};

/** Requests one extra round for the hot jobs takes. */
const rounds = (s: Survey, config: PlannerConfig): number => Math.ceil(s.hot.length / config.maxBatchSize);
const byLikelyFinish = (x: PlannedJob, y: PlannedJob): number => y.window!.density - x.window!.density;

/**
 * When to tick next: when a request may be wanted (a job left due, a plan falling due, a window opening,
 * an extra round) once the budget allows one, or when one must go (a job reaching its `latestAt`); never
 * before the pause ends, but at the earliest follower deadline whatever the pause.
 */
const wakeAfter = (s: Survey, state: PlannerState, config: PlannerConfig, now: number): number => {
  const spacing = s.hot.length > 0 ? extraSpacing(s.hotDensity, config, rounds(s, config)) : Infinity;
  // Hot jobs that were never sent for: their first extra request may go at once.
  const extraAt = spacing === Infinity ? Infinity : Math.max(state.lastSentAt + spacing, -Number.MAX_VALUE);
  // One more hot job can make an extra round worth it only while a round is cheap enough for the budget:
  // with hundreds of hot jobs it is not, and waking at each of thousands of openings would be waste.
  const oneMore = Math.ceil((s.hot.length + 1) / config.maxBatchSize);
  const openingAt =
    Math.max(MIN_EXTRA_SPACING_MS, (oneMore * 1_000) / config.requestBudget) < config.maxExtraSpacingMs
      ? s.nextOpening
      : Infinity;
  const wantedAt = Math.min(s.due.length > 0 ? now : Infinity, s.nextEvent, openingAt, extraAt);
  const sendAt = Math.min(
    wantedAt === Infinity ? Infinity : Math.max(wantedAt, requestAllowedAt(state, config, now)),
    s.must > 0 ? now : s.nextMust,
  );
  return sendAt === Infinity ? s.nextDeadline : Math.min(Math.max(sendAt, state.pausedUntil), s.nextDeadline);
};

/**
 * Decides one tick: which jobs go out now, in how many requests, and when to wake next.
 *
 * Jobs past their own policy's plan (`latestAt`) always go, in as many requests as `maxBatchSize`
 * needs: the budget never makes a job wait longer than its policy alone would. Jobs whose shared plan
 * (`dueAt`) came go after them, in more requests only as far as the `requestBudget` allows. A request
 * that goes anyway also carries the hot jobs (most likely finish first) and then the jobs due within
 * `coalesceWindowMs`, while there is room. When nothing is due but the hot jobs have waited their
 * {@link extraSpacing}, one extra round carries the hot jobs alone, within the budget. Nothing goes out
 * during a `Retry-After` pause; expired deadlines are reported whatever the pause.
 *
 * @example
 * import { defaultPlannerConfig, planTick, startPlanner } from './planTick';
 * const jobs = [
 *   { job: 'a', dueAt: 1_000, notBefore: 0, deadlineAt: Infinity, inFlight: false },
 *   { job: 'b', dueAt: 2_500, notBefore: 0, deadlineAt: Infinity, inFlight: false },
 * ];
 * planTick(jobs, startPlanner(), defaultPlannerConfig, 1_000).requests; // [['a', 'b']]: b rides along
 *
 * @since 0.2.0
 * @category destructors
 */
export const planTick = (
  /** Iterated twice: pass a collection, not a one-shot iterator. */
  jobs: Iterable<PlannedJob>,
  state: PlannerState,
  config: PlannerConfig,
  now: number,
): TickPlan => {
  const s = survey(jobs, config, now);
  const idle: TickPlan = {
    requests: [],
    expired: s.expired,
    wakeAt: wakeAfter(s, state, config, now),
    state,
  };
  if (now < state.pausedUntil) return idle;
  const extra =
    s.due.length === 0 &&
    s.hot.length > 0 &&
    now >= state.lastSentAt + extraSpacing(s.hotDensity, config, rounds(s, config));
  if (s.due.length === 0 && !extra) return idle;
  const available = availableRequests(state, config, now);
  // A hair of tolerance: the bucket refills in floating point.
  const allowed = Math.floor(available + 1e-9);
  const hot = s.hot.sort(byLikelyFinish);
  const first = extra ? hot : s.due;
  const needed = Math.ceil(first.length / config.maxBatchSize);
  const owed = Math.ceil(s.must / config.maxBatchSize);
  const count = Math.max(owed, Math.min(needed, owed + allowed));
  if (count === 0) return idle;

  const room = count * config.maxBatchSize;
  const carried = extra
    ? hot.slice(0, room)
    : [...s.due.slice(0, room), ...hot.slice(0, Math.max(0, room - s.due.length))];
  carried.push(...s.overdue.sort(byDue).slice(0, Math.max(0, room - carried.length)));
  carried.push(...s.soon.sort(byDue).slice(0, Math.max(0, room - carried.length)));
  const requests: string[][] = [];
  for (let i = 0; i < carried.length; i += config.maxBatchSize)
    requests.push(carried.slice(i, i + config.maxBatchSize).map((j) => j.job));

  const halve = state.requests + requests.length >= SHARING_MEMORY;
  const polls = state.polls + carried.length;
  const requestCount = state.requests + requests.length;
  const next: PlannerState = {
    ...state,
    lastSentAt: now,
    polls: halve ? polls / 2 : polls,
    requests: halve ? requestCount / 2 : requestCount,
    // Only what goes beyond the owed requests spends the budget.
    tokens: available - (requests.length - owed),
    tokensAt: now,
  };
  // What is left once the carried jobs are in flight decides the wake-up.
  const rest = survey(jobs, config, now, new Set(carried));
  return { requests, expired: s.expired, wakeAt: wakeAfter(rest, next, config, now), state: next };
};

/**
 * When to ask the planner again, without sending anything: after answers came in, after a job joined
 * or left. `now` when something is due already.
 *
 * @example
 * import { defaultPlannerConfig, nextWakeAt, startPlanner } from './planTick';
 * nextWakeAt([{ job: 'a', dueAt: 3_000, notBefore: 0, deadlineAt: Infinity, inFlight: false }], startPlanner(), defaultPlannerConfig, 0); // 3000
 *
 * @since 0.2.0
 * @category destructors
 */
export const nextWakeAt = (
  jobs: Iterable<PlannedJob>,
  state: PlannerState,
  config: PlannerConfig,
  now: number,
): number => {
  const s = survey(jobs, config, now);
  return s.expired.length > 0 ? now : wakeAfter(s, state, config, now);
};
