import {
  availableRequests,
  defaultPlannerConfig,
  defaultPollingPolicy,
  expectedSharing,
  extraSpacing,
  isHot,
  nextPollAt,
  nextWakeAt,
  planTick,
  plannerConfig,
  plannerPaused,
  planPolicies,
  sharedPrecision,
  startPlanner,
  startPolling,
  type FinishWindow,
  type PlannedJob,
  type PlannerConfig,
  type PlannerState,
} from '../../src/polling';

const config: PlannerConfig = {
  maxBatchSize: 3,
  coalesceWindowMs: 1_000,
  requestBudget: 8,
  maxExtraSpacingMs: 450,
};
const fresh = startPlanner();

/** A job due at `dueAt`, idle, no deadline, no window unless given. */
const job = (name: string, dueAt: number, more: Partial<PlannedJob> = {}): PlannedJob => ({
  job: name,
  dueAt,
  notBefore: -Infinity,
  deadlineAt: Infinity,
  inFlight: false,
  ...more,
});
/** A finish window open from `from` to `until`, with `perSecond` expected finishes a second. */
const window = (from: number, until: number, perSecond: number): FinishWindow => ({
  from,
  until,
  density: perSecond / 1_000,
});
const hot = (name: string, dueAt: number, perSecond = 0.2): PlannedJob =>
  job(name, dueAt, { window: window(0, 60_000, perSecond) });
const sentAt = (at: number, polls = 0, requests = 0): PlannerState => ({
  ...fresh,
  lastSentAt: at,
  polls,
  requests,
});

