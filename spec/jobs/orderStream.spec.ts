import * as E from 'fp-ts/lib/Either.js';
import { NEVER, repeat, retry } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import {
  aborted,
  orderCapReached,
  orderOutcomeUnknown,
  paymentRequired,
  unauthorized,
  type PlanviewerError,
} from '../../src/errors';
import { createJobs } from '../../src/jobs';
import { throwOnLeft } from '../../src/operators';
import { fakePort, steps, jobOf } from './fakePort';
import { left, ordered, progress, request, result, withoutEta } from './events';
import { fastPolling } from './fastPolicy';

const fast = fastPolling;

const orderRequest = request('POST', '/product_api/v1/jobs/order');

describe('order$', () => {
  it(
    'places the order, then per job: Ordered, Progress on change, Result; completes when every job ended',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('i1')]: steps(jobOf('i1'), [40, 40]), [jobOf('i2')]: steps(jobOf('i2'), [20]) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, random: () => 0.5, polling: fast });
      const events = jobs.order$(['i1', 'i2']).pipe(withoutEta());
      // Both Ordered at once, before either job can fail. Two jobs followed: requests are shared, so both
      // first looks come early (half initialDelayMs), in one request at 15. i2 then goes by the shared
      // plan (20 / 2 ms later) and is seen finished at 25; i1 at its regular first look (30).
      m.expect(events).toBeObservable('(oO) 11ms (pS) 6ms (PQ) 28ms r 32ms (tu|)', {
        o: ordered('i1'),
        O: ordered('i2'),
        S: progress(jobOf('i2'), 'in_progress', 0, 1),
        p: progress(jobOf('i1'), 'in_progress', 0, 2),
        P: progress(jobOf('i2'), 'finished', 1, 1),
        Q: result(jobOf('i2'), 'i2'),
        r: progress(jobOf('i1'), 'in_progress', 1, 2),
        t: progress(jobOf('i1'), 'finished', 2, 2),
        u: result(jobOf('i1'), 'i1'),
      });
      m.flush();
      expect(fake.orders).toEqual([{ at: 0, args: [['i1', 'i2']] }]);
      expect(fake.statuses).toEqual([
        { at: 15, uuids: [jobOf('i1'), jobOf('i2')] },
        { at: 25, uuids: [jobOf('i2')] },
        { at: 30, uuids: [jobOf('i1')] },
        // 4 polls in 3 requests: i1 is planned with precisionMs / (4 / 3) (15 ms) and the policy's
        // earlyFinishRisk (less than 2 jobs a request); it finished at 80.
        { at: 57, uuids: [jobOf('i1')] },
        { at: 73, uuids: [jobOf('i1')] },
        { at: 90, uuids: [jobOf('i1')] },
      ]);
      expect(fake.retrieves).toEqual([
        { at: 25, args: [jobOf('i2')] },
        { at: 90, args: [jobOf('i1')] },
      ]);
    }),
  );

  it.each<[string, PlanviewerError]>([
    ['402 PaymentRequired', paymentRequired(orderRequest, ['i1'], '')],
    ['429 OrderCapReached', orderCapReached(orderRequest, ['i1'], 'You are trying to order more produ…')],
    ['401 Unauthorized', unauthorized(orderRequest, '{"error":{"code":401}}')],
    [
      'OrderOutcomeUnknown',
      orderOutcomeUnknown(orderRequest, ['i1'], 'connection reset after the request was sent'),
    ],
  ])('a failed order (%s) is one Left, then completion; nothing is retried or polled', (_name, error) =>
    marbles((m) => {
      const answer = m.cold('--(a|)', { a: E.left(error) });
      const fake = fakePort({ scheduler: m.scheduler, order: () => answer });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.order$(['i1'])).toBeObservable('--(e|)', { e: left(error) });
      m.expect(answer).toHaveSubscriptions('^-!');
      m.flush();
      expect(fake.statuses).toEqual([]);
    })(),
  );

  it(
    'retry(3) around order$ re-subscribes to the same order: one POST, the same Left each time',
    marbles((m) => {
      const error = paymentRequired(orderRequest, ['i1'], '');
      const answer = m.cold('--(a|)', { a: E.left(error) });
      const fake = fakePort({ scheduler: m.scheduler, order: () => answer });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const events = jobs.order$(['i1']).pipe(throwOnLeft(), retry(3));
      m.expect(events).toBeObservable('--#', undefined, expect.objectContaining({ name: 'PaymentRequired' }));
      m.expect(answer).toHaveSubscriptions('^-!');
      m.flush();
      expect(fake.orders).toHaveLength(1);
    }),
  );

  it(
    'repeat() and a second subscriber follow the jobs of the one order placed',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('i1')]: steps(jobOf('i1'), [20]) } });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const order = jobs.order$(['i1']).pipe(withoutEta());
      const values = {
        o: ordered('i1'),
        p: progress(jobOf('i1'), 'finished', 1, 1),
        r: result(jobOf('i1'), 'i1'),
      };
      // The repetition starts where the first pass ends (frame 30) and finds the job finished at once.
      m.expect(order.pipe(repeat(2))).toBeObservable('o 29ms (propr|)', values);
      // A second subscriber joins the jobs being followed: they are polled once for both.
      m.expect(order, '-----^').toBeObservable('-----o 24ms (pr|)', values);
      m.flush();
      expect(fake.orders).toHaveLength(1);
      expect(fake.statuses.map((s) => s.at)).toEqual([30, 30]);
    }),
  );

  it(
    'an order aborted before it was sent is never placed',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const signal = AbortSignal.abort();
      m.expect(jobs.order$(['i1'], { signal })).toBeObservable('(a|)', { a: left(aborted()) });
      m.flush();
      expect(fake.orders).toEqual([]);
    }),
  );

  it(
    'an order aborted while the POST is on its way still reports its jobs, then ends each with Aborted',
    marbles((m) => {
      const answer = m.cold('----(a|)', { a: E.right([{ uuid: 'i1', job: { uuid: jobOf('i1') } }]) });
      const fake = fakePort({ scheduler: m.scheduler, order: () => answer });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const controller = new AbortController();
      m.scheduler.schedule(() => controller.abort(), 2);
      m.expect(jobs.order$(['i1'], { signal: controller.signal })).toBeObservable('----(oa|)', {
        o: ordered('i1'),
        a: left({ ...aborted(), job: jobOf('i1') }),
      });
      m.expect(answer).toHaveSubscriptions('^---!');
      m.flush();
      expect(fake.statuses).toEqual([]);
    }),
  );

  it(
    'an unsubscribed order still completes its POST, and a new subscriber follows its jobs',
    marbles((m) => {
      const answer = m.cold('----(a|)', { a: E.right([{ uuid: 'i1', job: { uuid: jobOf('i1') } }]) });
      const fake = fakePort({
        scheduler: m.scheduler,
        order: () => answer,
        orderedAt: 4,
        jobs: { [jobOf('i1')]: steps(jobOf('i1'), [10]) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const order = jobs.order$(['i1']).pipe(withoutEta());
      m.expect(order, '^-!').toBeObservable('---');
      // The job counts from its order (frame 4): first poll 30 frames later.
      m.expect(order, '------^').toBeObservable('------o 27ms (pr|)', {
        o: ordered('i1'),
        p: progress(jobOf('i1'), 'finished', 1, 1),
        r: result(jobOf('i1'), 'i1'),
      });
      m.expect(answer).toHaveSubscriptions('^---!');
      m.flush();
      expect(fake.orders).toHaveLength(1);
    }),
  );

  it(
    'refuses invalid stream options as a Left, without ordering',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler });
      m.expect(jobs.order$(['i1'], { deadlineMs: -5 })).toBeObservable('(e|)', {
        e: left({
          _tag: 'InvalidInput',
          field: 'deadlineMs',
          reason: 'expected a number of ms from 0 to 2147483647, got -5',
        }),
      });
      m.expect(jobs.order$([])).toBeObservable('(e|)', {
        e: left({
          _tag: 'InvalidInput',
          field: 'intentions',
          reason: 'expected a non-empty array of intention uuids',
        }),
      });
      m.flush();
      expect(fake.orders).toEqual([]);
    }),
  );

  it('never subscribes to anything until subscribed', () => {
    const fake = fakePort({ scheduler: { now: () => 0, schedule: () => NEVER.subscribe() } });
    createJobs(fake.port).order$(['i1']);
    expect(fake.orders).toEqual([]);
  });
});
