import {
  defaultPollingPolicy,
  eta,
  finishWindow,
  observeStatus,
  plannedDelay,
  startPolling,
  type FinishWindow,
  type JobObservation,
  type PollState,
} from '../../src/polling';

const policy = defaultPollingPolicy;
const running = (current: number, total = 4): JobObservation => ({ status: 'in_progress', current, total });
const fold = (state: PollState, ...seen: readonly (readonly [number, JobObservation])[]): PollState =>
  seen.reduce((s, [at, o]) => observeStatus(s, o, at), state);
// States are built inside the tests (thunks in the tables), not while Jest collects them: see nextPollAt.spec.ts.
const fresh = (): PollState => startPolling(0, { fresh: true });
const resumed = (): PollState => startPolling(0, { fresh: false });

/** A job of four steps: 2 done by 9 s (seen at 3 s and 9 s), the last one seen starting by 13 s. */
const lastStep = (): PollState =>
  fold(fresh(), [3_000, running(0)], [9_000, running(2)], [13_000, running(3)]);

describe('finishWindow and the last-step plan (nextPollAt)', () => {
  it.each<[string, () => PollState, FinishWindow | undefined, number]>([
    // The last step began between 9 s and 13 s; its earliest plausible end is 10.7 s: poll every precisionMs.
    [
      'in the last step, finish already plausible',
      lastStep,
      { from: 10_735.083, until: 19_750, density: 1 / 9_062.5 },
      1_700,
    ],
    [
      'in the last step, its start known within 0.5 s: wait until a finish is plausible',
      () =>
        fold(fresh(), [3_000, running(0)], [9_000, running(2)], [12_500, running(2)], [13_000, running(3)]),
      { from: 13_629.045, until: 20_625, density: 1 / 6_218.75 },
      2_329.045,
    ],
    [
      'a fast job in its last step',
      () => fold(fresh(), [1_000, running(0, 3)], [2_000, running(1, 3)], [3_000, running(2, 3)]),
      { from: 2_779.927, until: 7_077.35, density: 1 / 4_000 },
      1_700,
    ],
    [
      'followed from the middle, first seen in its last step: a finish may come any moment',
      () => fold(resumed(), [2_000, running(3)]),
      { from: -Infinity, until: 11_000, density: 1 / 7_000 },
      1_700,
    ],
    [
      'followed from the middle, seen to enter its last step: its start is known',
      () => fold(resumed(), [2_000, running(2)], [5_000, running(3)]),
      { from: 3_539.23, until: 14_000, density: 1 / 9_000 },
      1_700,
    ],
    [
      // The step under way began between 5 s and 6 s, not at the start of the job.
      'three steps to go, the latest change seen within a second',
      () => fold(fresh(), [3_000, running(0, 5)], [5_000, running(1, 5)], [6_000, running(2, 5)]),
      { from: 9_083.583, until: 11_436.467, density: 0.0001329726622 },
      4_783.583,
    ],
    [
      'followed from the middle, two steps to go: the step under way may end any moment',
      () => fold(resumed(), [2_000, running(2)]),
      { from: 2_000, until: 11_000, density: 0.0001259881567 },
      1_700,
    ],
    [
      'followed from the middle, queued for its only step: the finish follows the start',
      () => fold(resumed(), [2_000, { status: 'initial', current: 0, total: 1 }]),
      { from: 2_609.35, until: 11_000, density: 0.00016012815 },
      2_309.35,
    ],
    [
      'queued, one step: the finish follows the start',
      () => fold(fresh(), [3_000, { status: 'initial', current: 0, total: 1 }]),
      { from: 3_609.35, until: 12_000, density: 0.00016012815 },
      2_309.35,
    ],
    [
      'queued, three steps ahead',
      () => fold(fresh(), [3_000, { status: 'initial', current: 0, total: 3 }]),
      { from: 7_655.263, until: 12_000, density: 0.0000739221 },
      6_355.263,
    ],
    [
      'two steps to go',
      () => fold(fresh(), [3_000, running(0)], [9_000, running(2)]),
      { from: 9_283.804, until: 15_455.805, density: 0.0001883005 },
      1_983.804,
    ],
    ['no status yet', fresh, undefined, 3_000],
    [
      'waiting for a user',
      () => fold(fresh(), [3_000, { status: 'waiting for user', current: 1, total: 4 }]),
      undefined,
      1_700,
    ],
    ['no progress in the status', () => fold(fresh(), [3_000, { status: 'queued' }]), undefined, 1_700],
    [
      'ended',
      () => fold(fresh(), [3_000, { status: 'finished', current: 4, total: 4 }]),
      undefined,
      Infinity,
    ],
  ])('%s', (_name, state, expected, delay) => {
    const window = finishWindow(state(), policy);
    if (expected === undefined) expect(window).toBeUndefined();
    else {
      expect(window!.from).toBeCloseTo(expected.from, 2);
      expect(window!.until).toBeCloseTo(expected.until, 2);
      expect(window!.density).toBeCloseTo(expected.density, 9);
    }
    expect(plannedDelay(state(), policy)).toBeCloseTo(delay, 2);
  });

  it('in the last step, a wider start window opens the finish window earlier and wider', () => {
    const narrow = finishWindow(
      fold(fresh(), [3_000, running(0)], [9_000, running(2)], [12_500, running(2)], [13_000, running(3)]),
      policy,
    )!;
    const wide = finishWindow(lastStep(), policy)!;
    expect(wide.from).toBeLessThan(narrow.from);
    expect(wide.density).toBeLessThan(narrow.density);
  });

  it('a larger earlyFinishRisk opens the last-step window later', () => {
    const risky = finishWindow(lastStep(), { ...policy, earlyFinishRisk: 0.2 })!;
    expect(risky.from).toBeGreaterThan(finishWindow(lastStep(), policy)!.from);
  });

  it('overdue past the window: the plan backs off with the time overdue', () => {
    const late = fold(lastStep(), [21_750, running(3)]);
    // 2 s past `until` (19 750, for this poll's changedBy 13 000): precisionMs + 2 000 × (backoffFactor − 1).
    expect(plannedDelay(late, policy)).toBe(1_700 + 2_000 * 0.5);
    expect(plannedDelay(fold(lastStep(), [19_750, running(3)]), policy)).toBe(1_700);
  });
});