describe('planTick', () => {
  it.each<[string, readonly PlannedJob[], PlannerState, number, readonly (readonly string[])[], number]>([
    ['nothing followed: no request, no wake-up', [], fresh, 0, [], Infinity],
    ['nothing due yet: wake at the first plan', [job('a', 5_000), job('b', 3_000)], fresh, 0, [], 3_000],
    ['a due job goes out', [job('a', 1_000)], fresh, 1_000, [['a']], Infinity],
    ['a job overdue goes out too', [job('a', 1_000)], fresh, 4_000, [['a']], Infinity],
    [
      'due jobs go most overdue first, split by maxBatchSize',
      [job('a', 900), job('b', 500), job('c', 1_000), job('d', 700)],
      fresh,
      1_000,
      [['b', 'd', 'a'], ['c']],
      Infinity,
    ],
    [
      'jobs due within coalesceWindowMs ride along, soonest first, in the room left',
      [job('a', 1_000), job('late', 2_100), job('b', 1_900), job('c', 1_400), job('d', 1_600)],
      fresh,
      1_000,
      [['a', 'c', 'd']],
      1_900,
    ],
    [
      'a job due past the window waits for its own time',
      [job('a', 1_000), job('b', 2_001)],
      fresh,
      1_000,
      [['a']],
      2_001,
    ],
    [
      'riders never cause a request of their own',
      [job('a', 1_000), job('b', 1_000), job('c', 1_000), job('d', 1_500)],
      fresh,
      1_000,
      [['a', 'b', 'c']],
      1_500,
    ],
    [
      'hot jobs ride before the jobs due soon, most likely finish first',
      [job('a', 1_000), job('soon', 1_200), hot('h1', 5_000, 0.1), hot('h2', 6_000, 0.3)],
      fresh,
      1_000,
      [['a', 'h2', 'h1']],
      1_200,
    ],
    [
      'a job whose window has not opened is not hot',
      [job('a', 1_000), job('later', 9_000, { window: window(1_500, 9_000, 0.2) })],
      fresh,
      1_000,
      [['a']],
      1_500,
    ],
    [
      'a job past its window (overdue, backing off) rides along with a request that goes anyway',
      [job('a', 1_000), job('stalled', 9_000, { window: window(0, 900, 0.2) })],
      fresh,
      1_000,
      [['a', 'stalled']],
      Infinity,
    ],
    [
      'a job past its window is not hot: it starts no request of its own before its plan',
      [job('stalled', 9_000, { window: window(0, 900, 0.2) })],
      fresh,
      1_000,
      [],
      9_000,
    ],
    [
      'ride-alongs: hot first, then overdue, then due soon, while there is room',
      [
        job('a', 1_000),
        job('late', 9_000, { window: window(0, 900, 0.2) }),
        job('soon', 1_500),
        hot('h', 30_000),
      ],
      fresh,
      1_000,
      [['a', 'h', 'late']],
      1_500,
    ],
    [
      'a job in flight is never sent twice',
      [job('a', 1_000, { inFlight: true }), job('b', 1_000)],
      fresh,
      1_000,
      [['b']],
      Infinity,
    ],
    [
      'notBefore (a retry backoff) holds a due job back, and keeps it from riding',
      [job('a', 1_000, { notBefore: 4_000 }), job('b', 1_000), job('c', 1_100, { notBefore: 3_000 })],
      fresh,
      1_000,
      [['b']],
      3_000,
    ],
    [
      'a job due at the very end of the window still rides',
      [job('a', 1_000), job('edge', 2_000)],
      fresh,
      1_000,
      [['a', 'edge']],
      Infinity,
    ],
    [
      'a retry backoff that ends now no longer keeps a job from riding',
      [job('a', 1_000), job('b', 1_500, { notBefore: 1_000 })],
      fresh,
      1_000,
      [['a', 'b']],
      Infinity,
    ],
    [
      'a due job is never left out for an extra round; the likeliest hot jobs fill the room left',
      [
        job('a', 2_000),
        hot('h1', 20_000, 2),
        hot('h2', 20_000, 3),
        hot('h3', 20_000, 2),
        hot('h4', 20_000, 4),
      ],
      sentAt(1_000),
      2_000,
      [['a', 'h4', 'h2']],
      2_250,
    ],
  ])('%s', (_name, jobs, state, now, requests, wakeAt) => {
    const plan = planTick(jobs, state, config, now);
    expect(plan.requests).toEqual(requests);
    expect(plan.wakeAt).toBe(wakeAt);
  });

  describe('extra requests for hot jobs', () => {
    // 4 hot jobs at 2 finishes/s each, in rounds of 2 requests (3 a request): 0.7 finishes expected per
    // request every 175 ms, so every 250 ms (at most 4 rounds a second).
    const many = ['h1', 'h2', 'h3', 'h4'].map((name) => hot(name, 20_000, 2));

    it('go once the hot jobs have waited their spacing, nothing being due', () => {
      expect(planTick(many, sentAt(1_000), config, 1_249).requests).toEqual([]);
      expect(planTick(many, sentAt(1_000), config, 1_249).wakeAt).toBe(1_250);
      expect(planTick(many, sentAt(1_000), config, 1_250).requests).toEqual([['h1', 'h2', 'h3'], ['h4']]);
    });

    it('are spaced by the expected finishes per request, never closer than the request budget', () => {
      const two = many.slice(0, 2).map((j) => hot(j.job, 20_000, 0.6));
      // 1.2 finishes a second: 0.7 of them every 583 ms — no tighter than the jobs' own plans (450): not
      // worth it.
      expect(planTick(two, sentAt(1_000), config, 5_000).requests).toEqual([]);
      // 2.4 finishes a second, but a round takes 2 requests: every 583 ms, not worth it either.
      expect(
        planTick(
          many.map((j) => hot(j.job, 20_000, 0.6)),
          sentAt(1_000),
          config,
          5_000,
        ).requests,
      ).toEqual([]);
      const busy = many.map((j) => hot(j.job, 20_000, 10));
      // 40 finishes a second would be every 25 ms; extra rounds go at most 4 times a second.
      expect(planTick(busy, sentAt(1_000), config, 1_249).wakeAt).toBe(1_250);
    });

    it('carry the jobs due soon in the room left', () => {
      const rich = [...many, job('soon', 2_900)];
      expect(planTick(rich, sentAt(1_000), config, 2_000).requests).toEqual([
        ['h1', 'h2', 'h3'],
        ['h4', 'soon'],
      ]);
    });

    it('count as requests in the sharing measured', () => {
      const plan = planTick(many, sentAt(1_000, 10, 5), config, 2_000);
      expect(plan.state).toEqual({ ...sentAt(2_000), polls: 14, requests: 7, tokens: 6, tokensAt: 2_000 });
    });
  });

  describe('Retry-After', () => {
    const paused = plannerPaused(fresh, 10_000);

    it('sends nothing before the pause ends, and wakes when it ends', () => {
      const plan = planTick([job('a', 1_000), hot('h', 2_000, 5)], paused, config, 4_000);
      expect(plan.requests).toEqual([]);
      expect(plan.wakeAt).toBe(10_000);
      expect(planTick([job('a', 1_000)], paused, config, 10_000).requests).toEqual([['a']]);
    });

    it('still ends a follower whose deadline passes during the pause', () => {
      const jobs = [job('a', 1_000, { deadlineAt: 6_000 })];
      expect(planTick(jobs, paused, config, 4_000).wakeAt).toBe(6_000);
      expect(planTick(jobs, paused, config, 6_000).expired).toEqual(['a']);
    });

    it('keeps the longer of two pauses', () => {
      expect(plannerPaused(paused, 5_000).pausedUntil).toBe(10_000);
      expect(plannerPaused(paused, 15_000).pausedUntil).toBe(15_000);
    });
  });

  describe('deadlines', () => {
    it('reports expired jobs and sends nothing for them', () => {
      const plan = planTick(
        [job('a', 1_000, { deadlineAt: 1_000 }), job('b', 1_000, { deadlineAt: 1_001 })],
        fresh,
        config,
        1_000,
      );
      expect(plan.expired).toEqual(['a']);
      expect(plan.requests).toEqual([['b']]);
      expect(plan.wakeAt).toBe(1_001);
    });

    it('wakes at a deadline before any plan', () => {
      expect(planTick([job('a', 9_000, { deadlineAt: 5_000 })], fresh, config, 0).wakeAt).toBe(5_000);
    });
  });

  describe("the request budget (what precision may spend beyond the jobs' own plans)", () => {
    const tight: PlannerConfig = { ...config, maxBatchSize: 2, requestBudget: 2 };
    const empty = (at: number): PlannerState => ({ ...sentAt(at), tokens: 0, tokensAt: at });
    /** Due by their shared plans; their own policies would wait much longer. */
    const wanted = (name: string, dueAt: number): PlannedJob => job(name, dueAt, { latestAt: 1e9 });
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name, i) => wanted(name, 100 * i));

    it('sends no more wanted requests than the bucket holds, longest due first, and wakes when it refills', () => {
      const plan = planTick(many, fresh, tight, 1_000);
      expect(plan.requests).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      expect(plan.state).toMatchObject({ tokens: 0, tokensAt: 1_000 });
      expect(plan.wakeAt).toBe(1_500);
    });

    it('wanted jobs go longest due first, whatever order they were followed in', () => {
      const shuffled = [wanted('a', 1_000), wanted('b', 900), wanted('c', 800)];
      expect(planTick(shuffled, fresh, tight, 1_000).requests).toEqual([['c', 'b'], ['a']]);
      // With room for one request only, the longest due go.
      expect(planTick(shuffled, { ...sentAt(0), tokens: 1, tokensAt: 1_000 }, tight, 1_000).requests).toEqual(
        [['c', 'b']],
      );
    });

    it('an empty bucket sends nothing wanted and wakes when one request is allowed', () => {
      const plan = planTick(many, empty(1_000), tight, 1_200);
      expect(plan.requests).toEqual([]);
      expect(plan.wakeAt).toBe(1_500);
      expect(nextWakeAt(many, empty(1_000), tight, 1_200)).toBe(1_500);
    });

    it('refills at requestBudget a second, sending what accrued', () => {
      const half = planTick(many, empty(1_000), tight, 1_500);
      expect(half.requests).toEqual([['a', 'b']]);
      expect(half.state).toMatchObject({ tokens: 0, tokensAt: 1_500 });
      expect(planTick(many, empty(1_000), tight, 2_000).requests).toHaveLength(2);
    });

    it('holds at most one second of budget, however long the client was idle', () => {
      expect(availableRequests(empty(0), tight, 3_600_000)).toBe(2);
      expect(planTick(many, empty(0), tight, 3_600_000).requests).toHaveLength(2);
      // A budget under one a second still allows one request at a time.
      expect(availableRequests(empty(0), { ...tight, requestBudget: 0.5 }, 3_600_000)).toBe(1);
      expect(availableRequests(fresh, tight, 0)).toBe(2);
    });

    it('never delays a job past its own plan: it goes whatever the budget, the wanted ride along', () => {
      const jobs = [job('late', 800, { latestAt: 900 }), ...many];
      const plan = planTick(jobs, empty(1_000), tight, 1_000);
      expect(plan.requests).toEqual([['late', 'a']]);
      // The owed request spends nothing.
      expect(plan.state).toMatchObject({ tokens: 0, tokensAt: 1_000 });
      const owed = ['p', 'q', 'r', 's', 't'].map((name) => job(name, 500));
      expect(planTick(owed, empty(1_000), tight, 1_000).requests).toEqual([['p', 'q'], ['r', 's'], ['t']]);
    });

    it("wakes at a job's own plan when that comes before the budget allows a wanted request", () => {
      const jobs = [wanted('a', 1_000), job('b', 1_300, { latestAt: 1_300 })];
      expect(nextWakeAt(jobs, empty(1_000), tight, 1_100)).toBe(1_300);
      expect(planTick(jobs, empty(1_000), tight, 1_300).requests).toEqual([['b', 'a']]);
    });

    it('an extra round for hot jobs needs the budget', () => {
      const hotJobs = ['h1', 'h2'].map((name) =>
        job(name, 50_000, { latestAt: 50_000, window: window(0, 60_000, 5) }),
      );
      // Spacing alone would allow a round from 500 on; the bucket, empty at 1000, allows one at 1500.
      const roomy = { ...tight, maxExtraSpacingMs: 2_000 };
      const state = { ...empty(1_000), lastSentAt: 0 };
      expect(planTick(hotJobs, state, roomy, 1_300).requests).toEqual([]);
      expect(planTick(hotJobs, state, roomy, 1_300).wakeAt).toBe(1_500);
      expect(planTick(hotJobs, state, roomy, 1_500).requests).toEqual([['h1', 'h2']]);
    });

    it('a deadline still wakes the planner while the bucket is empty', () => {
      const waiting = [job('a', 0, { deadlineAt: 1_300, latestAt: 1e9 })];
      expect(planTick(waiting, empty(1_000), tight, 1_100).wakeAt).toBe(1_300);
    });

    it('a job wanted exactly now goes, and wanted jobs within the budget all go, the last request partly filled', () => {
      const three = [wanted('a', 800), wanted('b', 900), wanted('c', 1_000)];
      expect(planTick([wanted('c', 1_000)], fresh, tight, 1_000).requests).toEqual([['c']]);
      expect(planTick(three, fresh, tight, 1_000).requests).toEqual([['a', 'b'], ['c']]);
    });

    it('a job past its own plan wakes the planner now, whatever the budget', () => {
      expect(nextWakeAt([job('late', 800, { latestAt: 900 })], empty(1_000), tight, 1_000)).toBe(1_000);
    });

    it('an empty bucket leaves the planner as it was: nothing sent, nothing spent', () => {
      const state = empty(1_000);
      expect(planTick(many, state, tight, 1_200).state).toEqual(state);
    });

    it('wakes when a whole request has accrued, rounded up to the millisecond', () => {
      const thirds: PlannerConfig = { ...tight, requestBudget: 3 };
      // One request accrues in 333.3 ms: at 1 333 the bucket holds 0.999, at 1 334 a whole request.
      expect(planTick(many, empty(1_000), thirds, 1_000).wakeAt).toBe(1_334);
      expect(planTick(many, empty(1_000), thirds, 1_333).requests).toEqual([]);
      expect(planTick(many, empty(1_000), thirds, 1_334).requests).toEqual([['a', 'b']]);
    });

    it('a request that accrues in floating point just short of a whole one still goes', () => {
      // At 2 a second, 1.126 requests have accrued at 563 ms: one goes, 0.126 is left; 437 ms later the
      // bucket holds 0.126 + 0.874, which floating point makes 0.9999999999999999.
      const first = planTick(many, empty(0), tight, 563);
      expect(first.requests).toEqual([['a', 'b']]);
      const second = planTick(
        many.filter((j) => j.job !== 'a' && j.job !== 'b'),
        first.state,
        tight,
        1_000,
      );
      expect(second.requests).toEqual([['c', 'd']]);
    });

    it('a wake-up is never in the past: an overdue extra round wakes the planner now', () => {
      const hotJobs = ['h1', 'h2', 'h3', 'h4'].map((name) => hot(name, 20_000, 2));
      // The round was due at 1 250 (see above); asked at 2 000, the planner wakes at 2 000.
      expect(nextWakeAt(hotJobs, sentAt(1_000), config, 2_000)).toBe(2_000);
      // A planner that never sent: the hot jobs' first round may go at once.
      expect(nextWakeAt(hotJobs, fresh, config, 500)).toBe(500);
    });

    it('a wanted job waits for both the pause and the budget', () => {
      const paused = plannerPaused(empty(1_000), 1_200);
      expect(planTick(many, paused, tight, 1_100).wakeAt).toBe(1_500);
      expect(planTick(many, plannerPaused(empty(1_000), 2_000), tight, 1_100).wakeAt).toBe(2_000);
    });
  });

  it('counts polls and requests, halving both past 1000 requests', () => {
    const plan = planTick([job('a', 0), job('b', 0)], fresh, config, 0);
    // Jobs due by their own plans spend no budget.
    expect(plan.state).toEqual({ ...fresh, lastSentAt: 0, polls: 2, requests: 1, tokens: 8, tokensAt: 0 });
    const long = planTick([job('a', 0), job('b', 0)], sentAt(0, 3_000, 999), config, 10);
    expect(long.state).toEqual({
      ...fresh,
      lastSentAt: 10,
      polls: 1_501,
      requests: 500,
      tokens: 8,
      tokensAt: 10,
    });
  });
});

