import * as E from 'fp-ts/lib/Either.js';
import { delay, EMPTY, of } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import type { JobStatus, JobUuid } from '../../src/codecs';
import {
  jobNotFound,
  rateLimited,
  serverError,
  timeout,
  unauthorized,
  type PlanviewerError,
} from '../../src/errors';
import { createJobs } from '../../src/jobs';
import { progress, left, ordered, result, withoutEta } from './events';
import { fakePort, stalled, steps, jobOf } from './fakePort';
import { countingScheduler } from './schedulers';
import { fastPolling } from './fastPolicy';

const serverBusy = serverError(
  { method: 'GET', url: 'https://planviewer.test/product_api/v1/jobs/status' },
  503,
  '',
);

const statusRequest = { method: 'GET', url: 'https://planviewer.test/product_api/v1/jobs/status' };

const fast = fastPolling;

describe('statusPoller (through order$ and job$)', () => {
  describe('default policy, exact poll times', () => {
    it(
      'a job of four 4 s steps: one early look, a leap, then dense polls around the expected finish',
      marbles((m) => {
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('i1')]: steps(jobOf('i1'), [4_000, 4_000, 4_000, 4_000], { queueMs: 500 }) },
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, random: () => 0.5 });
        m.expect(jobs.order$(['i1']).pipe(withoutEta())).toBeObservable(
          'o 2849ms p 6459ms q 3781ms r 4844ms (st|)',
          {
            o: ordered('i1'),
            p: progress(jobOf('i1'), 'in_progress', 0, 4),
            q: progress(jobOf('i1'), 'in_progress', 2, 4),
            r: progress(jobOf('i1'), 'in_progress', 3, 4),
            s: progress(jobOf('i1'), 'finished', 4, 4),
            t: result(jobOf('i1'), 'i1'),
          },
        );
        m.flush();
        // Finished at 16 500: noticed 1 437 ms later, with 7 requests (fixed 2 s polling: 9). The leap is
        // capped at 4 × precisionMs (less jitter) while no step has completed yet.
        expect(fake.pollTimes(jobOf('i1'))).toEqual([2_850, 9_310, 11_201, 13_092, 14_707, 16_322, 17_937]);
      }),
    );

    it(
      'a stalled job: polls back off ×1.5 to the maximum delay',
      marbles((m) => {
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('i1')]: stalled(jobOf('i1'), 1, 4) },
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, random: () => 0.5 });
        m.expect(jobs.order$(['i1']).pipe(withoutEta()), '^ 299999ms !').toBeObservable('o 2849ms p', {
          o: ordered('i1'),
          p: progress(jobOf('i1'), 'in_progress', 1, 4),
        });
        m.flush();
        const times = fake.pollTimes(jobOf('i1'));
        expect(times).toEqual([
          2_850, 6_731, 9_840, 12_065, 15_347, 20_188, 27_328, 37_860, 53_394, 76_307, 110_104, 159_954,
          216_954, 273_954,
        ]);
        // From the overdue point on, each gap is ~1.5× the one before, up to maxDelayMs (less 5% jitter).
        const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
        expect(gaps.slice(-2)).toEqual([57_000, 57_000]);
      }),
    );

    it(
      'Retry-After: no status request before the server allows it, for any job of the client',
      marbles((m) => {
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: {
            [jobOf('i1')]: steps(jobOf('i1'), [4_000, 4_000]),
            [jobOf('i2')]: steps(jobOf('i2'), [30_000]),
          },
          statusOverride: (call) =>
            call === 0 ? of(E.left(rateLimited(statusRequest, '', 10_000))) : undefined,
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, random: () => 0.5 });
        jobs.order$(['i1']).subscribe();
        m.scheduler.schedule(() => jobs.job$(jobOf('i2')).subscribe(), 1_000);
        m.flush();
        // job-i2 joins job-i1 at 1 000: from then on requests are shared, so both get an early first look
        // at half initialDelayMs (less 5% jitter): job-i1 at 1 425 (1 500 × 0.95), and job-i2 (due at
        // 2 425) rides along. 429 then, with Retry-After 10 s: both jobs wait until 11 425.
        expect(fake.statuses.slice(0, 4).map((s) => s.at)).toEqual([1_425, 11_425, 12_233, 13_202]);
        expect(fake.statuses[0]?.uuids).toEqual([jobOf('i1'), jobOf('i2')]);
        expect(fake.statuses[1]?.uuids).toEqual([jobOf('i1'), jobOf('i2')]);
      }),
    );
  });

  it(
    'sends one status request per tick for every due job, and carries jobs due within the window',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('a')]: stalled(jobOf('a'), 0, 3), [jobOf('b')]: stalled(jobOf('b'), 0, 3) },
      });
      const jobs = createJobs(fake.port, {
        scheduler: m.scheduler,
        random: () => 0,
        polling: { coalesceWindowMs: 1_000 },
      });
      const a = jobs.order$(['a']).subscribe();
      // b is ordered 600 ms later: from then on requests are shared, so a's first look comes early, at
      // 1 500 (half initialDelayMs), and b (its early look due at 2 100) rides along. a's regular first
      // look stays at 3 000: b (due at 3 600) rides along with it.
      m.scheduler.schedule(() => {
        const b = jobs.order$(['b']).subscribe();
        m.scheduler.schedule(() => b.unsubscribe(), 30_000);
      }, 600);
      m.scheduler.schedule(() => a.unsubscribe(), 3_001);
      m.flush();
      expect(fake.statuses.slice(0, 2)).toEqual([
        { at: 1_500, uuids: [jobOf('a'), jobOf('b')] },
        { at: 3_000, uuids: [jobOf('a'), jobOf('b')] },
      ]);
      // After a is gone only b is polled.
      expect(fake.statuses.length).toBeGreaterThan(2);
      expect(fake.statuses.slice(2).every((s) => s.uuids.join() === jobOf('b'))).toBe(true);
    }),
  );

  it(
    'a job followed by two subscribers is polled once',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('a')]: steps(jobOf('a'), [40]) } });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const values = {
        p: progress(jobOf('a'), 'in_progress', 0, 1),
        q: progress(jobOf('a'), 'finished', 1, 1),
        r: result(jobOf('a')),
      };
      m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('30ms p 19ms (qr|)', values);
      // The late subscriber hears the latest status at once.
      m.expect(jobs.job$(jobOf('a')).pipe(withoutEta()), '40ms ^').toBeObservable('40ms p 9ms (qr|)', values);
      m.flush();
      expect(fake.statuses).toEqual([
        { at: 30, uuids: [jobOf('a')] },
        { at: 50, uuids: [jobOf('a')] },
      ]);
    }),
  );

  it(
    '1,000 jobs: one request per statusBatchSize jobs per tick, and one timer at a time, as for 10 jobs',
    marbles((m) => {
      const run = (count: number) => {
        const intentions = Array.from({ length: count }, (_, i) => `i${i}`);
        const timelines = Object.fromEntries(intentions.map((i) => [jobOf(i), stalled(jobOf(i), 1, 5)]));
        const counting = countingScheduler(m.scheduler);
        const fake = fakePort({ scheduler: m.scheduler, jobs: timelines, orderedAt: m.scheduler.now() });
        const jobs = createJobs(fake.port, {
          scheduler: counting.scheduler,
          random: () => 0.5,
          statusBatchSize: 100,
          // Room for a whole tick in the budget: the default (8 a second) would leave 2 of the 10 requests
          // a tick needs to each job's own, later plan.
          requestBudget: 10,
        });
        const subscription = jobs.order$(intentions).subscribe();
        return { fake, counting, subscription, jobs };
      };
      const small = run(10);
      const large = run(1_000);
      m.scheduler.schedule(() => {
        small.subscription.unsubscribe();
        large.subscription.unsubscribe();
      }, 120_000);
      m.flush();
      const perTick = (s: { at: number; uuids: readonly string[] }[]) =>
        [...new Set(s.map((x) => x.at))].map((at) => s.filter((x) => x.at === at).map((x) => x.uuids.length));
      expect(perTick(large.fake.statuses)[0]).toEqual(Array(10).fill(100));
      expect(perTick(small.fake.statuses)[0]).toEqual([10]);
      // Every tick carries every job, in as few requests as the batch size allows.
      for (const tick of perTick(large.fake.statuses)) expect(tick).toEqual(Array(10).fill(100));
      expect(large.counting.alivePeak()).toBe(1);
      expect(small.counting.alivePeak()).toBe(1);
      expect(large.jobs.followedJobs()).toBe(0);
    }),
  );

  it(
    'the requestBudget only buys precision: with almost none, every job is still followed to its end by its own plan',
    marbles((m) => {
      const run = (requestBudget: number | undefined) => {
        const intentions = Array.from({ length: 300 }, (_, i) => `i${i}`);
        // Three-step jobs of varied pace: many finish windows open at once, so precision is worth buying.
        const timelines = Object.fromEntries(
          intentions.map((i, k) => [
            jobOf(i),
            steps(jobOf(i), [1_000 + (k % 7) * 300, 1_500, 900 + (k % 5) * 400]),
          ]),
        );
        const fake = fakePort({ scheduler: m.scheduler, jobs: timelines, orderedAt: m.scheduler.now() });
        const jobs = createJobs(fake.port, {
          scheduler: m.scheduler,
          random: () => 0.5,
          ...(requestBudget === undefined ? {} : { requestBudget }),
        });
        const finished = new Set<string>();
        jobs.order$(intentions, { download: false }).subscribe((e) => {
          if (E.isRight(e) && e.right._tag === 'Finished') finished.add(e.right.job);
        });
        return { fake, finished };
      };
      const frugal = run(0.01);
      const usual = run(undefined);
      m.flush();
      expect(frugal.finished.size).toBe(300);
      expect(usual.finished.size).toBe(300);
      expect(frugal.fake.statuses.length).toBeLessThan(usual.fake.statuses.length);
    }),
  );

  it(
    'a deadline that passes while the job request is in flight ends that follower alone, once',
    marbles((m) => {
      const a = jobOf('a');
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [a]: stalled(a, 1, 3) },
        // The first status answer takes 50 ms: the short deadline (40) passes while it is in flight.
        statusOverride: (call, uuids) =>
          call === 0
            ? of(
                E.right(
                  uuids.map((uuid) => ({ uuid, status: 'in_progress', progress: { current: 1, total: 3 } })),
                ),
              ).pipe(delay(50, m.scheduler))
            : undefined,
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(a, { deadlineMs: 40 }).pipe(withoutEta())).toBeObservable('40ms (t|)', {
        t: left({ ...timeout(40, undefined, 'unknown'), job: a }),
      });
      m.expect(jobs.job$(a, { deadlineMs: 200 }).pipe(withoutEta()), '^ 150ms !').toBeObservable('80ms p', {
        p: progress(a, 'in_progress', 1, 3),
      });
      m.flush();
      expect(fake.statuses[0]?.at).toBe(30);
      expect(fake.statuses.length).toBeLessThan(10);
    }),
  );

  it(
    'a job missing from 3 responses in a row ends with JobNotFound',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler, jobs: {} });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(jobOf('x'))).toBeObservable('30ms 20ms 20ms (e|)', {
        e: left(jobNotFound(jobOf('x'), 3)),
      });
      m.flush();
      expect(fake.pollTimes(jobOf('x'))).toEqual([30, 50, 70]);
    }),
  );

  it(
    'matches results by uuid, not by position',
    marbles((m) => {
      const status = (uuid: JobUuid, s: string): JobStatus => ({
        uuid,
        status: s,
        progress: { current: 1, total: 1 },
      });
      const fake = fakePort({
        scheduler: m.scheduler,
        statusOverride: () => of(E.right([status(jobOf('b'), 'finished'), status(jobOf('a'), 'error')])),
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs) and
      // go out in one request, at 15; its answer lists them in the other order.
      m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('15ms (pe|)', {
        p: progress(jobOf('a'), 'error', 1, 1),
        e: left({ _tag: 'JobFailed', job: jobOf('a'), progress: { current: 1, total: 1 } }),
      });
      m.expect(jobs.job$(jobOf('b'), { download: false }).pipe(withoutEta())).toBeObservable('15ms (pf|)', {
        p: progress(jobOf('b'), 'finished', 1, 1),
        f: E.right({ _tag: 'Finished', job: jobOf('b') }),
      });
      m.flush();
      expect(fake.statuses).toEqual([{ at: 15, uuids: [jobOf('a'), jobOf('b')] }]);
    }),
  );

  it(
    'unsubscribing mid-poll cancels the request and stops that job only',
    marbles((m) => {
      const answer = m.cold('-----(a|)', { a: E.right<PlanviewerError, readonly JobStatus[]>([]) });
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('b')]: stalled(jobOf('b'), 0, 3) },
        statusOverride: (_call, uuids) => (uuids.includes(jobOf('a')) ? answer : undefined),
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      // b joins a at 10: from then on requests are shared, so each job's first look comes early, at half
      // initialDelayMs: a's at 15 (alone, a leaves at 17 while it is in flight), b's at 10 + 15.
      m.expect(jobs.job$(jobOf('a')), '^ 16ms !').toBeObservable('');
      m.expect(answer).toHaveSubscriptions('15ms ^-!');
      m.expect(jobs.job$(jobOf('b')), '10ms ^ 200ms !').toBeObservable('25ms p', {
        p: progress(jobOf('b'), 'in_progress', 0, 3),
      });
      m.flush();
      expect(fake.pollTimes(jobOf('a'))).toEqual([15]);
      expect(fake.pollTimes(jobOf('b')).length).toBeGreaterThan(3);
    }),
  );

  describe('no wake-up outlives the jobs (a pending timer would keep the process alive)', () => {
    it(
      'the last follower leaving before its first poll cancels the wake-up',
      marbles((m) => {
        const counting = countingScheduler(m.scheduler);
        const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('a')]: stalled(jobOf('a'), 0, 3) } });
        const jobs = createJobs(fake.port, { scheduler: counting.scheduler, polling: fast });
        const a = jobs.job$(jobOf('a')).subscribe();
        const alive: number[] = [];
        m.scheduler.schedule(() => alive.push(counting.alive()), 5);
        m.scheduler.schedule(() => a.unsubscribe(), 10);
        m.scheduler.schedule(() => alive.push(counting.alive()), 11);
        m.flush();
        expect(alive).toEqual([1, 0]);
        expect(fake.statuses).toEqual([]);
      }),
    );

    it(
      'the last job finishing cancels a wake-up planned for a job that left while the request was in flight',
      marbles((m) => {
        const counting = countingScheduler(m.scheduler);
        const a = jobOf('a');
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [a]: steps(a, [10]), [jobOf('b')]: stalled(jobOf('b'), 0, 3) },
          // a's answer takes 20 ms: it arrives at 50, finished.
          statusOverride: (call, uuids) =>
            call === 0
              ? of(
                  E.right(
                    uuids.map((uuid) => ({ uuid, status: 'finished', progress: { current: 1, total: 1 } })),
                  ),
                ).pipe(delay(20, m.scheduler))
              : undefined,
        });
        const jobs = createJobs(fake.port, { scheduler: counting.scheduler, polling: fast });
        jobs.job$(a).subscribe();
        // b joins at 37, while a's request is in flight (due at 67: the one request so far carried one
        // job, so nothing is shared and its first look is not early), and leaves at 40: its wake-up stays.
        m.scheduler.schedule(() => {
          const b = jobs.job$(jobOf('b')).subscribe();
          m.scheduler.schedule(() => b.unsubscribe(), 3);
        }, 37);
        const alive: number[] = [];
        m.scheduler.schedule(() => alive.push(counting.alive()), 45);
        m.scheduler.schedule(() => alive.push(counting.alive()), 51);
        m.flush();
        expect(alive).toEqual([1, 0]);
        expect(fake.statuses).toEqual([{ at: 30, uuids: [a] }]);
      }),
    );
  });

  describe('a job followed with two policies', () => {
    it.each<[string, { deadlineMs?: number }, number | undefined]>([
      ['the tighter follower unsubscribes', {}, 120],
      ['the tighter follower reaches its deadline', { deadlineMs: 115 }, undefined],
    ])('is polled by the tighter one, then by the other once %s', (_name, options, leaveAt) =>
      marbles((m) => {
        const a = jobOf('a');
        const fake = fakePort({ scheduler: m.scheduler, jobs: { [a]: stalled(a, 1, 3) } });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        const tight = jobs
          .job$(a, { ...options, polling: { ...fast, precisionMs: 10, minDelayMs: 5 } })
          .subscribe();
        const loose = jobs.job$(a).subscribe();
        if (leaveAt !== undefined) m.scheduler.schedule(() => tight.unsubscribe(), leaveAt);
        m.scheduler.schedule(() => loose.unsubscribe(), 400);
        m.flush();
        // Every 10 ms while the tight follower is there; then 20 ms after the last poll (110), not 10.
        expect(fake.pollTimes(a).slice(0, 11)).toEqual([30, 40, 50, 60, 70, 80, 90, 100, 110, 130, 155]);
      })(),
    );
  });

  describe('answers', () => {
    it(
      'a job listed twice in one answer: the first entry counts',
      marbles((m) => {
        const a = jobOf('a');
        const fake = fakePort({
          scheduler: m.scheduler,
          statusOverride: () =>
            of(
              E.right([
                { uuid: a, status: 'finished', progress: { current: 1, total: 1 } },
                { uuid: a, status: 'in_progress', progress: { current: 0, total: 1 } },
              ]),
            ),
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        m.expect(jobs.job$(a, { download: false }).pipe(withoutEta()), '^ 100ms !').toBeObservable(
          '30ms (pf|)',
          {
            p: progress(a, 'finished', 1, 1),
            f: E.right({ _tag: 'Finished', job: a }),
          },
        );
      }),
    );

    it(
      'a port whose status call completes without an answer is a defect on the error channel',
      marbles((m) => {
        const fake = fakePort({ scheduler: m.scheduler, statusOverride: () => EMPTY });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        m.expect(jobs.job$(jobOf('a'))).toBeObservable(
          '30ms #',
          undefined,
          new Error('PlanviewerPort.status completed without a result'),
        );
      }),
    );

    it(
      'a success resets the backoff: the next failure is retried after the first delay again',
      marbles((m) => {
        const a = jobOf('a');
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [a]: stalled(a, 1, 3) },
          statusOverride: (call) => (call % 2 === 0 ? of(E.left(serverBusy)) : undefined),
        });
        const jobs = createJobs(fake.port, {
          scheduler: m.scheduler,
          random: () => 0.5,
          polling: fast,
          retry: { budget: 2, baseDelayMs: 100 },
        });
        m.expect(jobs.job$(a).pipe(withoutEta()), '^ 1000ms !').toBeObservable('105ms p 117ms (e|)', {
          p: progress(a, 'in_progress', 1, 3),
          e: left({ ...serverBusy, job: a }),
        });
        m.flush();
        // Failed at 30, retried 75 ms later (100 ms × 0.75), answered; failed at 125, retried 75 ms later
        // again, not 150; the third failure finds the retry bucket empty.
        expect(fake.pollTimes(a)).toEqual([30, 105, 125, 200, 223]);
      }),
    );
  });

  describe('failures of status requests', () => {
    it(
      'retries 5xx with backoff and jitter, then goes on',
      marbles((m) => {
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('a')]: steps(jobOf('a'), [10]) },
          statusOverride: (call) => (call < 2 ? of(E.left(serverError(statusRequest, 503, ''))) : undefined),
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, random: () => 0.5, polling: fast });
        m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('2280ms (pr|)', {
          p: progress(jobOf('a'), 'finished', 1, 1),
          r: result(jobOf('a')),
        });
        m.flush();
        // 1 s × 0.75 (equal jitter at 0.5), then 2 s × 0.75.
        expect(fake.pollTimes(jobOf('a'))).toEqual([30, 780, 2_280]);
      }),
    );

    it(
      'ends the jobs with the Left once the shared retry budget is spent',
      marbles((m) => {
        const failure = serverError(statusRequest, 502, 'bad gateway');
        const fake = fakePort({ scheduler: m.scheduler, statusOverride: () => of(E.left(failure)) });
        const jobs = createJobs(fake.port, {
          scheduler: m.scheduler,
          random: () => 0.5,
          polling: fast,
          retry: { budget: 2, baseDelayMs: 10 },
        });
        m.expect(jobs.job$(jobOf('a'))).toBeObservable('30ms 8ms 15ms (e|)', {
          e: left({ ...failure, job: jobOf('a') }),
        });
        m.flush();
        // 10 ms × 0.75 and 20 ms × 0.75 apart; the third failure finds the bucket empty.
        expect(fake.pollTimes(jobOf('a'))).toEqual([30, 38, 53]);
      }),
    );

    it(
      'ends the jobs at once on a final error (401)',
      marbles((m) => {
        const failure = unauthorized(statusRequest, '');
        const fake = fakePort({ scheduler: m.scheduler, statusOverride: () => of(E.left(failure)) });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        const both = [jobs.job$(jobOf('a')), jobs.job$(jobOf('b'))];
        // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
        // one request. It fails once and ends both jobs: no retry.
        m.expect(both[0]!).toBeObservable('15ms (e|)', { e: left({ ...failure, job: jobOf('a') }) });
        m.expect(both[1]!).toBeObservable('15ms (e|)', { e: left({ ...failure, job: jobOf('b') }) });
        m.flush();
        expect(fake.statuses).toEqual([{ at: 15, uuids: [jobOf('a'), jobOf('b')] }]);
      }),
    );

    it(
      'a defect of the port (an error, not a Left) reaches the error channel',
      marbles((m) => {
        const answer = m.cold('-#', undefined, new TypeError('bug'));
        const fake = fakePort({ scheduler: m.scheduler, statusOverride: () => answer });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        m.expect(jobs.job$(jobOf('a'))).toBeObservable('31ms #', undefined, new TypeError('bug'));
      }),
    );
  });
});
