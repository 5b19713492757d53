import type { OrderedJob } from '../../src/codecs';
import { readOrderAnswer } from '../../src/jobs';

const I = (n: number): string => `c1d2e3f4-0000-4a1b-8c2d-${String(n).padStart(12, '0')}`;
const J = (n: number): string => `7e6d5c4b-3a29-4f18-9e07-${String(n).padStart(12, '0')}`;
const entry = (intention: string, job: unknown) =>
  ({ uuid: intention, job: { uuid: job } }) as unknown as OrderedJob;

describe('readOrderAnswer', () => {
  it('follows every job of a complete answer, in canonical case, and leaves nothing unaccounted', () => {
    expect(readOrderAnswer([I(1), I(2)], [entry(I(1), J(1).toUpperCase()), entry(I(2), J(2))])).toEqual({
      jobs: [
        { intention: I(1), job: J(1) },
        { intention: I(2), job: J(2) },
      ],
      unaccounted: [],
    });
  });

  it('names every intention of an empty answer as OrderOutcomeUnknown', () => {
    expect(readOrderAnswer([I(1), I(2)], []).unaccounted).toEqual([
      {
        _tag: 'OrderOutcomeUnknown',
        intentions: [I(1)],
        reason: 'the order answer has no entry for this intention',
      },
      {
        _tag: 'OrderOutcomeUnknown',
        intentions: [I(2)],
        reason: 'the order answer has no entry for this intention',
      },
    ]);
  });

  it('names the intention left out of a short answer, and the one whose job uuid is no uuid', () => {
    const answer = readOrderAnswer([I(1), I(2), I(3)], [entry(I(1), J(1)), entry(I(3), '../x')]);
    expect(answer.jobs).toEqual([{ intention: I(1), job: J(1) }]);
    expect(answer.unaccounted).toEqual([
      {
        _tag: 'OrderOutcomeUnknown',
        intentions: [I(2)],
        reason: 'the order answer has no entry for this intention',
      },
      {
        _tag: 'OrderOutcomeUnknown',
        intentions: [I(3)],
        reason: 'the order answer gives job "../x" for this intention, which is not a uuid',
      },
    ]);
  });

  it('follows a job given twice once, and matches intentions whatever their case', () => {
    const answer = readOrderAnswer([I(1), I(2)], [entry(I(1).toUpperCase(), J(1)), entry(I(2), J(1))]);
    expect(answer.jobs).toEqual([{ intention: I(1).toUpperCase(), job: J(1) }]);
    expect(answer.unaccounted).toEqual([]);
  });
});