describe('nextWakeAt', () => {
  it.each<[string, readonly PlannedJob[], PlannerState, number, number]>([
    ['nothing followed', [], fresh, 0, Infinity],
    ['the earliest plan', [job('a', 5_000), job('b', 3_000)], fresh, 0, 3_000],
    ['now, when a job is due', [job('a', 500)], fresh, 1_000, 1_000],
    ['now, when a deadline passed', [job('a', 5_000, { deadlineAt: 500 })], fresh, 1_000, 1_000],
    ['a due job waits for the end of a pause', [job('a', 500)], plannerPaused(fresh, 3_000), 1_000, 3_000],
    ['jobs in flight wait for their answer', [job('a', 500, { inFlight: true })], fresh, 1_000, Infinity],
    ['a retry backoff', [job('a', 500, { notBefore: 2_500 })], fresh, 1_000, 2_500],
    ['when a finish window opens', [job('a', 9_000, { window: window(4_000, 9_000, 5) })], fresh, 0, 4_000],
    [
      'the next extra request for hot jobs',
      ['h1', 'h2', 'h3', 'h4'].map((n) => hot(n, 20_000, 2)),
      sentAt(1_000),
      1_100,
      1_250,
    ],
    [
      'when a finish window opens, in whole milliseconds',
      [job('a', 9_000, { window: window(4_000.2, 9_000, 5) })],
      fresh,
      0,
      4_001,
    ],
    [
      'not at an empty window (it opens when the job is already overdue)',
      [
        job('a', 9_000, { window: window(4_000, 4_000, 5) }),
        job('b', 9_500, { window: window(5_000, 4_000, 5) }),
      ],
      fresh,
      0,
      9_000,
    ],
  ])('%s', (_name, jobs, state, now, at) => {
    expect(nextWakeAt(jobs, state, config, now)).toBe(at);
  });
});

