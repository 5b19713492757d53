import * as E from 'fp-ts/lib/Either.js';
import { NEVER, of } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import type { JobStatus } from '../../src/codecs';
import { aborted, networkError, resultNotAvailable, timeout, type PlanviewerError } from '../../src/errors';
import { createJobs, type DownloadEvent } from '../../src/jobs';
import { file, fakePort, stalled, steps, jobOf } from './fakePort';
import { left, ordered, progress, result, withoutEta } from './events';
import { fastPolling } from './fastPolicy';

const fast = fastPolling;

const retrieveRequest = { method: 'GET', url: 'https://planviewer.test/product_api/v1/jobs/retrieve/job-a' };

describe('job$', () => {
  it(
    'follows a job ordered elsewhere without ordering, and puts the given intention on the Result',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('a')]: steps(jobOf('a'), [10]) } });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(jobOf('a'), { intention: 'i-a' }).pipe(withoutEta())).toBeObservable('30ms (pr|)', {
        p: progress(jobOf('a'), 'finished', 1, 1),
        r: result(jobOf('a'), 'i-a'),
      });
      m.flush();
      expect(fake.orders).toEqual([]);
    }),
  );

  it(
    'emits Progress only on change, not on every poll, and surfaces an unknown status as running',
    marbles((m) => {
      const timeline = (t: number): JobStatus => ({
        uuid: jobOf('a'),
        status: t < 60 ? 'queued' : t < 100 ? 'in_progress' : 'finished',
        progress: { current: t < 100 ? 0 : 1, total: 1 },
      });
      const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('a')]: timeline } });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const events = jobs.job$(jobOf('a'), { download: false }).pipe(withoutEta());
      m.expect(events).toBeObservable('30ms q 39ms p 39ms (fF|)', {
        q: progress(jobOf('a'), 'queued', 0, 1),
        p: progress(jobOf('a'), 'in_progress', 0, 1),
        f: progress(jobOf('a'), 'finished', 1, 1),
        F: E.right({ _tag: 'Finished', job: jobOf('a') }),
      });
      m.flush();
      expect(fake.pollTimes(jobOf('a'))).toEqual([30, 50, 70, 90, 110]);
    }),
  );

  it(
    'puts eta on Progress once the job has shown its pace',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('i1')]: steps(jobOf('i1'), [40, 40, 40]) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const etas: (number | undefined)[] = [];
      jobs.order$(['i1'], { download: false }).subscribe((e) => {
        if (E.isRight(e) && e.right._tag === 'Progress') etas.push(e.right.eta);
      });
      m.flush();
      expect(etas[0]).toBeUndefined();
      expect(etas.slice(1, -1).every((eta) => typeof eta === 'number' && eta > 0)).toBe(true);
      expect(etas[etas.length - 1]).toBe(0);
    }),
  );

  it(
    'status error ends the job with JobFailed (with its intention and progress)',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('i1')]: steps(jobOf('i1'), [10], { ends: 'error' }) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.order$(['i1']).pipe(withoutEta())).toBeObservable('o 29ms (pe|)', {
        o: ordered('i1'),
        p: progress(jobOf('i1'), 'error', 1, 1),
        e: left({ _tag: 'JobFailed', job: jobOf('i1'), intention: 'i1', progress: { current: 1, total: 1 } }),
      });
    }),
  );

  it(
    'a Left ends only the job it names: the other jobs of the order go on',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: {
          [jobOf('i1')]: steps(jobOf('i1'), [10], { ends: 'error' }),
          [jobOf('i2')]: steps(jobOf('i2'), [40]),
        },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
      // one request at 15. i2 then goes by the shared plan: 20 / 2 ms later (25), then minDelayMs later
      // (35: no sooner, though its regular first look was at 30), then 20 / (4 / 3) ms later: seen
      // finished at 50.
      m.expect(jobs.order$(['i1', 'i2']).pipe(withoutEta())).toBeObservable('(oO) 11ms (peP) 30ms (qr|)', {
        o: ordered('i1'),
        O: ordered('i2'),
        p: progress(jobOf('i1'), 'error', 1, 1),
        e: left({
          _tag: 'JobFailed',
          job: jobOf('i1'),
          intention: 'i1',
          progress: { current: 1, total: 1 },
        }),
        P: progress(jobOf('i2'), 'in_progress', 0, 1),
        q: progress(jobOf('i2'), 'finished', 1, 1),
        r: result(jobOf('i2'), 'i2'),
      });
    }),
  );

  it(
    'a deadline ends the job with Timeout and the last status seen',
    marbles((m) => {
      const fake = fakePort({ scheduler: m.scheduler, jobs: { [jobOf('a')]: stalled(jobOf('a'), 1, 3) } });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(jobOf('a'), { deadlineMs: 100 }).pipe(withoutEta())).toBeObservable(
        '30ms p 69ms (t|)',
        {
          p: progress(jobOf('a'), 'in_progress', 1, 3),
          t: left({ ...timeout(100, undefined, 'in_progress'), job: jobOf('a') }),
        },
      );
      m.flush();
      expect(jobs.followedJobs()).toBe(0);
    }),
  );

  it(
    'a deadline also cuts a download that runs past it',
    marbles((m) => {
      const body = m.cold<E.Either<PlanviewerError, DownloadEvent>>('a 100ms b', {
        a: E.right({ _tag: 'Downloading', loaded: 1 }),
        b: E.right({ _tag: 'Downloaded', file: file(jobOf('a')) }),
      });
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('a')]: steps(jobOf('a'), [10]) },
        retrieve: () => body,
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$(jobOf('a'), { deadlineMs: 50 }).pipe(withoutEta())).toBeObservable(
        '30ms (pd) 16ms (t|)',
        {
          p: progress(jobOf('a'), 'finished', 1, 1),
          d: E.right({ _tag: 'Downloading', job: jobOf('a'), loaded: 1 }),
          t: left({ ...timeout(50, undefined, 'finished'), job: jobOf('a') }),
        },
      );
      m.expect(body).toHaveSubscriptions('30ms ^ 19ms !');
    }),
  );

  it(
    'an abort signal ends every job of the stream with Aborted, then completes',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('i1')]: stalled(jobOf('i1'), 0, 3), [jobOf('i2')]: stalled(jobOf('i2'), 0, 3) },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const controller = new AbortController();
      m.scheduler.schedule(() => controller.abort(), 40);
      // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
      // one request at 15; their regular first looks still come, at 30.
      m.expect(jobs.order$(['i1', 'i2'], { signal: controller.signal }).pipe(withoutEta())).toBeObservable(
        '(oO) 11ms (pP) 21ms (aA|)',
        {
          o: ordered('i1'),
          O: ordered('i2'),
          p: progress(jobOf('i1'), 'in_progress', 0, 3),
          P: progress(jobOf('i2'), 'in_progress', 0, 3),
          a: left({ ...aborted(), job: jobOf('i1') }),
          A: left({ ...aborted(), job: jobOf('i2') }),
        },
      );
      m.flush();
      expect(fake.statuses.map((s) => s.at)).toEqual([15, 30]);
      expect(jobs.followedJobs()).toBe(0);
    }),
  );

  it(
    'an abort ends only the jobs still running; job$ takes a signal too',
    marbles((m) => {
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: {
          [jobOf('i1')]: steps(jobOf('i1'), [10]),
          [jobOf('i2')]: stalled(jobOf('i2'), 0, 3),
          [jobOf('x')]: stalled(jobOf('x'), 0, 3),
        },
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const controller = new AbortController();
      m.scheduler.schedule(() => controller.abort(), 40);
      const { signal } = controller;
      // Three jobs followed: requests are shared, so all first looks come early (half initialDelayMs), in
      // one request at 15: i1 has finished, the others go on until the abort.
      m.expect(jobs.order$(['i1', 'i2'], { signal }).pipe(withoutEta())).toBeObservable(
        '(oO) 11ms (prP) 20ms (a|)',
        {
          o: ordered('i1'),
          O: ordered('i2'),
          p: progress(jobOf('i1'), 'finished', 1, 1),
          r: result(jobOf('i1'), 'i1'),
          P: progress(jobOf('i2'), 'in_progress', 0, 3),
          a: left({ ...aborted(), job: jobOf('i2') }),
        },
      );
      m.expect(jobs.job$(jobOf('x'), { signal }).pipe(withoutEta())).toBeObservable('15ms p 24ms (a|)', {
        p: progress(jobOf('x'), 'in_progress', 0, 3),
        a: left({ ...aborted(), job: jobOf('x') }),
      });
    }),
  );

  describe('download', () => {
    it(
      'maps download progress to Downloading events, then Result',
      marbles((m) => {
        const body = m.cold<E.Either<PlanviewerError, DownloadEvent>>('-a-b-(c|)', {
          a: E.right({ _tag: 'Downloading', loaded: 10, total: 30 }),
          b: E.right({ _tag: 'Downloading', loaded: 30, total: 30 }),
          c: E.right({ _tag: 'Downloaded', file: file(jobOf('a')) }),
        });
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('a')]: steps(jobOf('a'), [10]) },
          retrieve: () => body,
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('30ms pa-b-(r|)', {
          p: progress(jobOf('a'), 'finished', 1, 1),
          a: E.right({ _tag: 'Downloading', job: jobOf('a'), loaded: 10, total: 30 }),
          b: E.right({ _tag: 'Downloading', job: jobOf('a'), loaded: 30, total: 30 }),
          r: result(jobOf('a')),
        });
        m.expect(body).toHaveSubscriptions('30ms ^----!');
      }),
    );

    it(
      'unsubscribing mid-download unsubscribes from retrieve (the real port aborts the request)',
      marbles((m) => {
        const body = m.cold<E.Either<PlanviewerError, DownloadEvent>>('-a-b-c', {
          a: E.right({ _tag: 'Downloading', loaded: 1 }),
          b: E.right({ _tag: 'Downloading', loaded: 2 }),
          c: E.right({ _tag: 'Downloading', loaded: 3 }),
        });
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('a')]: steps(jobOf('a'), [10]) },
          retrieve: () => body,
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        m.expect(jobs.job$(jobOf('a')).pipe(withoutEta()), '^ 31ms !').toBeObservable('30ms pa', {
          p: progress(jobOf('a'), 'finished', 1, 1),
          a: E.right({ _tag: 'Downloading', job: jobOf('a'), loaded: 1 }),
        });
        m.expect(body).toHaveSubscriptions('30ms ^-!');
      }),
    );

    it(
      'retries a download that failed on the network, from the start',
      marbles((m) => {
        const failing = m.cold<E.Either<PlanviewerError, DownloadEvent>>('-(e|)', {
          e: E.left(networkError(retrieveRequest, true, 'socket hang up', 'ECONNRESET')),
        });
        const working = m.cold<E.Either<PlanviewerError, DownloadEvent>>('-(r|)', {
          r: E.right({ _tag: 'Downloaded', file: file(jobOf('a')) }),
        });
        let attempt = 0;
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('a')]: steps(jobOf('a'), [10]) },
          retrieve: () => (attempt++ === 0 ? failing : working),
        });
        const jobs = createJobs(fake.port, {
          scheduler: m.scheduler,
          random: () => 0.5,
          polling: fast,
          retry: { baseDelayMs: 100 },
        });
        // Fails at 31; the retry goes out 75 ms later (100 × 0.75) and answers 1 ms after that.
        m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('30ms p 76ms (r|)', {
          p: progress(jobOf('a'), 'finished', 1, 1),
          r: result(jobOf('a')),
        });
        m.expect(failing).toHaveSubscriptions('30ms ^!');
        m.expect(working).toHaveSubscriptions('106ms ^!');
      }),
    );

    it(
      'a final download failure (404 ResultNotAvailable) ends the job with it',
      marbles((m) => {
        const failure = resultNotAvailable(retrieveRequest, '');
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('a')]: steps(jobOf('a'), [10]) },
          retrieve: () => of(E.left(failure)),
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('30ms (pe|)', {
          p: progress(jobOf('a'), 'finished', 1, 1),
          e: left({ ...failure, job: jobOf('a') }),
        });
        m.flush();
        expect(fake.retrieves).toHaveLength(1);
      }),
    );

    it(
      'download: false ends the job with Finished instead',
      marbles((m) => {
        const fake = fakePort({
          scheduler: m.scheduler,
          jobs: { [jobOf('i1')]: steps(jobOf('i1'), [10]) },
          retrieve: () => NEVER,
        });
        const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
        m.expect(jobs.order$(['i1'], { download: false }).pipe(withoutEta())).toBeObservable('o 29ms (pf|)', {
          o: ordered('i1'),
          p: progress(jobOf('i1'), 'finished', 1, 1),
          f: E.right({ _tag: 'Finished', job: jobOf('i1'), intention: 'i1' }),
        });
        m.flush();
        expect(fake.retrieves).toEqual([]);
      }),
    );
  });
});
