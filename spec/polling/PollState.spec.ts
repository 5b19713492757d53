import {
  hasProgress,
  isChange,
  isTerminalStatus,
  observeMiss,
  observeRetryAfter,
  observeStatus,
  pollSoon,
  startPolling,
  type JobObservation,
  type PollState,
} from '../../src/polling';

const running = (current: number, total = 4): JobObservation => ({ status: 'in_progress', current, total });

/** Folds `[time, observation]` pairs into a state, as the poller does. */
const fold = (state: PollState, ...seen: readonly (readonly [number, JobObservation])[]): PollState =>
  seen.reduce((s, [at, o]) => observeStatus(s, o, at), state);

describe('PollState', () => {
  describe('observeStatus', () => {
    it('brackets each change between the poll before it and the poll that saw it', () => {
      const s = fold(
        startPolling(0, { fresh: true }),
        [3_000, running(0)],
        [6_000, running(0)],
        [9_000, running(2)],
      );
      expect(s).toMatchObject({ changedAfter: 6_000, changedBy: 9_000, changeSteps: 2, unchangedPolls: 0 });
    });

    it('counts polls without change', () => {
      const s = fold(
        startPolling(0, { fresh: true }),
        [3_000, running(1)],
        [5_000, running(1)],
        [7_000, running(1)],
      );
      expect(s).toMatchObject({ changedAfter: 0, changedBy: 3_000, unchangedPolls: 2, lastPollAt: 7_000 });
    });

    it('never mutates the state it is given', () => {
      const before = startPolling(0, { fresh: true });
      const copy = structuredClone(before);
      observeStatus(before, running(1), 3_000);
      expect(before).toEqual(copy);
    });

    it.each<[string, PollState, readonly (readonly [number, JobObservation])[], unknown]>([
      [
        'a fresh job measures its pace from the order',
        startPolling(0, { fresh: true }),
        [[3_000, running(1)]],
        { after: 0, by: 3_000, current: 0 },
      ],
      [
        'a fresh job seen queued measures from the last queued poll',
        startPolling(0, { fresh: true }),
        [
          [3_000, { status: 'initial', current: 0, total: 4 }],
          [5_000, running(0)],
        ],
        { after: 3_000, by: 5_000, current: 0 },
      ],
      [
        'a resumed job has no reference from its first status…',
        startPolling(0, { fresh: false }),
        [[3_000, running(2)]],
        undefined,
      ],
      [
        '…but from its first change',
        startPolling(0, { fresh: false }),
        [
          [3_000, running(2)],
          [6_000, running(3)],
        ],
        { after: 3_000, by: 6_000, current: 3 },
      ],
      [
        'time spent waiting for a user does not count',
        startPolling(0, { fresh: true }),
        [
          [3_000, running(1)],
          [6_000, { status: 'waiting for user', current: 1, total: 4 }],
          [60_000, running(1)],
        ],
        { after: 6_000, by: 60_000, current: 1 },
      ],
      [
        'a fresh job whose first status has no progress measures from the order, not from that poll',
        startPolling(0, { fresh: true }),
        [
          [3_000, { status: 'queued' }],
          [6_000, running(1)],
        ],
        { after: 0, by: 6_000, current: 0 },
      ],
      [
        'a resumed job seen unchanged still has no reference',
        startPolling(0, { fresh: false }),
        [
          [3_000, running(2)],
          [6_000, running(2)],
        ],
        undefined,
      ],
      [
        'a change while still waiting for a user keeps the reference',
        startPolling(0, { fresh: true }),
        [
          [3_000, running(1)],
          [6_000, { status: 'waiting for user', current: 1, total: 4 }],
          [9_000, { status: 'waiting for user', current: 2, total: 4 }],
        ],
        { after: 0, by: 3_000, current: 0 },
      ],
    ])('pace reference: %s', (_name, start, seen, mark) => {
      expect(fold(start, ...seen).paceMark).toEqual(mark);
    });
  });

  it('a resumed job seen once is exactly that status and nothing more', () => {
    expect(observeStatus(startPolling(1_000, { fresh: false }), running(2), 4_000)).toStrictEqual({
      since: 1_000,
      fresh: false,
      lastPollAt: 4_000,
      last: running(2),
      changedAfter: 1_000,
      changedBy: 4_000,
      changeSteps: 2,
      unchangedPolls: 0,
      misses: 0,
      notBefore: 1_000,
    });
  });

  it('observeMiss counts misses in a row; a status resets them', () => {
    const missed = observeMiss(observeMiss(startPolling(0, { fresh: true }), 3_000), 5_000);
    expect(missed.misses).toBe(2);
    expect(observeStatus(missed, running(0), 7_000).misses).toBe(0);
  });

  it('observeRetryAfter only ever pushes notBefore later', () => {
    const s = observeRetryAfter(observeRetryAfter(startPolling(0, { fresh: true }), 30_000), 10_000);
    expect(s.notBefore).toBe(30_000);
  });

  it('pollSoon keeps the earliest request until a poll serves it', () => {
    const asked = pollSoon(pollSoon(startPolling(0, { fresh: false }), 900), 1_200);
    expect(asked.soonAt).toBe(900);
    expect(observeStatus(asked, running(1), 900).soonAt).toBeUndefined();
  });

  it.each([
    ['finished', true],
    ['error', true],
    ['in_progress', false],
    ['waiting for user', false],
    ['initial', false],
    ['queued', false],
  ])('isTerminalStatus(%p) is %p', (status, terminal) => {
    expect(isTerminalStatus(status)).toBe(terminal);
  });

  it.each<[JobObservation, boolean]>([
    [{ status: 'in_progress', current: 1, total: 3 }, true],
    [{ status: 'in_progress' }, false],
    [{ status: 'in_progress', current: 4, total: 3 }, false],
    [{ status: 'in_progress', current: 0, total: 0 }, false],
    [{ status: 'in_progress', current: 3, total: 3 }, true],
    [{ status: 'in_progress', current: 0, total: 3 }, true],
    [{ status: 'in_progress', current: -1, total: 3 }, false],
    [{ status: 'in_progress', current: 1 }, false],
    [{ status: 'in_progress', total: 3 }, false],
    [{ status: 'in_progress', current: 1, total: Infinity }, false],
    [{ status: 'in_progress', current: Infinity, total: Infinity }, false],
    [{ status: 'in_progress', current: Number.NaN, total: 3 }, false],
    // JSON can carry a null count; it is no progress (null >= 0 and null <= 3 both hold in JavaScript).
    [{ status: 'in_progress', current: null as unknown as number, total: 3 }, false],
  ])('hasProgress(%p) is %p', (o, expected) => {
    expect(hasProgress(o)).toBe(expected);
  });

  it('isChange looks at status, current and total', () => {
    expect(isChange(undefined, running(0))).toBe(true);
    expect(isChange(running(1), running(1))).toBe(false);
    expect(isChange(running(1), { ...running(1), status: 'waiting for user' })).toBe(true);
    expect(isChange(running(1, 4), running(1, 5))).toBe(true);
  });
});
