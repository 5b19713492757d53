import * as E from 'fp-ts/lib/Either.js';
import { MAX_TIMER_MS, numberOption, WHOLE } from '../config/optionChecks';
import { isRetryable, type InvalidInput, type PlanviewerError } from '../errors/PlanviewerError';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How transient failures of the idempotent GETs (status, retrieve, kik waiting) are retried: network
 * errors, 408/5xx and 429 with capped exponential backoff and jitter, never sooner than `Retry-After`,
 * within a budget the whole client shares. Orders are never retried.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * declare const key: string, secret: string;
 * const pv = createPlanviewer({ credentials: { key, secret }, retry: { maxAttempts: 3, budget: 10 } });
 *
 * @since 0.1.0
 * @category model
 */
export interface RetryOptions {
  /** Attempts of one call (a status batch, a download) before its failure ends the jobs it serves. @default 6 */
  readonly maxAttempts: number;
  /** Delay before the first retry; doubled (see `factor`) for each next one. @default 1000 */
  readonly baseDelayMs: number;
  /** The longest delay between attempts (a longer `Retry-After` still wins). @default 30000 */
  readonly maxDelayMs: number;
  /** Growth of the delay per attempt. @default 2 */
  readonly factor: number;
  /**
   * Retries the client may spend before it stops retrying: a token bucket, one token per retry. It
   * keeps a client from hammering a server that is down: once the bucket is empty, failures end jobs
   * with their typed Left at once.
   * @default 20
   */
  readonly budget: number;
  /** Tokens a successful request puts back (up to `budget`): the bucket refills as the server recovers. @default 0.2 */
  readonly refundPerSuccess: number;
}

/**
 * The shared bucket as data.
 *
 * @example
 * import type { RetryBudget } from './retryBudget';
 * const nearlyEmpty: RetryBudget = { tokens: 1, capacity: 20, refundPerSuccess: 0.2 };
 *
 * @category model
 */
export interface RetryBudget {
  readonly tokens: number;
  readonly capacity: number;
  readonly refundPerSuccess: number;
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Every default of {@link RetryOptions}.
 *
 * @example
 * import { defaultRetryOptions } from './retryBudget';
 * defaultRetryOptions.maxAttempts; // 6
 *
 * @category constructors
 */
export const defaultRetryOptions: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  factor: 2,
  budget: 20,
  refundPerSuccess: 0.2,
};

/**
 * Validates retry options and fills in the defaults.
 *
 * @example
 * import { normalizeRetryOptions } from './retryBudget';
 * normalizeRetryOptions({ maxAttempts: 0 }); // Left(InvalidInput retry.maxAttempts …)
 *
 * @category constructors
 */
export const normalizeRetryOptions = (
  options: Partial<RetryOptions> = {},
): E.Either<InvalidInput, RetryOptions> => {
  const problem =
    numberOption('retry.maxAttempts', options.maxAttempts, 1, 100, WHOLE) ??
    numberOption('retry.baseDelayMs', options.baseDelayMs, 0, MAX_TIMER_MS) ??
    numberOption('retry.maxDelayMs', options.maxDelayMs, 0, MAX_TIMER_MS) ??
    numberOption('retry.factor', options.factor, 1, 10) ??
    numberOption('retry.budget', options.budget, 0, 1_000_000) ??
    numberOption('retry.refundPerSuccess', options.refundPerSuccess, 0, 1_000_000);
  return problem === undefined
    ? E.right({ ...defaultRetryOptions, ...stripUndefined(options) })
    : E.left(problem);
};

const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * A full bucket for these options.
 *
 * @example
 * import { defaultRetryOptions, fullRetryBudget } from './retryBudget';
 * fullRetryBudget(defaultRetryOptions).tokens; // 20
 *
 * @category constructors
 */
export const fullRetryBudget = (options: RetryOptions): RetryBudget => ({
  tokens: options.budget,
  capacity: options.budget,
  refundPerSuccess: options.refundPerSuccess,
});

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Takes one retry from the bucket: `Right(budget)` with one token fewer, or `Left(budget)` unchanged
 * when it is empty.
 *
 * @example
 * import { takeRetry } from './retryBudget';
 * takeRetry({ tokens: 0.5, capacity: 20, refundPerSuccess: 0.2 })._tag; // 'Left'
 *
 * @category combinators
 */
