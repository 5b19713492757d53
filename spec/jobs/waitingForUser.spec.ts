import * as E from 'fp-ts/lib/Either.js';
import { EMPTY, of, type Observable } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import type { JobStatus, KikWaiting } from '../../src/codecs';
import { forbidden, type PlanviewerError } from '../../src/errors';
import { createJobs, toWaitingForUser } from '../../src/jobs';
import { fakePort, jobOf } from './fakePort';
import { left, progress, result, withoutEta } from './events';
import { fastPolling } from './fastPolicy';

const fast = fastPolling;

const locations: KikWaiting = {
  locaties: { '2': 'Dorp A 101 Kerkweg 8', '1': 'Dorp A 100 Kerkweg 8 a' },
  message: 'Which of the found locations must be used to complete the order?',
};

const waitingEvent = E.right(toWaitingForUser(jobOf('a'), locations));

/**
 * A KIK job: one step, then it waits for a selection; 20 frames after the selection it finishes.
 * Returns the timeline and the select handler that records the choice.
 */
const kikJob = () => {
  let selectedAt: number | undefined;
  const timeline = (t: number): JobStatus => {
    const at = (status: string, current: number): JobStatus => ({
      uuid: jobOf('a'),
      status,
      progress: { current, total: 2 },
    });
    if (t < 10) return at('in_progress', 0);
    if (selectedAt === undefined || t < selectedAt) return at('waiting for user', 1);
    return t < selectedAt + 20 ? at('in_progress', 1) : at('finished', 2);
  };
  const select = (now: () => number) => (): Observable<E.Either<PlanviewerError, void>> => {
    selectedAt = now();
    return of(E.right(undefined));
  };
  return { timeline, select };
};

describe('waiting for user', () => {
  it(
    'asks onWaitingForUser only after subscribers have seen WaitingForUser (a UI can show the question first)',
    marbles((m) => {
      const kik = kikJob();
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('a')]: kik.timeline },
        waiting: () => m.cold('-(w|)', { w: E.right(locations) }),
        select: kik.select(() => m.scheduler.now()),
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const log: string[] = [];
      const onWaitingForUser = () => {
        log.push('asked');
        return [2];
      };
      jobs.job$(jobOf('a'), { onWaitingForUser }).subscribe((e) => {
        if (E.isRight(e) && e.right._tag === 'WaitingForUser') log.push('WaitingForUser');
      });
      m.flush();
      expect(log).toEqual(['WaitingForUser', 'asked']);
    }),
  );

  it(
    'with onWaitingForUser: emits WaitingForUser, posts the choice, polls soon after, then finishes',
    marbles((m) => {
      const kik = kikJob();
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('a')]: kik.timeline },
        waiting: () => m.cold('-(w|)', { w: E.right(locations) }),
        select: kik.select(() => m.scheduler.now()),
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      // The user takes 5 frames to answer.
      const onWaitingForUser = () => m.cold('-----(c|)', { c: 2 });
      m.expect(jobs.job$(jobOf('a'), { onWaitingForUser }).pipe(withoutEta())).toBeObservable(
        '30ms p W 14ms q 19ms (fr|)',
        {
          p: progress(jobOf('a'), 'waiting for user', 1, 2),
          W: waitingEvent,
          q: progress(jobOf('a'), 'in_progress', 1, 2),
          f: progress(jobOf('a'), 'finished', 2, 2),
          r: result(jobOf('a')),
        },
      );
      m.flush();
      expect(fake.waitings).toEqual([{ at: 30, args: [jobOf('a')] }]);
      expect(fake.selects).toEqual([{ at: 36, args: [jobOf('a'), 2] }]);
      // Selected at 36: the poller looks again after minDelayMs (46), then as the model says.
      expect(fake.pollTimes(jobOf('a'))).toEqual([30, 46, 66]);
    }),
  );

  it(
    'without the option: emits WaitingForUser and keeps polling (backing off) until select() is called',
    marbles((m) => {
      const kik = kikJob();
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('a')]: kik.timeline },
        waiting: () => of(E.right(locations)),
        select: kik.select(() => m.scheduler.now()),
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.scheduler.schedule(() => jobs.select(jobOf('a'), 1).subscribe(), 150);
      m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('30ms (pW) 126ms q 19ms (fr|)', {
        p: progress(jobOf('a'), 'waiting for user', 1, 2),
        W: waitingEvent,
        q: progress(jobOf('a'), 'in_progress', 1, 2),
        f: progress(jobOf('a'), 'finished', 2, 2),
        r: result(jobOf('a')),
      });
      m.flush();
      expect(fake.selects).toEqual([{ at: 150, args: [jobOf('a'), 1] }]);
      // Backing off ×1.5 from precisionMs while waiting; 10 frames after the selection, a poll.
      expect(fake.pollTimes(jobOf('a'))).toEqual([30, 50, 80, 125, 160, 180]);
    }),
  );

  it(
    'select() is lazy and names the job on a refused selection',
    marbles((m) => {
      const refusal = forbidden(
        { method: 'POST', url: 'https://planviewer.test/product_api/v1/kik/select/job-a' },
        '',
      );
      const fake = fakePort({ scheduler: m.scheduler, select: () => of(E.left(refusal)) });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      const selection = jobs.select(jobOf('a'), 1);
      expect(fake.selects).toEqual([]);
      m.expect(selection).toBeObservable('(e|)', { e: E.left({ ...refusal, job: jobOf('a') }) });
    }),
  );

  it(
    'a choice that is not one of the offered ones ends the job with InvalidInput, posting nothing',
    marbles((m) => {
      const kik = kikJob();
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('a')]: kik.timeline },
        waiting: () => of(E.right(locations)),
      });
      const jobs = createJobs(fake.port, {
        scheduler: m.scheduler,
        polling: fast,
        onWaitingForUser: () => of(7),
      });
      m.expect(jobs.job$(jobOf('a')).pipe(withoutEta())).toBeObservable('30ms (pWe|)', {
        p: progress(jobOf('a'), 'waiting for user', 1, 2),
        W: waitingEvent,
        e: left({
          _tag: 'InvalidInput',
          field: 'onWaitingForUser',
          reason: 'chose 7, not one of 1, 2',
          job: jobOf('a'),
        }),
      });
      m.flush();
      expect(fake.selects).toEqual([]);
    }),
  );

  it(
    'a chooser that gives no answer leaves the job waiting',
    marbles((m) => {
      const kik = kikJob();
      const fake = fakePort({
        scheduler: m.scheduler,
        jobs: { [jobOf('a')]: kik.timeline },
        waiting: () => of(E.right(locations)),
      });
      const jobs = createJobs(fake.port, { scheduler: m.scheduler, polling: fast });
      m.expect(
        jobs.job$(jobOf('a'), { onWaitingForUser: () => EMPTY }).pipe(withoutEta()),
        '^ 99ms !',
      ).toBeObservable('30ms (pW)', { p: progress(jobOf('a'), 'waiting for user', 1, 2), W: waitingEvent });
      m.flush();
      expect(fake.pollTimes(jobOf('a'))).toEqual([30, 50, 80]);
    }),
  );
});