describe('eta', () => {
  const twoDone = (): PollState => fold(fresh(), [3_000, running(0)], [9_000, running(2)]);

  it.each<[string, () => PollState, number, number | undefined]>([
    ['no status yet', fresh, 0, undefined],
    ['finished: 0', () => fold(fresh(), [3_000, { status: 'finished', current: 3, total: 3 }]), 3_000, 0],
    ['failed: 0', () => fold(fresh(), [3_000, { status: 'error', current: 1, total: 3 }]), 3_000, 0],
    ['initial without progress', () => fold(fresh(), [3_000, { status: 'initial' }]), 3_000, undefined],
    [
      'initial at step 0: no pace seen',
      () => fold(fresh(), [3_000, { status: 'initial', current: 0, total: 3 }]),
      3_000,
      undefined,
    ],
    ['running, no step seen', () => fold(fresh(), [3_000, running(0)]), 3_000, undefined],
    // Steps of 3 167 ms (2 seen), the step under way began at 7 000 (2/3 into the gap 3 000–9 000).
    ['early in the step (500 ms < shortest step): the whole mean step left', twoDone, 7_500, 5_833],
    ['2 s into the step: half of what is left of the longest step', twoDone, 9_000, 4_938],
    ['3 s into the step', twoDone, 10_000, 4_438],
    ['past the longest step: only the steps after it', twoDone, 14_000, 3_167],
    [
      // Back in `initial` with steps done (a requeued job): the next step has not begun, whatever the clock.
      'requeued: a whole step ahead, however long it waits',
      () => fold(fresh(), [3_000, running(0)], [7_000, { status: 'initial', current: 2, total: 4 }]),
      30_000,
      5_444,
    ],
  ])('%s', (_name, state, now, expected) => {
    expect(eta(state(), policy, now)).toBe(expected);
  });

  it('is the same at every moment while requeued', () => {
    const requeued = fold(fresh(), [3_000, running(0)], [7_000, { status: 'initial', current: 2, total: 4 }]);
    expect([7_000, 8_000, 12_000].map((t) => eta(requeued, policy, t))).toEqual([5_444, 5_444, 5_444]);
  });
});