export const takeRetry = (budget: RetryBudget): E.Either<RetryBudget, RetryBudget> =>
  budget.tokens >= 1 ? E.right({ ...budget, tokens: budget.tokens - 1 }) : E.left(budget);

/**
 * A request succeeded: put `refundPerSuccess` back, up to the capacity.
 *
 * @example
 * import { refundRetry } from './retryBudget';
 * refundRetry({ tokens: 19.9, capacity: 20, refundPerSuccess: 0.2 }).tokens; // 20
 *
 * @category combinators
 */
export const refundRetry = (budget: RetryBudget): RetryBudget =>
  budget.tokens >= budget.capacity
    ? budget
    : { ...budget, tokens: Math.min(budget.capacity, budget.tokens + budget.refundPerSuccess) };

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The server's `Retry-After`, when the error carries one.
 *
 * @example
 * import { retryAfterOf } from './retryBudget';
 * import { rateLimited } from 'planviewer-rx';
 * retryAfterOf(rateLimited({ method: 'GET', url: 'https://x/jobs/status' }, '', 3_000)); // 3000
 *
 * @category destructors
 */
export const retryAfterOf = (e: PlanviewerError): number | undefined =>
  e._tag === 'RateLimited' || e._tag === 'ServerError' ? e.retryAfterMs : undefined;

/**
 * The delay before retry number `attempt` (1 for the first retry): exponential, capped, with "equal
 * jitter" (half fixed, half random) so that a crowd of clients spreads out but none retries at once;
 * never shorter than the server's `Retry-After`.
 *
 * @example
 * import { defaultRetryOptions, retryDelay } from './retryBudget';
 * retryDelay(3, defaultRetryOptions, () => 0.5, undefined); // 3000 (4000 × 0.75)
 * retryDelay(1, defaultRetryOptions, () => 0.5, 10_000); // 10000
 *
 * @category destructors
 */
export const retryDelay = (
  attempt: number,
  options: RetryOptions,
  random: () => number,
  retryAfterMs: number | undefined,
): number => {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * options.factor ** (attempt - 1));
  const jittered = exponential * (0.5 + 0.5 * random());
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
};

// -------------------------------------------------------------------------------------
// decisions
// -------------------------------------------------------------------------------------

/**
 * Whether a failed idempotent call is tried again, and when.
 *
 * @example
 * import type { RetryDecision } from './retryBudget';
 * const later: RetryDecision = { _tag: 'Retry', delayMs: 1_000, budget: { tokens: 19, capacity: 20, refundPerSuccess: 0.2 } };
 *
 * @since 0.2.0
 * @category model
 */
export type RetryDecision =
  | { readonly _tag: 'Retry'; readonly delayMs: number; readonly budget: RetryBudget }
  | { readonly _tag: 'GiveUp' };

/**
 * The one retry decision of the client, for status batches, downloads and kik waiting alike: a transient
 * error (`isRetryable`) is retried while attempts remain (`attempt` counts this failure: 1 for the first)
 * and the shared bucket has a token, after {@link retryDelay} (never sooner than `Retry-After`). Anything
 * else gives up: the caller passes the error on.
 *
 * @example
 * import { unauthorized } from 'planviewer-rx';
 * import { decideRetry, defaultRetryOptions, fullRetryBudget } from './retryBudget';
 * const denied = unauthorized({ method: 'GET', url: 'https://app.planviewer.nl/product_api/v1/jobs/status' }, '');
 * decideRetry(denied, 1, defaultRetryOptions, fullRetryBudget(defaultRetryOptions), Math.random); // GiveUp
 *
 * @since 0.2.0
 * @category decisions
 */
export const decideRetry = (
  error: PlanviewerError,
  attempt: number,
  options: RetryOptions,
  budget: RetryBudget,
  random: () => number,
): RetryDecision => {
  if (!isRetryable(error) || attempt >= options.maxAttempts) return { _tag: 'GiveUp' };
  const token = takeRetry(budget);
  if (E.isLeft(token)) return { _tag: 'GiveUp' };
  return {
    _tag: 'Retry',
    delayMs: retryDelay(attempt, options, random, retryAfterOf(error)),
    budget: token.right,
  };
};
