import { finishModel } from './finishWindow';
import type { PollingPolicy } from './PollingPolicy';
import { hasProgress, WAITING, isTerminalStatus, type PollState } from './PollState';

/*
 * Why the poller polls when it does.
 *
 * The figure of merit is two numbers per job: status requests, and the delay between the job finishing on
 * the server and us noticing. A fixed 2 s interval has a detection delay spread evenly over 0–2 s (95th
 * percentile 1.9 s) and pays a request every 2 s of the job's life; exponential backoff (smithy's waiter)
 * is cheap but notices a finish tens of seconds late. Only the finish has to be noticed quickly: the
 * steps before it matter only for what they tell us about when the finish will come.
 *
 * So the poller predicts the finish from the job's pace (see jobPace) and spends its requests there:
 *
 * 1. Far from the finish (two or more steps to go) it leaps: to when the job has probably entered its
 *    last step (the median of that moment), but never past the point where an early finish becomes
 *    plausible (the `earlyFinishRisk` quantile of the finish time, plus one `precisionMs`). While the
 *    job approaches its last step it polls no more often than every 4 × precision: knowing when the last
 *    step began to within that window is all the precision the next phase needs.
 * 2. In the last step (its start known to within one poll gap) it waits until an early finish becomes
 *    plausible (the `earlyFinishRisk` quantile of start + step), then polls every `precisionMs` until
 *    the job finishes. Uniform spacing is what minimises requests for a given worst-case delay where the
 *    finish is likely; before that window the risk of a finish is small and skipping it is cheap.
 * 3. When the job takes longer than its pace allows (a stall, a slow server) the model has nothing left
 *    to say: the delay then grows by `backoffFactor` with the time overdue. The same backoff spaces polls
 *    of a job that waits for a user, or whose status carries no progress.
 *
 * Jitter only ever shortens a delay (so it never costs detection delay), `Retry-After` always wins, and
 * every delay is clamped to [minDelayMs, maxDelayMs].
 */

/** While the last step approaches, poll no more often than this many `precisionMs`. */
const APPROACH_SPACING = 4;

const modelDelay = (state: PollState, policy: PollingPolicy): number => {
  const precision = policy.precisionMs;
  const model = finishModel(state, policy);
  if (model === undefined) return precision;
  const overdueMs = state.lastPollAt - model.window.until;
  if (overdueMs > 0) return precision + overdueMs * (policy.backoffFactor - 1);
  if (model.phase === 'lastStepUnknownStart') return precision;
  if (model.phase === 'lastStep') return Math.max(precision, model.earlyFinishIn + precision);
  if (model.lastStepLikely === undefined) return model.earlyFinishIn + precision;
  const planned = Math.min(
    Math.max(APPROACH_SPACING * precision, model.lastStepLikely),
    model.earlyFinishIn + precision,
  );
  // A job that has not completed a step yet has only the prior pace to go on, and real step times spread
  // far wider than the prior's uncertainty (0.5-12 s a step in the simulator's catalogue); a long jump
  // from the prior alone made the worst detection delays in the benchmark. Look again soon enough to see
  // a step complete and learn the real pace.
  return model.noStepSeen ? Math.min(planned, APPROACH_SPACING * precision) : planned;
};

/**
 * The delay the policy plans after the latest observation, before clamping and jitter. `Infinity` for
 * a job that ended.
 *
 * @example
 * import { startPolling } from './PollState';
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { plannedDelay } from './nextPollAt';
 * plannedDelay(startPolling(0, { fresh: true }), defaultPollingPolicy); // 3000 (initialDelayMs)
 *
 * @since 0.1.0
 * @category destructors
 */
export const plannedDelay = (state: PollState, policy: PollingPolicy): number => {
  const last = state.last;
  if (state.misses > 0) return policy.precisionMs;
  const firstLookIn = state.since + policy.initialDelayMs - state.lastPollAt;
  if (last === undefined) return firstLookIn;
  if (isTerminalStatus(last.status)) return Infinity;
  const delay =
    last.status === WAITING || !hasProgress(last)
      ? policy.precisionMs * policy.backoffFactor ** state.unchangedPolls
      : modelDelay(state, policy);
  // A look at a job we ordered before its earliest regular first look, `initialDelayMs` shortened by
  // the most jitter (a shared early look, a ride-along), came before the job could show its pace: what it
  // saw is mostly the prior speaking, and a plan made from it can leap far past a fast job's finish. It
  // never postpones the regular first look.
  return state.fresh && firstLookIn > policy.initialDelayMs * policy.jitterRatio
    ? Math.min(delay, firstLookIn)
    : delay;
};

/**
 * When to poll this job next (scheduler milliseconds): the planned delay clamped to
 * [minDelayMs, maxDelayMs], shortened by jitter from `random` (a `() => number` in [0, 1), injectable
 * for tests), no later than a requested `pollSoon`, never before a `Retry-After`. `Infinity` for a job
 * that ended.
 *
 * @example
 * import { startPolling } from './PollState';
 * import { defaultPollingPolicy } from './PollingPolicy';
 * import { nextPollAt } from './nextPollAt';
 * nextPollAt(startPolling(0, { fresh: true }), defaultPollingPolicy, () => 0); // 3000
 *
 * @since 0.1.0
 * @category destructors
 */
export const nextPollAt = (state: PollState, policy: PollingPolicy, random: () => number): number => {
  const planned = plannedDelay(state, policy);
  if (planned === Infinity) return Infinity;
  const clamped = Math.min(policy.maxDelayMs, Math.max(policy.minDelayMs, planned));
  const jittered = Math.max(policy.minDelayMs, clamped * (1 - policy.jitterRatio * random()));
  // Whole milliseconds: schedulers and marble diagrams count in them.
  let at = Math.round(state.lastPollAt + jittered);
  if (state.soonAt !== undefined) at = Math.min(at, state.soonAt);
  return Math.max(at, state.notBefore);
};
