import {
  defaultPollingPolicy,
  eta,
  finishWindow,
  jobPace,
  nextPollAt,
  observeMiss,
  observeRetryAfter,
  observeStatus,
  plannedDelay,
  pollSoon,
  startPolling,
  type JobObservation,
  type PollingPolicy,
  type PollState,
} from '../../src/polling';

const policy = defaultPollingPolicy;
const noJitter = (): number => 0;
const running = (current: number, total = 4): JobObservation => ({ status: 'in_progress', current, total });
const fold = (state: PollState, ...seen: readonly (readonly [number, JobObservation])[]): PollState =>
  seen.reduce((s, [at, o]) => observeStatus(s, o, at), state);
// Every state is built inside the test that uses it (thunks in the tables), never while Jest collects the
// tests: code run at collection time makes Stryker's mutants "static", and each static mutant runs every spec.
const fresh = (): PollState => startPolling(0, { fresh: true });
const resumed = (): PollState => startPolling(0, { fresh: false });

/** A job of four 4-second steps, polled at these moments. */
const steady = {
  firstPoll: (): PollState => fold(fresh(), [3_000, running(0)]),
  twoDone: (): PollState => fold(fresh(), [3_000, running(0)], [9_000, running(2)]),
  lastStep: (): PollState => fold(fresh(), [3_000, running(0)], [9_000, running(2)], [13_000, running(3)]),
};

describe('plannedDelay', () => {
  it.each<[string, () => PollState, number]>([
    ['before the first status: initialDelayMs', fresh, 3_000],
    ['nothing known about the pace yet, 4 steps to go: a leap', steady.firstPoll, 6_762],
    ['two steps seen in 9 s, two to go: soon, the last step may be near', steady.twoDone, 1_984],
    ['in the last step, finish plausible now: every precisionMs', steady.lastStep, 1_700],
    ['8 of 10 steps to go at 2 s a step: a long leap', () => fold(fresh(), [3_000, running(2, 10)]), 10_015],
    [
      // Steps of ~3 s seen: the last step is likely in 2.7 s, but a finish is not plausible for 1.9 s more.
      'three steps to go: past the likely last-step start, up to an early finish',
      () => fold(fresh(), [1_000, running(0, 5)], [7_000, running(2, 5)]),
      3_579,
    ],
    [
      'no step done yet, ten to go: look again after 4 × precisionMs to learn the pace',
      () => fold(fresh(), [3_000, running(0, 10)]),
      6_800,
    ],
    [
      'still queued with 3 steps ahead',
      () => fold(fresh(), [3_000, { status: 'initial', current: 0, total: 3 }]),
      6_355,
    ],
    [
      'a job missing from the last response: again after precisionMs',
      () => observeMiss(fresh(), 3_000),
      1_700,
    ],
    [
      'a job that ended: never',
      () => fold(fresh(), [3_000, { status: 'finished', current: 4, total: 4 }]),
      Infinity,
    ],
    [
      'a failed job: never',
      () => fold(fresh(), [3_000, { status: 'error', current: 1, total: 4 }]),
      Infinity,
    ],
  ])('%s', (_name, state, delay) => {
    expect(Math.round(plannedDelay(state(), policy))).toBe(delay);
  });

  it('backs off ×backoffFactor per unchanged poll while waiting for a user, or without progress', () => {
    const waiting: JobObservation = { status: 'waiting for user', current: 1, total: 4 };
    const delays = [3_000, 4_700, 7_250, 11_075].map((_, i, times) =>
      plannedDelay(fold(fresh(), ...times.slice(0, i + 1).map((t) => [t, waiting] as const)), policy),
    );
    expect(delays).toEqual([1_700, 2_550, 3_825, 5_737.5]);
    expect(
      plannedDelay(fold(fresh(), [3_000, { status: 'queued' }], [4_700, { status: 'queued' }]), policy),
    ).toBe(2_550);
  });

  it('backs off with the time a stalled job is overdue (×backoffFactor per poll)', () => {
    const overdueAt = (t: number): number => plannedDelay(fold(steady.lastStep(), [t, running(3)]), policy);
    // The last step was seen at 13 s; at 3.4 s a step it may take up to ~6.8 s (+ the pace's uncertainty).
    expect([20_000, 25_000, 30_000, 40_000].map(overdueAt)).toEqual([1_825, 4_325, 6_825, 11_825]);
  });

  it('a job of regular steps (stepVariation 0.25): leaps to where its last step likely begins', () => {
    const regular = { ...policy, stepVariation: 0.25, rateUncertainty: 0.05, precisionMs: 1_000 };
    // Two steps of ~5.5 s seen, four to go: the last step likely begins in 8.2 s, an early finish is 10.4 s
    // away; both beyond 4 × precisionMs, so the leap goes to the first.
    const state = fold(fresh(), [1_000, running(0, 6)], [13_000, running(2, 6)]);
    expect(plannedDelay(state, regular)).toBeCloseTo(8_220.473, 2);
    expect(finishWindow(state, regular)!.from - 13_000).toBeCloseTo(10_387.39, 1);
  });

  it('requeued with only its last step ahead: waits for an early finish, no leap to a last-step start', () => {
    const tight = { ...policy, stepVariation: 0.1, rateUncertainty: 0.05, precisionMs: 500 };
    const requeued = fold(steady.lastStep(), [14_000, { status: 'initial', current: 3, total: 4 }]);
    // One step of ~3.4 s from now (it has not begun), an early finish 3.56 s away: poll just after it.
    expect(plannedDelay(requeued, tight)).toBeCloseTo(3_555.586 + 500, 2);
  });

  it('plans the first poll initialDelayMs after following started, whenever that was', () => {
    const later = startPolling(1_000, { fresh: true });
    expect(plannedDelay(later, policy)).toBe(3_000);
    expect(nextPollAt(later, policy, noJitter)).toBe(4_000);
  });

  it('a job polled unchanged just as its window closes is not yet overdue: the plan, not backoff', () => {
    const until = finishWindow(steady.twoDone(), policy)!.until;
    expect(plannedDelay(fold(steady.twoDone(), [until, running(2)]), policy)).toBeCloseTo(1_983.8, 1);
  });

  it('treats an unknown status with progress as running', () => {
    const queued = fold(fresh(), [3_000, { status: 'queued', current: 0, total: 4 }]);
    expect(plannedDelay(queued, policy)).toBe(plannedDelay(steady.firstPoll(), policy));
  });
});