describe('nextWakeAt at a finish window opening (an extra round may become worth it)', () => {
  /** Hot jobs too unlikely to finish to be worth an extra round of their own (0.2 finishes a second). */
  const lukewarm = (n: number): PlannedJob[] =>
    Array.from({ length: n }, (_, i) => hot(`h${i}`, 20_000, 0.2));
  const opening = job('o', 9_000, { window: window(4_000, 9_000, 5) });

  it.each<[string, PlannerConfig, number, number]>([
    ['a round of one request, 4 a second allowed: wakes at the opening', config, 0, 4_000],
    [
      'a round of one request, but the budget allows one every 500 ms: no tighter than the plans, no wake-up',
      { ...config, requestBudget: 2, maxExtraSpacingMs: 500 },
      0,
      9_000,
    ],
    [
      'a budget of 3 a second affords rounds of one request: 2 hot jobs and the opening one fit',
      { ...config, requestBudget: 3 },
      2,
      4_000,
    ],
    [
      'but not rounds of two: with 3 hot jobs already, one more would need a second request a round',
      { ...config, requestBudget: 3 },
      3,
      9_000,
    ],
  ])('%s', (_name, cfg, hotCount, at) => {
    expect(nextWakeAt([...lukewarm(hotCount), opening], fresh, cfg, 0)).toBe(at);
  });
});

