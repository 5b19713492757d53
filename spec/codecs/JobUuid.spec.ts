import * as E from 'fp-ts/lib/Either.js';
import { decodeJobUuid, JobUuidCodec, sameJobUuid, toJobUuid } from '../../src/codecs';

const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';

describe('JobUuid', () => {
  it.each([JOB, JOB.toUpperCase(), '7E6d5C4b-3a29-4F18-9e07-222222222222'])(
    'decodes %s to its canonical lower case',
    (given) => {
      expect(toJobUuid(given)).toBe(JOB);
      expect(JobUuidCodec.decode(given)).toEqual(E.right(JOB));
      expect(decodeJobUuid('job', given)).toEqual(E.right(JOB));
    },
  );

  it.each([
    '',
    'not-a-uuid',
    '../x',
    `${JOB}/../admin`,
    ` ${JOB}`,
    `${JOB}\n`,
    '7e6d5c4b3a294f189e07222222222222',
    '{7e6d5c4b-3a29-4f18-9e07-222222222222}',
    42,
    null,
    undefined,
    { uuid: JOB },
  ])('refuses %p', (given) => {
    expect(toJobUuid(given)).toBeUndefined();
    expect(E.isLeft(JobUuidCodec.decode(given))).toBe(true);
    expect(decodeJobUuid('job', given)).toMatchObject(E.left({ _tag: 'InvalidInput', field: 'job' }));
  });

  it('is() holds only for the canonical form', () => {
    expect(JobUuidCodec.is(JOB)).toBe(true);
    expect(JobUuidCodec.is(JOB.toUpperCase())).toBe(false);
  });

  it('sameJobUuid: the one matching function, case-blind, and nothing matches a non-uuid', () => {
    expect(sameJobUuid(JOB, JOB.toUpperCase())).toBe(true);
    expect(sameJobUuid(JOB, '7e6d5c4b-3a29-4f18-9e07-222222222223')).toBe(false);
    expect(sameJobUuid('x', 'x')).toBe(false);
    expect(sameJobUuid(undefined, undefined)).toBe(false);
  });
});
