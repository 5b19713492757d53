/**
 * order$ beyond the happy path: its hooks (what the ledger and the order budget plug in), its deadline,
 * and which jobs an abort ends once some have ended.
 */
import * as E from 'fp-ts/lib/Either.js';
import { filter, of, type SchedulerLike } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import type { OrderedJob } from '../../src/codecs';
import { aborted, timeout, type PlanviewerError } from '../../src/errors';
import { createJobs, type JobsOptions } from '../../src/jobs';
import type { JobStreamContext } from '../../src/jobs/jobStream';
import { orderStream } from '../../src/jobs/orderStream';
import { defaultRetryOptions } from '../../src/jobs/retryBudget';
import { createStatusPoller } from '../../src/jobs/statusPoller';
import { left, ordered, progress, result, withoutEta, type Emission } from './events';
import { fakePort, jobOf, stalled, steps, type FakePort } from './fakePort';
import { fastPolicy, fastPollerConfig } from './fastPolicy';

const fast = fastPolicy;

const fastOptions: JobsOptions['polling'] = fast;

/** What createJobs wires around orderStream, with the fake port. */
const contextOf = (m: { scheduler: SchedulerLike }, fake: FakePort): JobStreamContext => {
  const config = fastPollerConfig(m.scheduler);
  const { budget } = config;
  const poller = createStatusPoller(fake.port, config);
  return {
    port: fake.port,
    poller,
    retry: { scheduler: m.scheduler, random: () => 0.5, retry: defaultRetryOptions, budget },
  };
};

const finished = (job: string, intention: string): Emission => E.right({ _tag: 'Finished', job, intention });

describe('order$ hooks', () => {
  it(
    'the order hook places the order instead of the port',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('i1')]: steps(jobOf('i1'), [10]) } });
      const placed: (readonly string[])[] = [];
      const order = (intentions: readonly string[]) => {
        placed.push(intentions);
        return of(
          E.right<PlanviewerError, readonly OrderedJob[]>([{ uuid: 'i1', job: { uuid: jobOf('i1') } }]),
        );
      };
      const events = orderStream(
        contextOf(m, fake),
        m.scheduler,
        ['i1'],
        { polling: fast, download: false },
        { order },
      );
      m.expect(events.pipe(withoutEta())).toBeObservable('o 29ms (pf|)', {
        o: ordered('i1'),
        p: progress(jobOf('i1'), 'finished', 1, 1),
        f: finished(jobOf('i1'), 'i1'),
      });
      m.flush();
      expect(placed).toEqual([['i1']]);
      expect(fake.orders).toEqual([]);
    }),
  );

  it(
    'the follow hook wraps the events of each job',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('i1')]: steps(jobOf('i1'), [10]), [jobOf('i2')]: steps(jobOf('i2'), [10]) },
      });
      const wrapped: string[] = [];
      const events = orderStream(
        contextOf(m, fake),
        m.scheduler,
        ['i1', 'i2'],
        { polling: fast, download: false },
        {
          follow: (job, jobEvents) => {
            wrapped.push(job);
            // This wrapper lets only the ends through.
            return jobEvents.pipe(filter((e) => E.isLeft(e) || e.right._tag === 'Finished'));
          },
        },
      );
      // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
      // one request at 15, which finds both finished.
      m.expect(events).toBeObservable('(oO) 11ms (fF|)', {
        o: ordered('i1'),
        O: ordered('i2'),
        f: finished(jobOf('i1'), 'i1'),
        F: finished(jobOf('i2'), 'i2'),
      });
      m.flush();
      expect(wrapped).toEqual([jobOf('i1'), jobOf('i2')]);
    }),
  );
});

describe('order$ deadline and abort', () => {
  it(
    'a deadline ends each job of the order that has not ended by then with Timeout',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('i1')]: steps(jobOf('i1'), [10]), [jobOf('i2')]: stalled(jobOf('i2'), 1, 3) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fastOptions });
      // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
      // one request at 5 + 15.
      m.expect(
        jobs.order$(['i1', 'i2'], { deadlineMs: 100, download: false }).pipe(withoutEta()),
        '5ms ^',
      ).toBeObservable('5ms (oO) 11ms (pfP) 80ms (t|)', {
        o: ordered('i1'),
        O: ordered('i2'),
        p: progress(jobOf('i1'), 'finished', 1, 1),
        f: finished(jobOf('i1'), 'i1'),
        P: progress(jobOf('i2'), 'in_progress', 1, 3),
        t: left({ ...timeout(100, undefined, 'in_progress'), job: jobOf('i2') }),
      });
    }),
  );

  it.each([
    ['Finished', false],
    ['Result', true],
  ])('an abort ends only the jobs still running: not one that ended with %s', (_end, download) =>
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('i1')]: steps(jobOf('i1'), [10]), [jobOf('i2')]: stalled(jobOf('i2'), 1, 3) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fastOptions });
      const controller = new AbortController();
      m.scheduler.schedule(() => controller.abort(), 40);
      // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
      // one request at 15.
      m.expect(
        jobs.order$(['i1', 'i2'], { signal: controller.signal, download }).pipe(withoutEta()),
      ).toBeObservable('(oO) 11ms (pfP) 20ms (a|)', {
        o: ordered('i1'),
        O: ordered('i2'),
        p: progress(jobOf('i1'), 'finished', 1, 1),
        f: download ? result(jobOf('i1'), 'i1') : finished(jobOf('i1'), 'i1'),
        P: progress(jobOf('i2'), 'in_progress', 1, 3),
        a: left({ ...aborted(), job: jobOf('i2') }),
      });
    })(),
  );

  it(
    'subscribing again after an abort, once the order was placed: its jobs, each ended with Aborted',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('i1')]: stalled(jobOf('i1'), 1, 3) } });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fastOptions });
      const controller = new AbortController();
      m.scheduler.schedule(() => controller.abort(), 5);
      const order = jobs.order$(['i1'], { signal: controller.signal });
      m.expect(order).toBeObservable('o 4ms (a|)', {
        o: ordered('i1'),
        a: left({ ...aborted(), job: jobOf('i1') }),
      });
      m.expect(order, '10ms ^').toBeObservable('10ms (oa|)', {
        o: ordered('i1'),
        a: left({ ...aborted(), job: jobOf('i1') }),
      });
      m.flush();
      expect(fake.orders).toHaveLength(1);
    }),
  );
});