describe('sharedPrecision', () => {
  it.each<[string, PlannerState, number]>([
    ['nothing sent yet: precisionMs', fresh, 1_700],
    ['one job a request: precisionMs', sentAt(0, 12, 12), 1_700],
    ['two jobs a request: half', sentAt(0, 24, 12), 850],
    ['three jobs a request: a third', sentAt(0, 30, 10), 567],
    ['ten jobs a request: never below minDelayMs', sentAt(0, 100, 10), 500],
  ])('%s', (_name, state, precision) => {
    expect(sharedPrecision(state, defaultPollingPolicy)).toBe(precision);
  });

  it('never goes below precisionMs when minDelayMs is the larger', () => {
    expect(sharedPrecision(sentAt(0, 100, 1), { ...defaultPollingPolicy, precisionMs: 300 })).toBe(300);
  });
});

describe('expectedSharing', () => {
  it.each<[string, () => PlannerState, number, number, number]>([
    ['nothing sent, 1,000 jobs followed: one full request', () => fresh, 3, 1_000, 3],
    ['nothing sent, 2 jobs followed: both', () => fresh, 3, 2, 2],
    ['nothing sent, 1 job followed: alone', () => fresh, 3, 1, 1],
    ['nothing sent, a batch size of 1: never shared', () => fresh, 1, 1_000, 1],
    ['25 polls in 10 requests: 2.5, whatever is followed now', () => sentAt(0, 25, 10), 3, 1_000, 2.5],
  ])('%s', (_name, state, maxBatchSize, followed, sharing) => {
    expect(expectedSharing(state(), { ...config, maxBatchSize }, followed)).toBe(sharing);
  });
});

