import * as E from 'fp-ts/lib/Either.js';
import { MAX_TIMER_MS, numberOption, WHOLE } from '../config/optionChecks';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How the shared poller spaces the status requests of one job. Plain data: every field has a default
 * (see {@link defaultPollingPolicy}) and is validated once by {@link normalizePollingPolicy}.
 *
 * The defaults were tuned by simulation (spec/polling/figureOfMerit.spec.ts) on jobs of 2–10 steps of
 * 0.5–12 s: they aim for a detection delay (client notices `finished` minus server finished) whose 95th
 * percentile stays under 2 s, with as few status requests as that allows. See docs/polling.md.
 *
 * @example
 * import { normalizePollingPolicy } from 'planviewer-rx/polling';
 * const frugal = normalizePollingPolicy({ precisionMs: 5_000, maxDelayMs: 120_000 }); // Right(policy)
 *
 * @since 0.1.0
 * @category model
 */
export interface PollingPolicy {
  /**
   * First poll of a job this long after it was ordered (or after `job$` started following it).
   * Nothing is known about a job before its first status, so this is a plain guess: late enough that a
   * fast job has shown a step or two (its pace), early enough that a tiny job is not left waiting.
   * @default 3000
   */
  readonly initialDelayMs: number;
  /** Never poll one job more often than this. @default 500 */
  readonly minDelayMs: number;
  /** Never leave a job unpolled longer than this. @default 60000 */
  readonly maxDelayMs: number;
  /**
   * The spacing of polls while the job may finish any moment. It bounds the detection delay: a job that
   * finishes inside that window is noticed within `precisionMs` (minus jitter), so the 95th percentile
   * of the detection delay is about `0.95 × precisionMs`.
   * @default 1700
   */
  readonly precisionMs: number;
  /**
   * Growth of the delay while nothing changes though the model says it should have (a stalled job, a
   * job waiting for a user, a status without progress). Between 1.5 and 2 is the usual range.
   * @default 1.5
   */
  readonly backoffFactor: number;
  /**
   * Each delay is shortened by up to this fraction, at random, so that many clients (or many jobs
   * ordered together) spread out. Only ever shortened: jitter must not cost detection delay.
   * @default 0.1
   */
  readonly jitterRatio: number;
  /**
   * When a status request goes out anyway, it also carries the jobs due within this window (as long as
   * they fit in the batches already needed): they ride along for free.
   * @default 1000
   */
  readonly coalesceWindowMs: number;
  /** A job missing from this many status responses in a row ends with `JobNotFound`. @default 3 */
  readonly missesBeforeNotFound: number;
  /**
   * The expected duration of one progress step before a job has shown its own pace. Planviewer
   * publishes no timings; 4 s is the middle of the products the simulator models.
   * @default 4000
   */
  readonly expectedStepMs: number;
  /**
   * How much one step may differ from the job's mean step, as a fraction: a step takes between
   * `(1 - v)` and `(1 + v)` times the mean. Steps of one job can vary a lot, and a job that runs over
   * this range is treated as stalled (backoff), so err on the wide side.
   * @default 0.75
   */
  readonly stepVariation: number;
  /** How many observed steps `expectedStepMs` weighs as, when blended with the job's own pace. @default 1 */
  readonly priorSteps: number;
  /**
   * The relative uncertainty of the expected step before any step was observed; it shrinks as steps are
   * seen. It keeps the poller from leaping past a job that turns out much faster than expected.
   * @default 0.25
   */
  readonly rateUncertainty: number;
  /**
   * The probability of an early finish the poller accepts to skip over when it leaps ahead: the
   * smaller, the earlier (and more often) it polls before the likely finish.
   * @default 0.03
   */
  readonly earlyFinishRisk: number;
}

/**
 * Options as a user writes them: any subset of {@link PollingPolicy}.
 *
 * @example
 * import type { PollingOptions } from 'planviewer-rx';
 * const patient: PollingOptions = { precisionMs: 5_000, maxDelayMs: 120_000 };
 *
 * @category model
 */
export type PollingOptions = Partial<PollingPolicy>;

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Every default of {@link PollingPolicy}.
 *
 * @example
 * import { defaultPollingPolicy } from 'planviewer-rx/polling';
 * defaultPollingPolicy.precisionMs; // 1700
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultPollingPolicy: PollingPolicy = {
  initialDelayMs: 3_000,
  minDelayMs: 500,
  maxDelayMs: 60_000,
  precisionMs: 1_700,
  backoffFactor: 1.5,
  jitterRatio: 0.1,
  coalesceWindowMs: 2_000,
  missesBeforeNotFound: 3,
  expectedStepMs: 4_000,
  stepVariation: 0.75,
  priorSteps: 1,
  rateUncertainty: 0.25,
  earlyFinishRisk: 0.03,
};

/** Each option's range, `[min, max]`, and `WHOLE` where only whole numbers make sense. */
type Range = readonly [number, number, typeof WHOLE?];

const ranges: { readonly [K in keyof PollingPolicy]: Range } = {
  initialDelayMs: [0, MAX_TIMER_MS],
  minDelayMs: [0, MAX_TIMER_MS],
  maxDelayMs: [1, MAX_TIMER_MS],
  precisionMs: [1, MAX_TIMER_MS],
  backoffFactor: [1, 10],
  jitterRatio: [0, 0.99],
  coalesceWindowMs: [0, MAX_TIMER_MS],
  missesBeforeNotFound: [1, 1_000, WHOLE],
  expectedStepMs: [1, MAX_TIMER_MS],
  stepVariation: [0, 0.99],
  priorSteps: [0.01, 1_000],
  rateUncertainty: [0, 10],
  earlyFinishRisk: [0.0001, 0.5],
};

/**
 * Validates polling options and fills in the defaults, in one place. The first problem found is an
 * `InvalidInput` naming the field (`polling.<name>`).
 *
 * @example
 * import { normalizePollingPolicy } from 'planviewer-rx/polling';
 * normalizePollingPolicy({ minDelayMs: 5_000, maxDelayMs: 1_000 });
 * // Left(InvalidInput polling.maxDelayMs: must be at least minDelayMs (5000))
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalizePollingPolicy = (
  options: PollingOptions = {},
  base: PollingPolicy = defaultPollingPolicy,
): E.Either<InvalidInput, PollingPolicy> => {
  const policy: { -readonly [K in keyof PollingPolicy]: number } = { ...base };
  for (const key of Object.keys(ranges) as (keyof PollingPolicy)[]) {
    const value = options[key];
    const field = `polling.${key}`;
    const problem =
      value === undefined || typeof value === 'number'
        ? numberOption(field, value, ...ranges[key])
        : invalidInput(field, `expected a number, got ${typeof value}`);
    if (problem !== undefined) return E.left(problem);
    if (value !== undefined) policy[key] = value;
  }
  if (policy.maxDelayMs < policy.minDelayMs)
    return E.left(invalidInput('polling.maxDelayMs', `must be at least minDelayMs (${policy.minDelayMs})`));
  return E.right(policy);
};
