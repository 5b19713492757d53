import * as E from 'fp-ts/lib/Either.js';
import { marbles } from 'rxjs-marbles/jest';
import { describeError, jobFailed, paymentRequired, type PlanviewerError } from '../../src/errors';
import type { JobEvent } from '../../src/jobs';
import { failures, PlanviewerFailure, progress, results, throwOnLeft } from '../../src/operators';

const file = { blob: new Blob(['%PDF']), filename: 'a.pdf', contentType: 'application/pdf', size: 4 };
const values: Record<string, E.Either<PlanviewerError, JobEvent>> = {
  o: E.right({ _tag: 'Ordered', intention: 'i1', job: 'j1' }),
  p: E.right({ _tag: 'Progress', job: 'j1', status: 'in_progress', current: 1, total: 2 }),
  d: E.right({ _tag: 'Downloading', job: 'j1', loaded: 2 }),
  r: E.right({ _tag: 'Result', job: 'j1', intention: 'i1', file }),
  R: E.right({ _tag: 'Result', job: 'j2', file }),
  e: E.left(jobFailed('j3')),
};

describe('operators', () => {
  it(
    'results() keeps the files, each with its job (and intention when known)',
    marbles((m) => {
      const source = m.cold('opdrRe|', values);
      m.expect(source.pipe(results())).toBeObservable('---rR-|', {
        r: { ...file, job: 'j1', intention: 'i1' },
        R: { ...file, job: 'j2' },
      });
    }),
  );

  it(
    'progress() keeps the Progress events',
    marbles((m) => {
      const source = m.cold('opdre|', values);
      m.expect(source.pipe(progress())).toBeObservable('-p---|', {
        p: { _tag: 'Progress', job: 'j1', status: 'in_progress', current: 1, total: 2 },
      });
    }),
  );

  it(
    'failures() keeps the Lefts',
    marbles((m) => {
      const source = m.cold('ope-r|', values);
      m.expect(source.pipe(failures())).toBeObservable('--e--|', { e: jobFailed('j3') });
    }),
  );

  it(
    'throwOnLeft() unwraps Rights and turns the first Left into an error named after its tag',
    marbles((m) => {
      const source = m.cold('ope-r|', values);
      const sourceSubs = '     ^-!';
      m.expect(source.pipe(throwOnLeft())).toBeObservable(
        'op#',
        {
          o: { _tag: 'Ordered', intention: 'i1', job: 'j1' },
          p: { _tag: 'Progress', job: 'j1', status: 'in_progress', current: 1, total: 2 },
        },
        { name: 'JobFailed', message: describeError(jobFailed('j3')) },
      );
      m.expect(source).toHaveSubscriptions(sourceSubs.trim());
    }),
  );

  it('PlanviewerFailure carries the typed error', () => {
    const error = paymentRequired(
      { method: 'POST', url: 'https://planviewer.test/product_api/v1/jobs/order' },
      ['i1'],
      '',
    );
    const failure = new PlanviewerFailure(error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe('PaymentRequired');
    expect(failure.message).toBe(describeError(error));
    expect(failure.error).toBe(error);
  });
});
