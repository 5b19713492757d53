import { normalQuantile, trapezoidQuantile } from './finishTime';
import { jobPace } from './jobPace';
import type { PollingPolicy } from './PollingPolicy';
import { hasProgress, WAITING, INITIAL, isTerminalStatus, type PollState } from './PollState';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Where the policy expects a job's finish: from when a finish becomes plausible, until when the job would
 * be overdue (stalled: the model has nothing more to say), and how densely finishes fall in between.
 * Scheduler milliseconds, as seen from the latest poll.
 *
 * The batch planner uses it to learn which jobs may finish right now (they ride along with every request
 * that goes out) and how many finishes a request at a given moment is likely to catch.
 *
 * @example
 * import type { FinishWindow } from './finishWindow';
 * const lastStep: FinishWindow = { from: 14_000, until: 21_000, density: 1 / 5_000 };
 *
 * @since 0.2.0
 * @category model
 */
export interface FinishWindow {
  /** A finish is plausible (at least `earlyFinishRisk` likely) from this time on. */
  readonly from: number;
  /** Past this time the job is overdue: it is polled with backoff, no longer as a likely finish. */
  readonly until: number;
  /** Expected finishes per millisecond inside the window: one over the width of the likely finish range. */
  readonly density: number;
}

/** The quantities `nextPollAt` and `finishWindow` share. @internal */
export interface FinishModel {
  readonly window: FinishWindow;
  /** When the job has probably entered its last step (the leap target); `undefined` in the last step. */
  readonly lastStepLikely?: number;
  /** The earliest plausible finish, relative to the latest poll (ms from `lastPollAt`). */
  readonly earlyFinishIn: number;
  /** Whether this is the last step with a start known to within one poll gap. */
  readonly phase: 'lastStepUnknownStart' | 'lastStep' | 'approach';
  /** Whether the job has not completed any step yet (only the prior speaks for its pace). */
  readonly noStepSeen: boolean;
}

/** Aim at the moment the job is about as likely as not to have entered its last step. */
const LAST_STEP_AIM = 0.45;

/**
 * The finish model of a running job with progress: the early-finish point, the last-step point and the
 * overdue point. `undefined` for a job without a model (ended, waiting for a user, no progress, no status).
 *
 * @internal
 */
export const finishModel = (state: PollState, policy: PollingPolicy): FinishModel | undefined => {
  const last = state.last;
  if (last === undefined || isTerminalStatus(last.status) || last.status === WAITING || !hasProgress(last))
    return undefined;
  const { msPerStep: mu, uncertaintyMs } = jobPace(state, policy);
  const variation = policy.stepVariation;
  const lo = mu * (1 - variation);
  const hi = mu * (1 + variation);
  const stepVariance = (variation * mu) ** 2 / 3;
  const now = state.lastPollAt;
  const until = state.changedBy + hi + 2 * uncertaintyMs;
  const risk = policy.earlyFinishRisk;
  const remaining = Math.max(1, last.total - last.current);
  const queued = last.status === INITIAL;
  const noStepSeen = last.current === 0;
  // A job followed from the middle (job$) has been in its current step for an unknown time until we
  // see it change: that step may end any moment.
  const stepStartKnown = state.fresh || state.paceMark !== undefined;
  if (remaining === 1 && !queued && !stepStartKnown)
    return {
      window: { from: -Infinity, until, density: 1 / Math.max(1, hi) },
      earlyFinishIn: 0,
      phase: 'lastStepUnknownStart',
      noStepSeen,
    };
  if (remaining === 1 && !queued) {
    const earliestStep = Math.max(0, lo - 2 * uncertaintyMs * (1 - variation));
    const gap = state.changedBy - state.changedAfter;
    const from = state.changedAfter + earliestStep + trapezoidQuantile(gap, hi - lo, risk);
    return {
      window: { from, until, density: 1 / Math.max(1, gap + hi - lo) },
      earlyFinishIn: from - now,
      phase: 'lastStep',
      noStepSeen,
    };
  }
  // The step under way began when the status changed (or, while queued, has not begun yet).
  const elapsed = queued ? 0 : stepStartKnown ? now - state.changedAfter : hi;
  const a = Math.max(0, lo - elapsed);
  const b = Math.max(a + 1, hi - elapsed);
  const currentVariance = (b - a) ** 2 / 12;
  const after = remaining - 1;
  const finishMean = (a + b) / 2 + after * mu;
  const finishSd = Math.sqrt(
    currentVariance + after * stepVariance + ((remaining - 0.5) * uncertaintyMs) ** 2,
  );
  const earlyFinishIn = Math.max(0, finishMean + normalQuantile(risk) * finishSd);
  // A normal spread of sd s covers about the same finishes as a uniform one of width √12 · s.
  const window = { from: now + earlyFinishIn, until, density: 1 / Math.max(1, Math.sqrt(12) * finishSd) };
  if (after === 0) return { window, earlyFinishIn, phase: 'approach', noStepSeen };
  const lastStepMean = (a + b) / 2 + (after - 1) * mu;
  const lastStepSd = Math.sqrt(
    currentVariance + (after - 1) * stepVariance + ((remaining - 1.5) * uncertaintyMs) ** 2,
  );
  const lastStepLikely = Math.max(0, lastStepMean + normalQuantile(LAST_STEP_AIM) * lastStepSd);
  return { window, lastStepLikely, earlyFinishIn, phase: 'approach', noStepSeen };
};

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Where the job's finish is likely, by the same model `nextPollAt` uses; `undefined` when the policy has
 * no model for it (not polled yet, ended, waiting for a user, or a status without progress).
 *
 * @example
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { finishWindow } from './finishWindow';
 * import { observeStatus, startPolling } from './PollState';
 * let s = startPolling(0, { fresh: true });
 * s = observeStatus(s, { status: 'in_progress', current: 3, total: 4 }, 9_000);
 * finishWindow(s, defaultPollingPolicy)?.from; // when the last step may plausibly end
 *
 * @since 0.2.0
 * @category destructors
 */
export const finishWindow = (state: PollState, policy: PollingPolicy): FinishWindow | undefined =>
  finishModel(state, policy)?.window;
