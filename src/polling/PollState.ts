/**
 * What the poller knows about one job, as immutable data, and the step functions that fold each
 * observation into it: `(state, observation, now) => state`. Nothing here does I/O or keeps time; the
 * caller passes `now`.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One status as the poller sees it: the server's status string and, when sent, the progress counts.
 *
 * @example
 * import type { JobObservation } from './PollState';
 * const seen: JobObservation = { status: 'in_progress', current: 2, total: 6 };
 *
 * @category model
 */
export interface JobObservation {
  readonly status: string;
  readonly current?: number;
  readonly total?: number;
}

/**
 * A point of reference for the job's pace: the job had `current` steps done at some moment between
 * `after` and `by` (two consecutive polls).
 *
 * @example
 * import type { PaceMark } from './PollState';
 * const started: PaceMark = { after: 0, by: 3_000, current: 0 }; // ordered at 0, seen running at 3 s
 *
 * @category model
 */
export interface PaceMark {
  readonly after: number;
  readonly by: number;
  readonly current: number;
}

/**
 * The poller's knowledge of one job. Times are scheduler milliseconds.
 *
 * @example
 * import { observeStatus, startPolling } from './PollState';
 * const s = observeStatus(startPolling(0, { fresh: true }), { status: 'in_progress', current: 1, total: 4 }, 2_500);
 * s.last?.current; // 1
 *
 * @category model
 */