describe('a look before the regular first look', () => {
  // The earliest regular first look is initialDelayMs shortened by the most jitter: 3000 × 0.9 = 2700.
  it('never postpones the regular first look of a job we ordered', () => {
    // Seen at 1.5 s with one of six steps done, the prior alone would leap 7.4 s ahead.
    expect(plannedDelay(fold(fresh(), [1_500, running(1, 6)]), policy)).toBe(1_500);
    expect(plannedDelay(fold(fresh(), [2_699, running(1, 6)]), policy)).toBe(301);
    expect(plannedDelay(fold(fresh(), [1_500, { status: 'initial' }]), policy)).toBe(1_500);
  });

  it('a regular first look (from 2.7 s on) plans by the model alone', () => {
    expect(plannedDelay(fold(fresh(), [2_700, running(1, 6)]), policy)).toBeCloseTo(7_377.38, 1);
  });

  it('a job followed from the middle: its plan is the model, whenever it was seen', () => {
    expect(plannedDelay(fold(resumed(), [1_500, running(1, 6)]), policy)).toBeCloseTo(7_019.65, 1);
  });

  it('a job that ended needs no look, however early it was seen', () => {
    expect(plannedDelay(fold(fresh(), [1_500, { status: 'finished' }]), policy)).toBe(Infinity);
  });
});

