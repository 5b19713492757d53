/**
 * job$ events in the less travelled cases: statuses without progress, a change of total alone, a job
 * that leaves (or stays in) "waiting for user" while its question is being fetched, a failed fetch.
 */
import * as E from 'fp-ts/lib/Either.js';
import { of } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import type { JobStatus } from '../../src/codecs';
import { forbidden } from '../../src/errors';
import { createJobs } from '../../src/jobs';
import { left, progress, result, withoutEta } from './events';
import { fakePort, jobOf } from './fakePort';
import { fastPolling } from './fastPolicy';

const fast = fastPolling;

const a = jobOf('a');

/** The job's status by virtual time: `[until, status]` pairs, the last one for ever after. */
const phases =
  (...list: readonly (readonly [number, Omit<JobStatus, 'uuid'>])[]) =>
  (t: number): JobStatus => {
    const phase = list.find(([until]) => t < until) ?? list[list.length - 1]!;
    return { uuid: a, ...phase[1] };
  };

const counts = (status: string, current: number, total: number): Omit<JobStatus, 'uuid'> => ({
  status,
  progress: { current, total },
});

describe('job$ events', () => {
  it(
    'a status without progress keeps the counts last shown (0 of 0 before any)',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: {
          [a]: phases(
            [40, { status: 'queued' }],
            [60, counts('in_progress', 1, 3)],
            [100, { status: 'paused' }],
            [Infinity, counts('finished', 3, 3)],
          ),
        },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const events: unknown[] = [];
      jobs
        .job$(a, { download: false })
        .pipe(withoutEta())
        .subscribe((e) => events.push(e));
      m.flush();
      expect(events).toEqual([
        progress(a, 'queued', 0, 0),
        progress(a, 'in_progress', 1, 3),
        progress(a, 'paused', 1, 3),
        progress(a, 'finished', 3, 3),
        E.right({ _tag: 'Finished', job: a }),
      ]);
    }),
  );

  it(
    'a change of the total alone is a change',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [a]: phases([40, counts('in_progress', 1, 3)], [Infinity, counts('in_progress', 1, 4)]) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(a).pipe(withoutEta()), '^ 60ms !').toBeObservable('30ms p 19ms q', {
        p: progress(a, 'in_progress', 1, 3),
        q: progress(a, 'in_progress', 1, 4),
      });
    }),
  );

  it(
    'a job waiting for several polls: its question is fetched once, and stays asked while it waits',
    marbles((m) => {
      const question = m.cold('-');
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [a]: phases([Infinity, counts('waiting for user', 1, 2)]) },
        waiting: () => question,
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const following = jobs.job$(a).subscribe();
      m.scheduler.schedule(() => following.unsubscribe(), 300);
      m.flush();
      expect(fake.pollTimes(a).length).toBeGreaterThan(2);
      expect(fake.waitings).toEqual([{ at: 30, args: [a] }]);
      m.expect(question).toHaveSubscriptions('30ms ^ 269ms !');
    }),
  );

  it(
    'a job that leaves "waiting for user" while its question is still being fetched: the fetch is dropped and the job goes on',
    marbles((m) => {
      const question = m.cold('-');
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [a]: phases([40, counts('waiting for user', 1, 2)], [Infinity, counts('finished', 2, 2)]) },
        waiting: () => question,
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(a).pipe(withoutEta())).toBeObservable('30ms p 19ms (fr|)', {
        p: progress(a, 'waiting for user', 1, 2),
        f: progress(a, 'finished', 2, 2),
        r: result(a),
      });
      m.expect(question).toHaveSubscriptions('30ms ^ 19ms !');
    }),
  );

  it(
    'a question that cannot be fetched (a final error) ends the job with that error',
    marbles((m) => {
      const refusal = forbidden(
        { method: 'GET', url: `https://planviewer.test/product_api/v1/kik/waiting/${a}` },
        '',
      );
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [a]: phases([Infinity, counts('waiting for user', 1, 2)]) },
        waiting: () => of(E.left(refusal)),
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(a).pipe(withoutEta())).toBeObservable('30ms (pe|)', {
        p: progress(a, 'waiting for user', 1, 2),
        e: left({ ...refusal, job: a }),
      });
    }),
  );
});