export interface PollState {
  /** When following started: the order time for a fresh job, else when `job$` was subscribed. */
  readonly since: number;
  /** Whether the job was ordered at `since`, so it had 0 steps done then. */
  readonly fresh: boolean;
  /** Time of the latest status observed (`since` before the first one). */
  readonly lastPollAt: number;
  /** The latest status observed. */
  readonly last?: JobObservation;
  /** The change to `last` happened after this poll… */
  readonly changedAfter: number;
  /** …and by this one. */
  readonly changedBy: number;
  /** Steps `current` advanced by in that change (several steps can pass between two polls). */
  readonly changeSteps: number;
  /** The reference the pace is measured from; set once the job has been seen to move. */
  readonly paceMark?: PaceMark;
  /** Polls in a row that saw the same status and progress. */
  readonly unchangedPolls: number;
  /** Status responses in a row that left the job out. */
  readonly misses: number;
  /** No poll before this time (a `Retry-After`). */
  readonly notBefore: number;
  /** Poll no later than this time (someone asked for a poll soon, e.g. after a selection). */
  readonly soonAt?: number;
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The state of a job the poller starts following at `now`. `fresh` means it was ordered just now, so it
 * had no progress yet: the first steps seen then tell the job's pace at once.
 *
 * @example
 * import { startPolling } from './PollState';
 * startPolling(1_000, { fresh: false }).since; // 1000
 *
 * @category constructors
 */
export const startPolling = (now: number, options: { readonly fresh: boolean }): PollState => ({
  since: now,
  fresh: options.fresh,
  lastPollAt: now,
  changedAfter: now,
  changedBy: now,
  changeSteps: 0,
  unchangedPolls: 0,
  misses: 0,
  notBefore: now,
});

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * Whether a status string ends a job: `finished` or `error`. Every other string (documented or not)
 * means it is still running.
 *
 * @example
 * import { isTerminalStatus } from './PollState';
 * isTerminalStatus('finished'); // true
 * isTerminalStatus('queued'); // false
 *
 * @category refinements
 */
export const isTerminalStatus = (status: string): boolean => status === 'finished' || status === 'error';

/**
 * Whether an observation carries usable progress counts (0 ≤ current ≤ total, total > 0).
 *
 * @example
 * import { hasProgress } from './PollState';
 * hasProgress({ status: 'in_progress', current: 1, total: 3 }); // true
 * hasProgress({ status: 'queued' }); // false
 *
 * @category refinements
 */
export const hasProgress = (
  o: JobObservation,
): o is JobObservation & { readonly current: number; readonly total: number } =>
  typeof o.current === 'number' &&
  typeof o.total === 'number' &&
  Number.isFinite(o.current) &&
  Number.isFinite(o.total) &&
  o.total > 0 &&
  o.current >= 0 &&
  o.current <= o.total;

/**
 * Whether two observations differ in what a user would notice: status, current or total.
 *
 * @example
 * import { isChange } from './PollState';
 * isChange({ status: 'in_progress', current: 1, total: 3 }, { status: 'in_progress', current: 2, total: 3 }); // true
 *
 * @category refinements
 */
export const isChange = (before: JobObservation | undefined, after: JobObservation): boolean =>
  before === undefined ||
  before.status !== after.status ||
  before.current !== after.current ||
  before.total !== after.total;

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/** The status of a job that waits for a user's choice (KIK). @internal */
export const WAITING = 'waiting for user';
/** The status of a job still queued. @internal */
export const INITIAL = 'initial';

/**
 * Where the pace is measured from after this observation. A fresh job started with 0 steps between
 * the last `initial` poll (or the order) and the first poll that saw it run. A resumed job has no
 * reference until it is seen to move. After a user's selection the clock restarts, because the time
 * spent waiting says nothing about the job's speed.
 */
const nextPaceMark = (
  state: PollState,
  observation: JobObservation,
  changed: boolean,
  now: number,
): PaceMark | undefined => {
  if (!changed || !hasProgress(observation) || observation.status === INITIAL) return state.paceMark;
  const previous = state.last;
  const leftWaiting = previous?.status === WAITING && observation.status !== WAITING;
  if (leftWaiting) return { after: state.lastPollAt, by: now, current: observation.current };
  if (state.paceMark !== undefined) return state.paceMark;
  if (state.fresh)
    return { after: previous?.status === INITIAL ? state.lastPollAt : state.since, by: now, current: 0 };
  // A resumed job: its first status is no change at all; the first change is the reference.
  return previous === undefined
    ? undefined
    : { after: state.lastPollAt, by: now, current: observation.current };
};

const stepsAdvanced = (before: JobObservation | undefined, after: JobObservation): number =>
  before !== undefined && hasProgress(before) && hasProgress(after)
    ? Math.max(0, after.current - before.current)
    : hasProgress(after)
      ? after.current
      : 0;

/**
 * Folds a status observed at `now` into the state.
 *
 * @example
 * import { observeStatus, startPolling } from './PollState';
 * const s0 = startPolling(0, { fresh: true });
 * const s1 = observeStatus(s0, { status: 'in_progress', current: 0, total: 3 }, 2_500);
 * const s2 = observeStatus(s1, { status: 'in_progress', current: 0, total: 3 }, 4_000);
 * s2.unchangedPolls; // 1
 *
 * @category combinators
 */
export const observeStatus = (state: PollState, observation: JobObservation, now: number): PollState => {
  const changed = isChange(state.last, observation);
  const paceMark = nextPaceMark(state, observation, changed, now);
  const { soonAt: _served, ...rest } = state;
  return {
    ...rest,
    lastPollAt: now,
    last: observation,
    changedAfter: changed ? state.lastPollAt : state.changedAfter,
    changedBy: changed ? now : state.changedBy,
    changeSteps: changed ? stepsAdvanced(state.last, observation) : state.changeSteps,
    ...(paceMark === undefined ? {} : { paceMark }),
    unchangedPolls: changed ? 0 : state.unchangedPolls + 1,
    misses: 0,
  };
};

/**
 * A status response that left the job out. The job is polled again (after the minimum delay) and
 * becomes `JobNotFound` once `misses` reaches the policy's `missesBeforeNotFound`.
 *
 * @example
 * import { observeMiss, startPolling } from './PollState';
 * observeMiss(startPolling(0, { fresh: true }), 2_500).misses; // 1
 *
 * @category combinators
 */
export const observeMiss = (state: PollState, now: number): PollState => {
  const { soonAt: _served, ...rest } = state;
  return { ...rest, misses: state.misses + 1, lastPollAt: now };
};

/**
 * The server asked us to wait (`Retry-After`): no poll of this job before `until`.
 *
 * @example
 * import { observeRetryAfter, startPolling } from './PollState';
 * observeRetryAfter(startPolling(0, { fresh: true }), 30_000).notBefore; // 30000
 *
 * @category combinators
 */
export const observeRetryAfter = (state: PollState, until: number): PollState => ({
  ...state,
  notBefore: Math.max(state.notBefore, until),
});

/**
 * Asks for a poll no later than `at` (say, right after a user's selection was posted), whatever the
 * model predicts. A `Retry-After` still wins.
 *
 * @example
 * import { pollSoon, startPolling } from './PollState';
 * pollSoon(startPolling(0, { fresh: false }), 500).soonAt; // 500
 *
 * @category combinators
 */
export const pollSoon = (state: PollState, at: number): PollState => ({
  ...state,
  soonAt: state.soonAt === undefined ? at : Math.min(state.soonAt, at),
});
