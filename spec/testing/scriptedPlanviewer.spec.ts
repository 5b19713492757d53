import * as E from 'fp-ts/lib/Either.js';
import { lastValueFrom, map, toArray, VirtualTimeScheduler } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describeError, jobFailed, type JobEvent, type PlanviewerError } from '../../src';
import { scriptedPlanviewer } from '../../src/testing';

type Emission = E.Either<PlanviewerError, JobEvent>;

// Uuids, as the real client requires: intentions aaaaaaaa-…-00000000000n, jobs bbbbbbbb-…-00000000000n.
const I = (n: number): string => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const J = (n: number): string => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;

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
            intention: I(1),
            job: J(1),
            queueMs: 500,
            stepMs: [1_000, 2_000],
            result: { filename: 'a.pdf' },
          },
        ],
      });
      expectObservable(api.client.order$([I(1)]).pipe(map(short))).toBe(
        '(ab) 496ms c 999ms d 1999ms (efg|)',
        {
          a: 'Ordered',
          b: 'initial 0/2',
          c: 'in_progress 0/2',
          d: 'in_progress 1/2',
          e: 'finished 2/2',
          f: 'Downloading',
          g: `Result a.pdf ${I(1)}`,
        },
      );
    });
  });

  it('records one order per subscription, and expectOneOrder compares the intentions in any order', () => {
    const testScheduler = newScheduler();
    const api = scriptedPlanviewer({
      scheduler: testScheduler,
      jobs: [{ intention: I(1) }, { intention: I(2) }],
    });
    api.client.order$([I(2), I(1)]).subscribe();
    testScheduler.flush();
    expect(() => api.expectOneOrder([I(1), I(2)])).not.toThrow();
    expect(() => api.expectOneOrder([I(1)])).toThrow(
      `Expected exactly one order of [${I(1)}], saw order of [${I(2)}, ${I(1)}] at 0 ms.`,
    );
    expect(() => api.expectNoOrder()).toThrow(`Expected no order, saw order of [${I(2)}, ${I(1)}] at 0 ms.`);
    api.client.order$([I(1)]).subscribe();
    expect(() => api.expectOneOrder([I(1), I(2)])).toThrow(
      `saw order of [${I(2)}, ${I(1)}] at 0 ms; order of [${I(1)}] at 0 ms.`,
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
            intention: I(1),
            job: J(1),
            stepMs: [100, 100],
            waitsForUser: { afterStep: 1, choices: ['A 1', 'A 2'] },
          },
        ],
      });
      expectObservable(api.client.order$([I(1)]).pipe(map(short))).toBe(
        '(ab) 96ms (cd) 396ms e 99ms (fgh|)',
        {
          a: 'Ordered',
          b: 'in_progress 0/2',
          c: 'waiting for user 1/2',
          d: 'waiting [1:A 1 2:A 2]',
          e: 'in_progress 1/2',
          f: 'finished 2/2',
          g: 'Downloading',
          h: `Result ${J(1)}.pdf ${I(1)}`,
        },
      );
      // The selection, 400 ms after the question.
      expectObservable(cold('500ms a').pipe(map(() => api.client.select(J(1), 2).subscribe()))).toBe(
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
        jobs: [
          { intention: I(1), job: J(1), stepMs: [100], waitsForUser: { afterStep: 0, choices: ['A 1'] } },
        ],
      });
      expectObservable(api.client.order$([I(1)], { onWaitingForUser: () => [1] }).pipe(map(short))).toBe(
        '(abcd) 94ms (efg|)',
        {
          a: 'Ordered',
          b: 'waiting for user 0/1',
          c: 'waiting [1:A 1]',
          d: 'in_progress 0/1',
          e: 'finished 1/1',
          f: 'Downloading',
          g: `Result ${J(1)}.pdf ${I(1)}`,
        },
      );
      expectObservable(api.client.job$(J(1), { onWaitingForUser: () => [7] }).pipe(map(short))).toBe(
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
        { intention: I(1), job: J(1), stepMs: [10], ends: 'error' },
        { intention: I(2), job: J(2), stepMs: [10], ends: 'Forbidden' },
        { intention: I(3), job: J(3), stepMs: [10], ends: 'ResultNotAvailable' },
      ],
    });
    const done = lastValueFrom(api.client.order$([I(1), I(2), I(3)]).pipe(toArray()));
    scheduler.flush();
    const lefts = (await done).filter(E.isLeft).map((e) => e.left);
    expect(lefts).toEqual([
      jobFailed(J(1), { current: 1, total: 1 }, I(1)),
      expect.objectContaining({ _tag: 'Forbidden', job: J(2) }),
      expect.objectContaining({ _tag: 'ResultNotAvailable', job: J(3) }),
    ]);
    expect(describeError(lefts[1]!)).toContain('Forbidden');
  });

  it('fails every order with orderFails, after orderMs', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const api = scriptedPlanviewer({
        scheduler: testScheduler,
        jobs: [{ intention: I(1) }],
        orderFails: 'OrderCapReached',
        orderMs: 50,
      });
      expectObservable(api.client.order$([I(1)])).toBe('50ms (a|)', {
        a: E.left(expect.objectContaining({ _tag: 'OrderCapReached', intentions: [I(1)] })),
      });
    });
  });

  it('answers requests the script does not know with a Left, and verify() names each of them', () => {
    const testScheduler = newScheduler();
    const api = scriptedPlanviewer({ scheduler: testScheduler, jobs: [{ intention: I(1), job: J(1) }] });
    const seen: Emission[] = [];
    api.client.order$([I(1), I(9)]).subscribe((e) => seen.push(e));
    api.client.job$(J(9)).subscribe((e) => seen.push(e));
    api.client.select(J(1), 1).subscribe((e) => seen.push(e as Emission));
    testScheduler.flush();
    expect(seen.map((e) => (E.isLeft(e) ? e.left._tag : 'Right'))).toEqual([
      'BadRequest',
      'JobNotFound',
      'BadRequest',
    ]);
    expect(() => api.verify()).toThrow(
      [
        '3 unexpected requests:',
        `  - order of [${I(1)}, ${I(9)}] at 0 ms: no scripted job for intention ${I(9)}`,
        `  - follow of job ${J(9)} at 0 ms: no scripted job has this uuid`,
        `  - select 1 for job ${J(1)} at 0 ms: the job is not waiting for a user`,
      ].join('\n'),
    );
  });

  it('follows with job$ without ordering, gives Finished with download: false, and counts followed jobs', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const api = scriptedPlanviewer({
        scheduler: testScheduler,
        jobs: [{ intention: I(1), job: J(1), stepMs: [10] }],
      });
      const follow = api.client.job$(J(1), { download: false });
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
      jobs: [{ intention: I(1), stepMs: [10, 10] }],
    });
    testScheduler.run(({ expectObservable }) => {
      expectObservable(api.client.order$([I(1)]).pipe(map(short)), '^ 14ms !').toBe('(ab) 6ms c', {
        a: 'Ordered',
        b: 'in_progress 0/2',
        c: 'in_progress 1/2',
      });
    });
    expect(api.client.followedJobs()).toBe(0);
  });
  it('takes uuids as the real client does: any case in, lower case out; anything else is InvalidInput', () => {
    const testScheduler = newScheduler();
    expect(() => scriptedPlanviewer({ scheduler: testScheduler, jobs: [{ intention: 'report' }] })).toThrow(
      'scriptedPlanviewer: jobs[0].intention is not a uuid: "report"',
    );
    const api = scriptedPlanviewer({
      scheduler: testScheduler,
      jobs: [{ intention: I(1), job: J(1), stepMs: [10] }],
    });
    const seen: Emission[] = [];
    api.client.order$([I(1).toUpperCase()]).subscribe((e) => seen.push(e));
    api.client.order$(['report']).subscribe((e) => seen.push(e));
    api.client.job$('job-1').subscribe((e) => seen.push(e));
    testScheduler.flush();
    expect(seen[0]).toEqual(E.right({ _tag: 'Ordered', intention: I(1), job: J(1) }));
    expect(
      seen.filter(E.isLeft).map((e) => [e.left._tag, 'field' in e.left ? e.left.field : undefined]),
    ).toEqual([
      ['InvalidInput', 'intentions[0]'],
      ['InvalidInput', 'job'],
    ]);
    expect(api.unexpected.map((u) => u.reason)).toEqual([
      'intentions[0]: expected a uuid like 7e6d5c4b-3a29-4f18-9e07-222222222222, got "report"',
      'job: expected a uuid like 7e6d5c4b-3a29-4f18-9e07-222222222222, got "job-1"',
    ]);
  });
});
