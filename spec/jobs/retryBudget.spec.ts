import * as E from 'fp-ts/lib/Either.js';
import { rateLimited, serverError, unauthorized } from '../../src/errors';
import {
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
});
