import * as E from 'fp-ts/lib/Either.js';
import { defaultPollingPolicy, normalizePollingPolicy } from '../../src/polling';

describe('normalizePollingPolicy', () => {
  it('fills in every default', () => {
    expect(normalizePollingPolicy()).toEqual(E.right(defaultPollingPolicy));
    expect(defaultPollingPolicy).toEqual({
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
    });
  });

  it('keeps what was given and defaults the rest', () => {
    const policy = normalizePollingPolicy({ maxDelayMs: 10_000, precisionMs: 1_000 });
    expect(policy).toEqual(E.right({ ...defaultPollingPolicy, maxDelayMs: 10_000, precisionMs: 1_000 }));
  });

  it('starts from a given base (a stream overriding the client policy)', () => {
    const base = { ...defaultPollingPolicy, minDelayMs: 2_000 };
    expect(normalizePollingPolicy({ maxDelayMs: 5_000 }, base)).toEqual(
      E.right({ ...base, maxDelayMs: 5_000 }),
    );
  });

  it.each([
    ['minDelayMs', -1],
    ['maxDelayMs', 0],
    ['precisionMs', Number.NaN],
    ['backoffFactor', 0.5],
    ['jitterRatio', 1],
    ['missesBeforeNotFound', 1.5],
    ['stepVariation', 1],
    ['earlyFinishRisk', 0],
    ['initialDelayMs', Infinity],
  ] as const)('refuses %s = %p as InvalidInput naming the field', (field, value) => {
    const result = normalizePollingPolicy({ [field]: value });
    expect(result).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidInput', field: `polling.${field}` })),
    );
  });

  it.each([
    ['minDelayMs', 0],
    ['maxDelayMs', 2_147_483_647],
    ['precisionMs', 1],
    ['backoffFactor', 1.25],
    ['jitterRatio', 0],
    ['jitterRatio', 0.99],
    ['missesBeforeNotFound', 1],
    ['missesBeforeNotFound', 1_000],
    ['priorSteps', 0.5],
    ['earlyFinishRisk', 0.5],
    ['initialDelayMs', 0],
    ['coalesceWindowMs', 2_147_483_647],
    ['expectedStepMs', 1],
    ['stepVariation', 0.5],
    ['rateUncertainty', 10],
  ] as const)('accepts %s = %p (inside its range, ends included)', (field, value) => {
    expect(normalizePollingPolicy({ [field]: value })).toEqual(
      E.right({ ...defaultPollingPolicy, [field]: value }),
    );
  });

  it.each([
    ['jitterRatio', 1, 'expected a number from 0 to 0.99, got 1'],
    ['missesBeforeNotFound', 2.5, 'expected a whole number from 1 to 1000, got 2.5'],
    ['maxDelayMs', 2_147_483_648, 'expected a number from 1 to 2147483647, got 2147483648'],
  ] as const)('explains why %s = %p is refused', (field, value, reason) => {
    expect(normalizePollingPolicy({ [field]: value })).toEqual(
      E.left(expect.objectContaining({ field: `polling.${field}`, reason })),
    );
  });

  it('accepts a maximum equal to the minimum', () => {
    expect(normalizePollingPolicy({ minDelayMs: 1_000, maxDelayMs: 1_000 })).toEqual(
      E.right({ ...defaultPollingPolicy, minDelayMs: 1_000, maxDelayMs: 1_000 }),
    );
  });

  it('refuses a maximum below the minimum', () => {
    expect(normalizePollingPolicy({ minDelayMs: 5_000, maxDelayMs: 1_000 })).toEqual(
      E.left(
        expect.objectContaining({
          field: 'polling.maxDelayMs',
          reason: 'must be at least minDelayMs (5000)',
        }),
      ),
    );
  });

  it('refuses a value that is not a number', () => {
    expect(normalizePollingPolicy({ minDelayMs: '5' as unknown as number })).toEqual(
      E.left(
        expect.objectContaining({ field: 'polling.minDelayMs', reason: 'expected a number, got string' }),
      ),
    );
  });
});
