import type { PollingPolicy } from './PollingPolicy';
import { hasProgress, type PollState } from './PollState';

/**
 * The poller's estimate of how long one step of this job takes.
 *
 * @example
 * import { startPolling } from './PollState';
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { jobPace } from './jobPace';
 * jobPace(startPolling(0, { fresh: true }), defaultPollingPolicy); // { msPerStep: 4000, stepsSeen: 0, uncertaintyMs: 1000 }
 *
 * @category model
 */
export interface JobPace {
  /** Expected milliseconds per step: the job's own pace blended with `expectedStepMs`. */
  readonly msPerStep: number;
  /** Steps the job was seen to complete since the pace reference; 0 means the estimate is the prior. */
  readonly stepsSeen: number;
  /** Standard deviation of `msPerStep` itself: large before the job has shown its pace. */
  readonly uncertaintyMs: number;
}

const mid = (a: number, b: number): number => (a + b) / 2;

/**
 * Best guess of when the latest change happened. Of k steps that ended within one poll gap, the last
 * ended on average k/(k+1) into the gap (the maximum of k uniform points); for one step, the middle.
 *
 * @example
 * import { estimatedChangeAt } from './jobPace';
 * import type { PollState } from './PollState';
 * declare const state: PollState;
 * estimatedChangeAt({ ...state, changedAfter: 0, changedBy: 3_000, changeSteps: 2 }); // 2000
 *
 * @category destructors
 */
export const estimatedChangeAt = (state: PollState): number => {
  const k = Math.max(1, state.changeSteps);
  return state.changedAfter + ((state.changedBy - state.changedAfter) * k) / (k + 1);
};

/**
 * How long one step of this job takes, learned from its progress: "k steps in t ms" since the pace
 * reference (the job's start when it was ordered by us).
 *
 * Why the whole span and not an average of per-poll intervals (EWMA): each change is only known to
 * within one poll gap, and the poller keeps gaps wide on purpose. Over k steps the error of the whole
 * span stays one gap, so the estimate sharpens as 1/k; an average of single intervals would keep the
 * gap's error in every term. The prior (`expectedStepMs`, weighing as `priorSteps` steps) keeps a
 * first lucky or unlucky step from swinging the estimate.
 *
 * @example
 * import { observeStatus, startPolling } from './PollState';
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { jobPace } from './jobPace';
 * let s = startPolling(0, { fresh: true });
 * s = observeStatus(s, { status: 'in_progress', current: 0, total: 5 }, 1_000);
 * s = observeStatus(s, { status: 'in_progress', current: 2, total: 5 }, 5_000);
 * jobPace(s, defaultPollingPolicy).stepsSeen; // 2
 *
 * @category destructors
 */
export const jobPace = (state: PollState, policy: PollingPolicy): JobPace => {
  const prior = policy.expectedStepMs;
  const mark = state.paceMark;
  const last = state.last;
  let stepsSeen = 0;
  let msPerStep = prior;
  if (mark !== undefined && last !== undefined && hasProgress(last) && last.current > mark.current) {
    stepsSeen = last.current - mark.current;
    // When the change and the reference fall in the same poll gap, all we know is that k steps (and the
    // start) fit in it: k + 1 points spread over the gap leave k/(k+1) of it to the steps.
    const changedAt = estimatedChangeAt(state);
    const span =
      state.changedAfter >= mark.by
        ? changedAt - mid(mark.after, mark.by)
        : ((state.changedBy - mark.after) * stepsSeen) / (stepsSeen + 1);
    const observed = Math.max(1, span / stepsSeen);
    msPerStep = (policy.priorSteps * prior + stepsSeen * observed) / (policy.priorSteps + stepsSeen);
  }
  const uncertaintyMs = (policy.rateUncertainty * msPerStep) / Math.sqrt(1 + stepsSeen / policy.priorSteps);
  return { msPerStep, stepsSeen, uncertaintyMs };
};