describe('nextPollAt', () => {
  it.each<[string, () => PollState, Partial<PollingPolicy>, () => number, number]>([
    ['no jitter: last poll + planned delay', fresh, {}, noJitter, 3_000],
    ['jitter only shortens: random 0.5 takes 5% off', fresh, {}, () => 0.5, 2_850],
    ['jitter never goes below minDelayMs', fresh, { initialDelayMs: 500, minDelayMs: 480 }, () => 0.99, 480],
    [
      'clamped to maxDelayMs',
      () => fold(fresh(), [3_000, running(2, 10)]),
      { maxDelayMs: 5_000 },
      noJitter,
      8_000,
    ],
    ['clamped to minDelayMs', fresh, { initialDelayMs: 10, minDelayMs: 400 }, noJitter, 400],
    ['Retry-After wins over the plan', () => observeRetryAfter(fresh(), 30_000), {}, noJitter, 30_000],
    [
      'a pollSoon request wins over a later plan',
      () => pollSoon(steady.firstPoll(), 3_500),
      {},
      noJitter,
      3_500,
    ],
    [
      'but Retry-After wins over pollSoon',
      () => observeRetryAfter(pollSoon(steady.firstPoll(), 3_500), 20_000),
      {},
      noJitter,
      20_000,
    ],
    [
      'a job that ended is never polled',
      () => fold(fresh(), [3_000, { status: 'finished' }]),
      {},
      noJitter,
      Infinity,
    ],
  ])('%s', (_name, state, options, random, at) => {
    expect(nextPollAt(state(), { ...policy, ...options }, random)).toBe(at);
  });

  it('returns whole milliseconds', () => {
    expect(Number.isInteger(nextPollAt(steady.firstPoll(), policy, () => 0.123))).toBe(true);
  });
});

describe('jobPace', () => {
  it.each<[string, () => PollState, { msPerStep: number; stepsSeen: number }]>([
    ['nothing seen: the prior', steady.firstPoll, { msPerStep: 4_000, stepsSeen: 0 }],
    // 2 steps between the start (~1.5 s) and ~7 s, blended with the prior (weight 1 step).
    ['two steps seen', steady.twoDone, { msPerStep: 3_167, stepsSeen: 2 }],
    ['three steps seen', steady.lastStep, { msPerStep: 3_375, stepsSeen: 3 }],
    [
      'steps and start in one poll gap: k/(k+1) of the gap',
      () => fold(fresh(), [3_000, running(2, 10)]),
      { msPerStep: 2_000, stepsSeen: 2 },
    ],
    [
      'ordered at 1 s, two steps done by 4 s: the same, from the order time',
      () => fold(startPolling(1_000, { fresh: true }), [4_000, running(2, 10)]),
      { msPerStep: 2_000, stepsSeen: 2 },
    ],
    [
      // Reference: step 2 reached between 2 s and 5 s; steps 3 and 4 by 9 s.
      'followed from the middle: only the steps since its first change count',
      () => fold(resumed(), [2_000, running(1, 6)], [5_000, running(2, 6)], [9_000, running(4, 6)]),
      { msPerStep: 2_722, stepsSeen: 2 },
    ],
  ])('%s', (_name, state, expected) => {
    const pace = jobPace(state(), policy);
    expect({ msPerStep: Math.round(pace.msPerStep), stepsSeen: pace.stepsSeen }).toEqual(expected);
  });

  it('weighs the prior as priorSteps steps, in the estimate and in its uncertainty', () => {
    const pace = jobPace(steady.twoDone(), { ...policy, priorSteps: 2 });
    // (2 × 4 000 + 2 × 2 750) / 4, and 0.25 × that / √(1 + 2/2).
    expect(pace.msPerStep).toBeCloseTo(3_375, 6);
    expect(pace.uncertaintyMs).toBeCloseTo((0.25 * 3_375) / Math.SQRT2, 6);
  });

  it('grows more certain with every step seen', () => {
    const u = [steady.firstPoll, steady.twoDone, steady.lastStep].map(
      (s) => jobPace(s(), policy).uncertaintyMs / jobPace(s(), policy).msPerStep,
    );
    expect(u[0]).toBeGreaterThan(u[1] ?? 0);
    expect(u[1]).toBeGreaterThan(u[2] ?? 0);
  });
});

describe('eta', () => {
  it.each<[string, () => PollState, number, number | undefined]>([
    ['unknown before the job has shown its pace', steady.firstPoll, 3_000, undefined],
    ['two steps to go', steady.twoDone, 9_000, 4_938],
    ['the last step', steady.lastStep, 13_000, 1_953],
    ['a second later', steady.lastStep, 14_000, 1_453],
    ['0 once finished', () => fold(fresh(), [3_000, { status: 'finished', current: 4, total: 4 }]), 3_000, 0],
    ['unknown without progress', () => fold(fresh(), [3_000, { status: 'queued' }]), 3_000, undefined],
  ])('%s', (_name, state, now, expected) => {
    expect(eta(state(), policy, now)).toBe(expected);
  });
});
