import * as E from 'fp-ts/lib/Either.js';
import { lastValueFrom, map, toArray, VirtualTimeScheduler } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describeError, jobFailed, type JobEvent, type PlanviewerError } from '../../src';
import { scriptedPlanviewer } from '../../src/testing';

type Emission = E.Either<PlanviewerError, JobEvent>;

/** Each emission as a short string, so the marbles read as the events a user sees. */
const short = (e: Emission): string => {
  if (E.isLeft(e)) return `Left ${e.left._tag}`;
  const ev = e.right;
  switch (ev._tag) {
    case 'Progress':
      return `${ev.status} ${ev.current}/${ev.total}`;
    case 'WaitingForUser':
      return `waiting [${ev.choices.map((c) => `${c.index}:${c.label}`).join(' ')}]`;
    case 'Result':
      return `Result ${ev.file.filename} ${ev.intention ?? '-'}`;
    default:
      return ev._tag;
  }
};

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('scriptedPlanviewer', () => {
  it('plays a job step by step at the scripted virtual times, then the download and the result', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const api = scriptedPlanviewer({
        scheduler: testScheduler,
        jobs: [
          {
            intention: 'i-1',
            job: 'job-1',
            queueMs: 500,
            stepMs: [1_000, 2_000],
            result: { filename: 'a.pdf' },
          },
        ],
      });
      expectObservable(api.client.order$(['i-1']).pipe(map(short))).toBe(
        '(ab) 496ms c 999ms d 1999ms (efg|)',
        {
          a: 'Ordered',
          b: 'initial 0/2',
          c: 'in_progress 0/2',
          d: 'in_progress 1/2',
          e: 'finished 2/2',
          f: 'Downloading',
          g: 'Result a.pdf i-1',
        },
      );
    });
  });

  it('records one order per subscription, and expectOneOrder compares the intentions in any order', () => {
    const testScheduler = newScheduler();
    const api = scriptedPlanviewer({
      scheduler: testScheduler,
      jobs: [{ intention: 'a' }, { intention: 'b' }],
    });
    api.client.order$(['b', 'a']).subscribe();
    testScheduler.flush();
    expect(() => api.expectOneOrder(['a', 'b'])).not.toThrow();
    expect(() => api.expectOneOrder(['a'])).toThrow(
      'Expected exactly one order of [a], saw order of [b, a] at 0 ms.',
    );
    expect(() => api.expectNoOrder()).toThrow('Expected no order, saw order of [b, a] at 0 ms.');
    api.client.order$(['a']).subscribe();
    expect(() => api.expectOneOrder(['a', 'b'])).toThrow(
      /saw order of \[b, a\] at 0 ms; order of \[a\] at 0 ms/,
    );
    api.verify();
  });

  it('waits for a user until select picks a choice, then goes on from that moment', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ cold, expectObservable }) => {
      const api = scriptedPlanviewer({
        scheduler: testScheduler,
        jobs: [
          {
            intention: 'i',
            job: 'j',
            stepMs: [100, 100],
            waitsForUser: { afterStep: 1, choices: ['A 1', 'A 2'] },
          },
        ],
      });
      expectObservable(api.client.order$(['i']).pipe(map(short))).toBe('(ab) 96ms (cd) 396ms e 99ms (fgh|)', {
        a: 'Ordered',
        b: 'in_progress 0/2',
        c: 'waiting for user 1/2',
        d: 'waiting [1:A 1 2:A 2]',
        e: 'in_progress 1/2',
        f: 'finished 2/2',
        g: 'Downloading',
        h: `Result j.pdf i`,
      });
      // The selection, 400 ms after the question.
      expectObservable(cold('500ms a').pipe(map(() => api.client.select('j', 2).subscribe()))).toBe(
        '500ms a',
        {
          a: expect.anything(),
        },
      );
    });
  });

  it('answers with onWaitingForUser, and refuses an index that is not a choice', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const api = scriptedPlanviewer({
        scheduler: testScheduler,
        jobs: [{ intention: 'i', job: 'j', stepMs: [100], waitsForUser: { afterStep: 0, choices: ['A 1'] } }],
      });
      expectObservable(api.client.order$(['i'], { onWaitingForUser: () => [1] }).pipe(map(short))).toBe(
        '(abcd) 94ms (efg|)',
        {
          a: 'Ordered',
          b: 'waiting for user 0/1',
          c: 'waiting [1:A 1]',
          d: 'in_progress 0/1',
          e: 'finished 1/1',
          f: 'Downloading',
          g: 'Result j.pdf i',
        },
      );
      expectObservable(api.client.job$('j', { onWaitingForUser: () => [7] }).pipe(map(short))).toBe(
        '(abc|)',
        {
          a: 'waiting for user 0/1',
          b: 'waiting [1:A 1]',
          c: 'Left InvalidInput',
        },
      );
    });
  });

  it('ends jobs with the scripted failures, each naming its job', async () => {
    const scheduler = new VirtualTimeScheduler();
    const api = scriptedPlanviewer({
      scheduler,
      jobs: [
        { intention: 'i-1', job: 'j-1', stepMs: [10], ends: 'error' },
        { intention: 'i-2', job: 'j-2', stepMs: [10], ends: 'Forbidden' },
        { intention: 'i-3', job: 'j-3', stepMs: [10], ends: 'ResultNotAvailable' },
      ],
    });
    const done = lastValueFrom(api.client.order$(['i-1', 'i-2', 'i-3']).pipe(toArray()));
    scheduler.flush();
    const lefts = (await done).filter(E.isLeft).map((e) => e.left);
    expect(lefts).toEqual([
      jobFailed('j-1', { current: 1, total: 1 }, 'i-1'),
      expect.objectContaining({ _tag: 'Forbidden', job: 'j-2' }),
      expect.objectContaining({ _tag: 'ResultNotAvailable', job: 'j-3' }),
    ]);
    expect(describeError(lefts[1]!)).toContain('Forbidden');
  });

  it('fails every order with orderFails, after orderMs', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const api = scriptedPlanviewer({
        scheduler: testScheduler,
        jobs: [{ intention: 'i' }],
        orderFails: 'OrderCapReached',
        orderMs: 50,
      });
      expectObservable(api.client.order$(['i'])).toBe('50ms (a|)', {
        a: E.left(expect.objectContaining({ _tag: 'OrderCapReached', intentions: ['i'] })),
      });
    });
  });

  it('answers requests the script does not know with a Left, and verify() names each of them', () => {
    const testScheduler = newScheduler();
    const api = scriptedPlanviewer({ scheduler: testScheduler, jobs: [{ intention: 'known', job: 'j' }] });
    const seen: Emission[] = [];
    api.client.order$(['known', 'unknown']).subscribe((e) => seen.push(e));
    api.client.job$('nobody').subscribe((e) => seen.push(e));
    api.client.select('j', 1).subscribe((e) => seen.push(e as Emission));
    testScheduler.flush();
    expect(seen.map((e) => (E.isLeft(e) ? e.left._tag : 'Right'))).toEqual([
      'BadRequest',
      'JobNotFound',
      'BadRequest',
    ]);
    expect(() => api.verify()).toThrow(
      [
        '3 unexpected requests:',
        '  - order of [known, unknown] at 0 ms: no scripted job for intention unknown',
        '  - follow of job nobody at 0 ms: no scripted job has this uuid',
        '  - select 1 for job j at 0 ms: the job is not waiting for a user',
      ].join('\n'),
    );
  });

  it('follows with job$ without ordering, gives Finished with download: false, and counts followed jobs', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const api = scriptedPlanviewer({
        scheduler: testScheduler,
        jobs: [{ intention: 'i', job: 'j', stepMs: [10] }],
      });
      const follow = api.client.job$('j', { download: false });
      expectObservable(follow.pipe(map(short))).toBe('a 9ms (bc|)', {
        a: 'in_progress 0/1',
        b: 'finished 1/1',
        c: 'Finished',
      });
      expectObservable(follow.pipe(map(() => api.client.followedJobs()))).toBe('a 9ms (bc|)', {
        a: 2,
        b: 1,
        c: 1,
      });
    });
  });

  it('stops a job when unsubscribed', () => {
    const testScheduler = newScheduler();
    const api = scriptedPlanviewer({
      scheduler: testScheduler,
      jobs: [{ intention: 'i', stepMs: [10, 10] }],
    });
    testScheduler.run(({ expectObservable }) => {
      expectObservable(api.client.order$(['i']).pipe(map(short)), '^ 14ms !').toBe('(ab) 6ms c', {
        a: 'Ordered',
        b: 'in_progress 0/2',
        c: 'in_progress 1/2',
      });
    });
    expect(api.client.followedJobs()).toBe(0);
  });
});