describe('planPolicies', () => {
  const policy = defaultPollingPolicy;

  it('followed alone: the own plan is the policy, the shared plan only takes the shared precision', () => {
    const plans = planPolicies(policy, sentAt(0, 12, 12), 1, false);
    expect(plans.own).toBe(policy);
    expect(plans.shared).toEqual({ ...policy, precisionMs: 1_700 });
  });

  it('below two jobs a request on average: the same', () => {
    expect(planPolicies(policy, sentAt(0, 19, 10), 1.9, true).own).toBe(policy);
  });

  it('two jobs a request on average: shared', () => {
    expect(planPolicies(policy, sentAt(0, 20, 10), 2, true).own.earlyFinishRisk).toBeCloseTo(0.02, 12);
  });

  it('shared: two thirds of the earlyFinishRisk in both plans, the shared precision in the shared one', () => {
    const plans = planPolicies(policy, sentAt(0, 30, 10), 3, true);
    expect(plans.own).toEqual({ ...policy, earlyFinishRisk: 0.03 * (2 / 3) });
    expect(plans.shared).toEqual({ ...policy, earlyFinishRisk: 0.03 * (2 / 3), precisionMs: 567 });
  });

  it('shared, and the job not seen yet: its first look by the shared plan at half initialDelayMs', () => {
    const plans = planPolicies(policy, fresh, 150, false);
    expect(plans.shared.initialDelayMs).toBe(1_500);
    expect(plans.own.initialDelayMs).toBe(3_000);
    expect(nextPollAt(startPolling(0, { fresh: true }), plans.shared, () => 0)).toBe(1_500);
    expect(nextPollAt(startPolling(0, { fresh: true }), plans.shared, () => 1)).toBe(1_350);
    expect(nextPollAt(startPolling(0, { fresh: true }), plans.own, () => 0)).toBe(3_000);
  });

  it('shared, the job seen: the regular initialDelayMs (it caps a plan made after an early look)', () => {
    expect(planPolicies(policy, fresh, 150, true).shared.initialDelayMs).toBe(3_000);
  });
});

