import { estimatedChangeAt, jobPace } from './jobPace';
import type { PollingPolicy } from './PollingPolicy';
import { hasProgress, isTerminalStatus, type PollState } from './PollState';

/**
 * Estimated milliseconds until the job finishes, seen from `now`; `undefined` until the job has shown
 * its pace (an estimate from the prior alone would be a guess dressed up as a number), 0 once it ended.
 *
 * @example
 * import { observeStatus, startPolling } from './PollState';
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { eta } from './eta';
 * let s = startPolling(0, { fresh: true });
 * s = observeStatus(s, { status: 'in_progress', current: 0, total: 4 }, 1_000);
 * eta(s, defaultPollingPolicy, 1_000); // undefined: no step seen yet
 *
 * @since 0.1.0
 * @category destructors
 */
export const eta = (state: PollState, policy: PollingPolicy, now: number): number | undefined => {
  const last = state.last;
  if (last === undefined) return undefined;
  if (isTerminalStatus(last.status)) return 0;
  if (!hasProgress(last)) return undefined;
  const { msPerStep, stepsSeen } = jobPace(state, policy);
  if (stepsSeen === 0) return undefined;
  const remaining = Math.max(1, last.total - last.current);
  const elapsed = last.status === 'initial' ? 0 : now - estimatedChangeAt(state);
  const lo = msPerStep * (1 - policy.stepVariation);
  const hi = msPerStep * (1 + policy.stepVariation);
  // Expected rest of the step under way, given it has run `elapsed` ms (uniform over [lo, hi]).
  const currentStep = elapsed < lo ? msPerStep - elapsed : Math.max(0, (hi - elapsed) / 2);
  return Math.round((remaining - 1) * msPerStep + currentStep);
};
