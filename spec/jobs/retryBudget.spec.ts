import * as E from 'fp-ts/lib/Either.js';
import { rateLimited, serverError, unauthorized } from '../../src/errors';
import {
  decideRetry,
  defaultRetryOptions,
  fullRetryBudget,
  normalizeRetryOptions,
  refundRetry,
  retryAfterOf,
  retryDelay,
  takeRetry,
} from '../../src/jobs';

const request = { method: 'GET', url: 'https://planviewer.test/product_api/v1/jobs/status' };

describe('retry budget', () => {
  it('normalizes options with defaults and refuses bad ones', () => {
    expect(normalizeRetryOptions()).toEqual(E.right(defaultRetryOptions));
    expect(normalizeRetryOptions({ budget: 5 })).toEqual(E.right({ ...defaultRetryOptions, budget: 5 }));
    expect(normalizeRetryOptions({ maxAttempts: 0 })).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidInput', field: 'retry.maxAttempts' })),
    );
    expect(normalizeRetryOptions({ factor: 0.5 })).toEqual(
      E.left(expect.objectContaining({ field: 'retry.factor' })),
    );
  });

  it('takes one token per retry until the bucket is empty; successes refill it up to capacity', () => {
    const full = fullRetryBudget({ ...defaultRetryOptions, budget: 2, refundPerSuccess: 0.5 });
    const once = takeRetry(full);
    const twice = E.isRight(once) ? takeRetry(once.right) : once;
    expect(twice).toEqual(E.right({ ...full, tokens: 0 }));
    const empty = E.isRight(twice) ? twice.right : full;
    expect(takeRetry(empty)).toEqual(E.left(empty));
    expect(refundRetry(refundRetry(empty)).tokens).toBe(1);
    expect(refundRetry(full)).toBe(full);
  });

  it.each([
    [1, 0, undefined, 500],
    [1, 1, undefined, 1_000],
    [2, 0.5, undefined, 1_500],
    [3, 0.5, undefined, 3_000],
    [10, 1, undefined, 30_000],
    [1, 0.5, 10_000, 10_000],
    [5, 0.5, 1_000, 12_000],
  ])('retryDelay(attempt %p, random %p, Retry-After %p) = %p', (attempt, random, retryAfter, delay) => {
    expect(retryDelay(attempt, defaultRetryOptions, () => random, retryAfter)).toBe(delay);
  });

  it('reads Retry-After from the errors that carry it', () => {
    expect(retryAfterOf(rateLimited(request, '', 3_000))).toBe(3_000);
    expect(retryAfterOf(serverError(request, 503, '', 7_000))).toBe(7_000);
    expect(retryAfterOf(unauthorized(request, ''))).toBeUndefined();
  });

  describe('normalizeRetryOptions: each option within its range, or a Left that names it', () => {
    const whole = (min: number, max: number) => `expected a whole number from ${min} to ${max}, got`;
    const number = (min: number, max: number) => `expected a number from ${min} to ${max}, got`;
    it.each<[Partial<Record<keyof typeof defaultRetryOptions, unknown>>, string | undefined]>([
      [{ maxAttempts: 1 }, undefined],
      [{ maxAttempts: 100 }, undefined],
      [{ maxAttempts: 0 }, `retry.maxAttempts: ${whole(1, 100)} 0`],
      [{ maxAttempts: 101 }, `retry.maxAttempts: ${whole(1, 100)} 101`],
      [{ maxAttempts: 2.5 }, `retry.maxAttempts: ${whole(1, 100)} 2.5`],
      [{ maxAttempts: '3' }, `retry.maxAttempts: ${whole(1, 100)} 3`],
      [{ maxAttempts: Number.NaN }, `retry.maxAttempts: ${whole(1, 100)} NaN`],
      [{ baseDelayMs: 0 }, undefined],
      [{ baseDelayMs: 2.5 }, undefined],
      [{ baseDelayMs: 2_147_483_647 }, undefined],
      [{ baseDelayMs: -1 }, `retry.baseDelayMs: ${number(0, 2_147_483_647)} -1`],
      [{ baseDelayMs: 2_147_483_648 }, `retry.baseDelayMs: ${number(0, 2_147_483_647)} 2147483648`],
      [{ maxDelayMs: -1 }, `retry.maxDelayMs: ${number(0, 2_147_483_647)} -1`],
      [{ maxDelayMs: Infinity }, `retry.maxDelayMs: ${number(0, 2_147_483_647)} Infinity`],
      [{ factor: 1 }, undefined],
      [{ factor: 1.5 }, undefined],
      [{ factor: 0.5 }, `retry.factor: ${number(1, 10)} 0.5`],
      [{ factor: 10.5 }, `retry.factor: ${number(1, 10)} 10.5`],
      [{ budget: 0 }, undefined],
      [{ budget: 1_000_000 }, undefined],
      [{ budget: -1 }, `retry.budget: ${number(0, 1_000_000)} -1`],
      [{ budget: 1_000_001 }, `retry.budget: ${number(0, 1_000_000)} 1000001`],
      [{ refundPerSuccess: 0.5 }, undefined],
      [{ refundPerSuccess: -0.1 }, `retry.refundPerSuccess: ${number(0, 1_000_000)} -0.1`],
    ])('%p: %p', (options, problem) => {
      const result = normalizeRetryOptions(options as Partial<typeof defaultRetryOptions>);
      if (problem === undefined) expect(result).toEqual(E.right({ ...defaultRetryOptions, ...options }));
      else {
        const [field, reason] = problem.split(': ');
        expect(result).toEqual(E.left({ _tag: 'InvalidInput', field, reason }));
      }
    });
  });

  describe('decideRetry', () => {
    const busy = serverError(request, 503, '');
    const budget = fullRetryBudget(defaultRetryOptions);

    it('retries a transient error after the backoff, with one token fewer', () => {
      expect(decideRetry(busy, 2, defaultRetryOptions, budget, () => 0.5)).toEqual({
        _tag: 'Retry',
        delayMs: 1_500,
        budget: { ...budget, tokens: budget.tokens - 1 },
      });
    });

    it('waits at least what Retry-After asks', () => {
      expect(decideRetry(rateLimited(request, '', 9_000), 1, defaultRetryOptions, budget, () => 0.5)).toEqual(
        expect.objectContaining({ _tag: 'Retry', delayMs: 9_000 }),
      );
    });

    it.each([
      ['a final error', unauthorized(request, ''), 1, budget],
      ['the last attempt', busy, defaultRetryOptions.maxAttempts, budget],
      ['an empty bucket', busy, 1, { ...budget, tokens: 0.9 }],
    ])('gives up on %s', (_name, error, attempt, bucket) => {
      expect(decideRetry(error, attempt, defaultRetryOptions, bucket, () => 0.5)).toEqual({ _tag: 'GiveUp' });
    });
  });
});