describe('extraSpacing', () => {
  it.each<[string, number, number]>([
    ['no likely finish: never', 0, Infinity],
    ['a finish every 2 s: never (the plans poll every 450 ms here)', 0.5, Infinity],
    [
      'a finish every 650 ms: never (0.7 of one every 455 ms, no tighter than the plans)',
      1_000 / 650,
      Infinity,
    ],
    ['a finish every 500 ms: every 350 ms (0.7 finishes a request)', 1_000 / 500, 350],
    ['whole milliseconds: a finish every 499.5 ms, every 350 ms', 1_000 / 499.5, 350],
    ['a finish every 10 ms: every 250 ms (4 rounds a second)', 100, 250],
  ])('%s', (_name, perSecond, spacing) => {
    expect(extraSpacing(perSecond / 1_000, config)).toBe(spacing);
  });

  it('a round of several requests must catch 0.7 finishes per request', () => {
    expect(extraSpacing(1_000 / 200 / 1_000, config, 2)).toBe(280);
    expect(extraSpacing(1_000 / 350 / 1_000, config, 2)).toBe(Infinity);
    // At most 4 rounds a second, and at most requestBudget (8) requests a second: 3 every 375 ms.
    expect(extraSpacing(1, config, 2)).toBe(250);
    expect(extraSpacing(1, config, 3)).toBe(375);
    // 4 every 500 ms: no tighter than the jobs' own plans.
    expect(extraSpacing(1, config, 4)).toBe(Infinity);
    // Thousands of hot jobs: a round of 67 requests would come every 8.4 s, never worth it.
    expect(extraSpacing(1, config, 67)).toBe(Infinity);
  });
});

describe('isHot', () => {
  it.each<[string, PlannedJob, number, boolean]>([
    ['no window', job('a', 0), 0, false],
    ['before the window', job('a', 0, { window: window(10, 20, 1) }), 9, false],
    ['at its opening', job('a', 0, { window: window(10, 20, 1) }), 10, true],
    ['at its end (overdue)', job('a', 0, { window: window(10, 20, 1) }), 20, false],
  ])('%s', (_name, j, now, expected) => {
    expect(isHot(j, now)).toBe(expected);
  });
});

describe('plannerConfig', () => {
  it('takes the batch size and budget from the client, the window and floor from the policy', () => {
    expect(plannerConfig(defaultPollingPolicy, { statusBatchSize: 150, requestBudget: 8 })).toEqual({
      maxBatchSize: 150,
      coalesceWindowMs: 2_000,
      requestBudget: 8,
      maxExtraSpacingMs: 500,
    });
    expect(defaultPlannerConfig).toEqual(
      plannerConfig(defaultPollingPolicy, { statusBatchSize: 150, requestBudget: 8 }),
    );
  });
});
