import * as E from 'fp-ts/lib/Either.js';
import { defaultPollingPolicy, normalizePollingPolicy } from '../../src/polling';

describe('normalizePollingPolicy', () => {
  it('fills in every default', () => {
    expect(normalizePollingPolicy()).toEqual(E.right(defaultPollingPolicy));
    expect(defaultPollingPolicy).toEqual({
      initialDelayMs: 3_000,
      minDelayMs: 450,
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

  it('refuses a maximum below the minimum', () => {
    expect(normalizePollingPolicy({ minDelayMs: 5_000, maxDelayMs: 1_000 })).toEqual(
      E.left(expect.objectContaining({ field: 'polling.maxDelayMs' })),
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
