/**
 * The status poller on its own (no job$ around it): what each follower is told and when, and which status
 * requests the port sees, in virtual time. These pin the shell around `planTick`: answers that arrive
 * later than the request, followers that come and go while a request is in flight, deadlines, Retry-After,
 * `pollSoon`, and what the planner's per-job data (finish windows, own plans) buys.
 */
import * as E from 'fp-ts/lib/Either.js';
import { delay, of, throwError, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import type { JobStatus, JobStatusEntry, JobUuid } from '../../src/codecs';
import { decodeError, rateLimited, serverError, timeout, type PlanviewerError } from '../../src/errors';
import {
  createStatusPoller,
  type FollowRequest,
  type PollerUpdate,
  type StatusPoller,
  type StatusPollerConfig,
} from '../../src/jobs/statusPoller';
import type { PollingPolicy } from '../../src/polling';
import { fakePort, jobOf, stalled, steps, type FakePort, type FakePortScript } from './fakePort';
import { countingScheduler, eagerScheduler } from './schedulers';
import { fastPolicy, fastPollerConfig } from './fastPolicy';

const statusRequest = { method: 'GET', url: 'https://planviewer.test/product_api/v1/jobs/status' };

const fast = fastPolicy;

type Answer = Observable<E.Either<PlanviewerError, readonly JobStatusEntry[]>>;

const running = (uuid: JobUuid, current = 1, total = 3): JobStatus => ({
  uuid,
  status: 'in_progress',
  progress: { current, total },
});

/** Answers every status request `ms` late, with what the timelines say at the time it was asked. */
const lateBy =
  (m: { scheduler: SchedulerLike }, ms: number, status: (uuid: JobUuid) => JobStatusEntry | undefined) =>
  (_call: number, uuids: readonly JobUuid[]): Answer =>
    of(E.right(uuids.flatMap((u) => status(u) ?? []))).pipe(delay(ms, m.scheduler));

interface Seen {
  readonly at: number;
  readonly update: PollerUpdate | 'complete' | { readonly defect: unknown };
}

interface Setup {
  readonly poller: StatusPoller;
  readonly fake: FakePort;
  /** Follows `job` now and records every update with its virtual time. */
  readonly follow: (
    job: JobUuid,
    request?: Partial<FollowRequest>,
  ) => { readonly seen: Seen[]; readonly subscription: Subscription };
  /** Ends every follow at virtual time `ms` (a flush runs until nothing is pending). */
  readonly stopAt: (ms: number) => void;
}

const setup = (
  m: { scheduler: SchedulerLike },
  script: Omit<FakePortScript, 'scheduler'>,
  config: Partial<StatusPollerConfig> = {},
): Setup => {
  const fake = fakePort({ scheduler: m.scheduler, ...script });
  const poller = createStatusPoller(fake.port, { ...fastPollerConfig(m.scheduler), ...config });
  const scheduler = config.scheduler ?? m.scheduler;
  const all: Subscription[] = [];
  const follow: Setup['follow'] = (job, request = {}) => {
    const seen: Seen[] = [];
    const subscription = poller.follow({ job, policy: fast, ...request }).subscribe({
      next: (update) => seen.push({ at: scheduler.now(), update }),
      complete: () => seen.push({ at: scheduler.now(), update: 'complete' }),
      error: (defect: unknown) => seen.push({ at: scheduler.now(), update: { defect } }),
    });
    all.push(subscription);
    return { seen, subscription };
  };
  const stopAt = (ms: number): void => {
    m.scheduler.schedule(() => all.forEach((s) => s.unsubscribe()), ms - m.scheduler.now());
  };
  return { poller, fake, follow, stopAt };
};

const at = (ms: number, m: { scheduler: SchedulerLike }, work: () => void): void => {
  m.scheduler.schedule(work, ms - m.scheduler.now());
};

describe('statusPoller (the shell around planTick)', () => {
  describe('what a follower is told', () => {
    it(
      'a status without progress is passed on as it came, without an eta, and the job backs off',
      marbles((m) => {
        const a = jobOf('a');
        const queued: JobStatus = { uuid: a, status: 'queued' };
        const { fake, follow, stopAt } = setup(m, { statusOverride: () => of(E.right([queued])) });
        const { seen } = follow(a);
        stopAt(200);
        m.flush();
        expect(seen[0]).toStrictEqual({ at: 30, update: { _tag: 'Observed', status: queued } });
        expect(seen.every((s) => s.update !== 'complete' && !('eta' in s.update))).toBe(true);
        // Nothing changes: 20, then ×1.5 per unchanged answer.
        expect(fake.pollTimes(a)).toEqual([30, 50, 80, 125, 193]);
      }),
    );

    it(
      'a status without progress that changes starts the backoff again',
      marbles((m) => {
        const a = jobOf('a');
        const { fake, follow, stopAt } = setup(m, {
          jobs: { [a]: (t) => ({ uuid: a, status: t < 60 ? 'queued' : 'paused' }) },
        });
        follow(a);
        stopAt(200);
        m.flush();
        // Seen paused at 80: 20 ms again, then ×1.5.
        expect(fake.pollTimes(a)).toEqual([30, 50, 80, 100, 130, 175]);
      }),
    );

    it(
      'once the job has shown its pace, each update carries an eta, and the last one says it is over',
      marbles((m) => {
        const a = jobOf('a');
        const { follow } = setup(m, { jobs: { [a]: steps(a, [40, 40, 40]) } });
        const { seen } = follow(a, { orderedAt: 0 });
        m.flush();
        const updates = seen.map((s) => s.update);
        expect(updates.at(-1)).toBe('complete');
        const observed = updates.slice(0, -1);
        expect(observed.every((u) => u !== 'complete' && '_tag' in u && u._tag === 'Observed')).toBe(true);
        expect(observed).toContainEqual({ _tag: 'Observed', status: running(a, 2), eta: expect.any(Number) });
        expect(observed.at(-1)).toStrictEqual({
          _tag: 'Observed',
          status: { uuid: a, status: 'finished', progress: { current: 3, total: 3 } },
          eta: 0,
        });
      }),
    );
  });

  describe('answers that arrive later than the request', () => {
    it(
      'the next poll is planned from the answer: a late answer still brings the next wake-up',
      marbles((m) => {
        const a = jobOf('a');
        const { fake, follow, stopAt } = setup(m, { statusOverride: lateBy(m, 5, (u) => running(u)) });
        const { seen } = follow(a);
        stopAt(150);
        m.flush();
        expect(seen.map((s) => s.at)).toEqual(fake.pollTimes(a).map((t) => t + 5));
        expect(fake.pollTimes(a)).toEqual([30, 55, 80, 105, 130]);
      }),
    );

    it(
      'a job that finishes while another is in flight leaves no wake-up behind',
      marbles((m) => {
        const counting = countingScheduler(m.scheduler);
        const [a, b] = [jobOf('a'), jobOf('b')];
        // b joins at 5: from then on requests are shared, so each job's first look comes early, at half
        // initialDelayMs. a is asked at 15 and answers finished at 25; b is asked at 20 and answers at 30.
        const { fake, follow, stopAt } = setup(
          m,
          {
            statusOverride: (_call, uuids) =>
              uuids.includes(a)
                ? lateBy(m, 10, (u) => ({ ...running(u, 3, 3), status: 'finished' }))(_call, uuids)
                : lateBy(m, 10, (u) => running(u))(_call, uuids),
          },
          { scheduler: counting.scheduler },
        );
        follow(a);
        at(5, m, () => follow(b));
        const alive: number[] = [];
        at(26, m, () => alive.push(counting.alive()));
        at(31, m, () => alive.push(counting.alive()));
        stopAt(100);
        m.flush();
        // While b is in flight and a has ended, nothing needs waking; after b's answer, b's next poll does.
        expect(alive).toEqual([0, 1]);
        // No timer was asked for an infinite delay (a real one would fire after 1 ms).
        expect(counting.delays().every(Number.isFinite)).toBe(true);
        expect(fake.statuses.slice(0, 2)).toEqual([
          { at: 15, uuids: [a] },
          { at: 20, uuids: [b] },
        ]);
      }),
    );

    it(
      'a follower of a shared request leaving does not cancel it for the others',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const { fake, follow } = setup(m, { statusOverride: lateBy(m, 10, (u) => running(u)) });
        const first = follow(a);
        const second = follow(b);
        // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
        // one request at 15, answered at 25. a leaves while it is in flight.
        at(20, m, () => first.subscription.unsubscribe());
        at(100, m, () => second.subscription.unsubscribe());
        m.flush();
        expect(fake.statuses[0]).toEqual({ at: 15, uuids: [a, b] });
        expect(first.seen).toEqual([]);
        expect(second.seen[0]).toEqual({ at: 25, update: { _tag: 'Observed', status: running(b) } });
        // …and b goes on being polled.
        expect(fake.pollTimes(b).length).toBeGreaterThan(2);
      }),
    );

    it(
      'a pollSoon asked while the request is in flight outlives its answer (also when asked as it went out)',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const { poller, fake, follow, stopAt } = setup(m, {
          statusOverride: lateBy(m, 10, (u) => running(u)),
        });
        // Two jobs followed: requests are shared, so each job's first look comes early, at half its
        // initialDelayMs: a's at 30, b's at 60.
        follow(a, { policy: { ...fast, initialDelayMs: 60 } });
        // b's wake-up is planned before the pollSoon below is scheduled: it goes out first, at 60.
        follow(b, { policy: { ...fast, initialDelayMs: 120 } });
        // a is in flight from 30 to 40: asked at 35, it is polled soon (35 + minDelayMs) after the answer.
        at(35, m, () => poller.pollSoon(a));
        // b: asked at 60, just after its request went out: polled again as soon as the answer came (70).
        at(50, m, () => m.scheduler.schedule(() => poller.pollSoon(b), 10));
        stopAt(100);
        m.flush();
        expect(fake.pollTimes(a).slice(0, 2)).toEqual([30, 45]);
        expect(fake.pollTimes(b).slice(0, 2)).toEqual([60, 70]);
      }),
    );
  });

  describe('deadlines', () => {
    it(
      'followers whose deadlines pass while the request is in flight each end at their own deadline',
      marbles((m) => {
        const a = jobOf('a');
        const { fake, follow } = setup(m, { statusOverride: lateBy(m, 100, (u) => running(u)) });
        const followers = [40, 60, 80].map((deadline) =>
          follow(a, { deadlineAt: deadline, deadlineMs: deadline }),
        );
        m.flush();
        expect(followers.map((f) => f.seen)).toEqual(
          [40, 60, 80].map((deadline) => [
            {
              at: deadline,
              update: { _tag: 'Ended', error: { ...timeout(deadline, undefined, 'unknown'), job: a } },
            },
            { at: deadline, update: 'complete' },
          ]),
        );
        expect(fake.statuses).toEqual([{ at: 30, uuids: [a] }]);
      }),
    );

    it(
      'a follower that joins while the request is in flight ends at its deadline, not at the answer',
      marbles((m) => {
        const a = jobOf('a');
        const { fake, follow, stopAt } = setup(m, { statusOverride: lateBy(m, 100, (u) => running(u)) });
        follow(a);
        const late = { current: undefined as ReturnType<Setup['follow']> | undefined };
        at(35, m, () => (late.current = follow(a, { deadlineAt: 55, deadlineMs: 20 })));
        stopAt(300);
        m.flush();
        expect(late.current?.seen).toEqual([
          { at: 55, update: { _tag: 'Ended', error: { ...timeout(20, undefined, 'unknown'), job: a } } },
          { at: 55, update: 'complete' },
        ]);
        expect(fake.statuses[0]).toEqual({ at: 30, uuids: [a] });
      }),
    );

    it(
      'a follower that stops other jobs when its own times out: they are neither ended nor polled',
      marbles((m) => {
        const [a, b, c] = [jobOf('a'), jobOf('b'), jobOf('c')];
        const { poller, fake, follow } = setup(m, { jobs: { [c]: stalled(c, 1, 3) } });
        // a and b time out at 15, when the first polls are due (three jobs followed: requests are shared,
        // so first looks come early, at half initialDelayMs); a's follower stops b and c when it hears.
        const others: Subscription[] = [];
        const seen: PollerUpdate[] = [];
        poller.follow({ job: a, policy: fast, deadlineAt: 15, deadlineMs: 15 }).subscribe((u) => {
          seen.push(u);
          others.forEach((o) => o.unsubscribe());
        });
        const bFollow = follow(b, { deadlineAt: 15, deadlineMs: 15 });
        const cFollow = follow(c);
        others.push(bFollow.subscription, cFollow.subscription);
        m.flush();
        expect(seen).toEqual([{ _tag: 'Ended', error: { ...timeout(15, undefined, 'unknown'), job: a } }]);
        expect([bFollow.seen, cFollow.seen]).toEqual([[], []]);
        expect(fake.statuses).toEqual([]);
        expect(poller.followedJobs()).toBe(0);
      }),
    );
  });

  describe('the wake-up', () => {
    it(
      'a job that joins with an earlier first poll than the wake-up planned brings it forward',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const { fake, follow, stopAt } = setup(m, { jobs: { [a]: stalled(a, 1, 3), [b]: stalled(b, 1, 3) } });
        follow(a, { policy: { ...fast, initialDelayMs: 100 } });
        at(10, m, () => follow(b));
        stopAt(101);
        m.flush();
        // b joins at 10: from then on requests are shared, so each job's first look comes early, at half
        // initialDelayMs: b's at 10 + 15 goes out alone, before a's (at 50).
        expect(fake.statuses[0]).toEqual({ at: 25, uuids: [b] });
        expect(fake.pollTimes(a)[0]).toBe(50);
      }),
    );

    it(
      'before the first request, the second job to join replans the first; a third leaves both plans as made',
      marbles((m) => {
        const [a, b, c] = [jobOf('a'), jobOf('b'), jobOf('c')];
        // Jitter draws, in order: a at its join, b at its join, a replanned as b joins, c at its join. A
        // fifth and sixth draw (1: the most jitter) would be a and b replanned again as c joins.
        const draws = [0, 0, 0, 0];
        const jobs = { [a]: stalled(a, 1, 3), [b]: stalled(b, 1, 3), [c]: stalled(c, 1, 3) };
        const { fake, follow, stopAt } = setup(m, { jobs }, { random: () => draws.shift() ?? 1 });
        const jittery = { ...fast, jitterRatio: 0.5 };
        for (const job of [a, b, c]) follow(job, { policy: jittery });
        stopAt(20);
        m.flush();
        // All three first looks early, at half initialDelayMs without jitter (15), in one request; plans
        // drawn again would have sent a and b alone at 8 (15 less half of it, rounded).
        expect(fake.statuses).toEqual([{ at: 15, uuids: [a, b, c] }]);
      }),
    );

    it(
      'on a scheduler that runs work due now at once, a job that joins later still brings the wake-up forward',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const { fake, follow, stopAt } = setup(
          m,
          { jobs: { [a]: stalled(a, 1, 3), [b]: stalled(b, 1, 3) } },
          { scheduler: eagerScheduler(m.scheduler) },
        );
        follow(a);
        // A follower that joins with a deadline already reached: the wake-up runs at once, inside follow.
        at(10, m, () => follow(a, { deadlineAt: 10, deadlineMs: 0 }));
        // b joins at 15: from then on requests are shared, so each job's first look comes early, at half
        // initialDelayMs. a's (0 + 15) is due at once; b's (15 + minDelayMs) comes before a's next.
        at(15, m, () => follow(b, { policy: { ...fast, initialDelayMs: 5 } }));
        stopAt(31);
        m.flush();
        expect(fake.statuses[0]).toEqual({ at: 15, uuids: [a] });
        expect(fake.pollTimes(b)[0]).toBe(25);
      }),
    );

    it(
      'on a scheduler that runs work due now at once, a defect in one request of a tick sends no other twice',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const bug = new TypeError('bug');
        const { fake, follow, stopAt } = setup(
          m,
          {
            jobs: { [b]: stalled(b, 1, 3) },
            statusOverride: (_call, uuids) => (uuids.includes(a) ? throwError(() => bug) : undefined),
          },
          // One job a request: the tick at 30 sends a, then b.
          { scheduler: eagerScheduler(m.scheduler), statusBatchSize: 1 },
        );
        const first = follow(a);
        follow(b);
        stopAt(45);
        m.flush();
        expect(first.seen).toEqual([{ at: 30, update: { defect: bug } }]);
        expect(fake.statuses.slice(0, 2)).toEqual([
          { at: 30, uuids: [a] },
          { at: 30, uuids: [b] },
        ]);
        expect(fake.pollTimes(b).filter((t) => t === 30)).toHaveLength(1);
      }),
    );

    it(
      'the last follower leaving before the first poll cancels the wake-up, and asks for no other',
      marbles((m) => {
        const counting = countingScheduler(m.scheduler);
        const a = jobOf('a');
        const { fake, follow } = setup(
          m,
          { jobs: { [a]: stalled(a, 1, 3) } },
          { scheduler: counting.scheduler },
        );
        const { subscription } = follow(a);
        const alive: number[] = [];
        at(5, m, () => alive.push(counting.alive()));
        at(10, m, () => subscription.unsubscribe());
        at(11, m, () => alive.push(counting.alive()));
        m.flush();
        expect(alive).toEqual([1, 0]);
        expect(counting.delays()).toEqual([30]);
        expect(fake.statuses).toEqual([]);
      }),
    );

    it(
      'pollSoon for a job nobody follows (any more) does nothing',
      marbles((m) => {
        const { poller, fake } = setup(m, {});
        expect(() => poller.pollSoon(jobOf('gone'))).not.toThrow();
        m.flush();
        expect(fake.statuses).toEqual([]);
        expect(poller.followedJobs()).toBe(0);
      }),
    );
  });

  describe('failed requests', () => {
    it(
      'Retry-After holds every job of the client, also one that joins during the pause',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const { fake, follow, stopAt } = setup(m, {
          jobs: { [a]: stalled(a, 1, 3), [b]: stalled(b, 1, 3) },
          statusOverride: (call) =>
            call === 0 ? of(E.left(rateLimited(statusRequest, '', 100))) : undefined,
        });
        follow(a);
        // b would be due at 80; the server said "not before 130" at 30.
        at(50, m, () => follow(b));
        stopAt(131);
        m.flush();
        expect(fake.pollTimes(b)).toEqual([130]);
      }),
    );

    it(
      'a request that fails again counts the attempts of the job that failed most often',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const { fake, follow, stopAt } = setup(m, {
          jobs: { [a]: stalled(a, 1, 3), [b]: stalled(b, 1, 3) },
          statusOverride: (call) => (call < 2 ? of(E.left(serverError(statusRequest, 503, ''))) : undefined),
        });
        follow(a);
        // a fails at 30 and is retried 750 ms later (1 s × 0.75); b joins so as to be due then too.
        at(750, m, () => follow(b));
        stopAt(2_281);
        m.flush();
        expect(fake.statuses.slice(0, 3)).toEqual([
          { at: 30, uuids: [a] },
          { at: 780, uuids: [a, b] },
          // The second failure is a's second attempt: 2 s × 0.75 for both, not 1 s × 0.75.
          { at: 2_280, uuids: [a, b] },
        ]);
      }),
    );

    it(
      'a job that left while its request was in flight does not count in the retry of the others',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const busy = of(E.left(serverError(statusRequest, 503, '')));
        const { fake, follow, stopAt } = setup(m, {
          jobs: { [b]: stalled(b, 1, 3) },
          // a fails at 30 and at 780; the request for a and b at 2 280 fails 10 ms late.
          statusOverride: (call) =>
            call < 2 ? busy : call === 2 ? busy.pipe(delay(10, m.scheduler)) : undefined,
        });
        const first = follow(a);
        at(2_250, m, () => follow(b));
        at(2_285, m, () => first.subscription.unsubscribe());
        stopAt(3_041);
        m.flush();
        expect(fake.statuses.slice(0, 3)).toEqual([
          { at: 30, uuids: [a] },
          { at: 780, uuids: [a] },
          { at: 2_280, uuids: [a, b] },
        ]);
        // b's first failure: retried after 1 s × 0.75, not after a's third attempt's 4 s × 0.75.
        expect(fake.pollTimes(b)).toEqual([2_280, 3_040]);
      }),
    );

    it(
      "a job's unreadable entry fails that job alone: it is retried later, the other is told at once",
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const unreadable: JobStatusEntry = {
          _tag: 'UnreadableJobStatus',
          uuid: a,
          error: decodeError(statusRequest, ['progress: expected a number'], ''),
        };
        const { fake, follow, stopAt } = setup(m, {
          jobs: { [a]: stalled(a, 1, 3), [b]: stalled(b, 1, 3) },
          statusOverride: (call) => (call === 0 ? of(E.right([unreadable, running(b)])) : undefined),
        });
        const first = follow(a);
        const second = follow(b);
        stopAt(766);
        m.flush();
        // Two jobs followed: requests are shared, so both first looks come early (half initialDelayMs), in
        // one request at 15. a is retried 750 ms later; b is told at once.
        expect(fake.statuses[0]).toEqual({ at: 15, uuids: [a, b] });
        expect(fake.pollTimes(a)).toEqual([15, 765]);
        expect(first.seen).toEqual([{ at: 765, update: { _tag: 'Observed', status: running(a) } }]);
        expect(second.seen[0]).toEqual({ at: 15, update: { _tag: 'Observed', status: running(b) } });
      }),
    );
  });

  describe('what the planner is told about each job', () => {
    /** A job without progress, looked at every 5 ms by its own policy: requests go out anyway. */
    const pacer: PollingPolicy = {
      ...fast,
      initialDelayMs: 5,
      minDelayMs: 5,
      precisionMs: 5,
      backoffFactor: 1,
    };

    it(
      'a job inside its finish window rides along with every request that goes out anyway',
      marbles((m) => {
        const [h, p] = [jobOf('h'), jobOf('p')];
        const { fake, follow, stopAt } = setup(m, {
          jobs: { [h]: steps(h, [40, 40, 40]), [p]: () => ({ uuid: p, status: 'queued' }) },
        });
        follow(h, { orderedAt: 0 });
        follow(p, { policy: pacer });
        stopAt(200);
        m.flush();
        // Two jobs followed: requests are shared, so h's first look comes early (15, half initialDelayMs),
        // and its regular first look still comes (30). h finishes at 120. Once its last step is seen (80)
        // its finish is likely: it goes with each of p's requests (every 5 ms) and is seen finished at
        // once, not 7 ms late by its own plan.
        expect(fake.pollTimes(h)).toEqual([15, 30, 65, 80, 85, 90, 95, 100, 105, 110, 115, 120]);
      }),
    );

    it(
      'once the requestBudget is spent, jobs that share requests are polled by their own plans, not tighter',
      marbles((m) => {
        const [a, b] = [jobOf('a'), jobOf('b')];
        const { fake, follow, stopAt } = setup(
          m,
          { jobs: { [a]: stalled(a, 1, 3), [b]: stalled(b, 1, 3) } },
          { requestBudget: 0.001 },
        );
        follow(a);
        follow(b);
        stopAt(150);
        m.flush();
        // Two jobs a request: the shared plan would look every 10 ms. The bucket's one request buys the
        // shared early first look at 15 (half initialDelayMs; the jobs' own plans look first at 30); then
        // each job goes by its own plan (precision 20 ms, longer once the job is overdue), as without
        // batching: exactly the times a job followed alone gets after a look at 15.
        expect(fake.statuses.map((s) => s.at)).toEqual([15, 35, 55, 75, 95, 115, 140]);
        expect(fake.statuses.every((s) => s.uuids.length === 2)).toBe(true);
      }),
    );
  });
});
