/**
 * Issue 10, items 1–3: one caller's bad input, or one odd answer, never harms another caller's jobs.
 *
 * The port here answers status like the real one: `statusBatches` refuses a batch that holds a string
 * that is no uuid, or the same uuid twice in another case, and the server answers uuids in lower case.
 * This spec only uses what the jobs layer had before these items, so it runs (and fails) against it.
 */
import * as E from 'fp-ts/lib/Either.js';
import { defer, of, type Observable } from 'rxjs';
import { marbles } from 'rxjs-marbles/jest';
import { statusBatches } from '../../src/endpoints';
import { decodeError, type PlanviewerError } from '../../src/errors';
import { createJobs, type DownloadEvent, type JobEvent, type PlanviewerPort } from '../../src/jobs';
import { fastPolling } from './fastPolicy';

const fast = fastPolling;

const file = (job: string) => ({
  blob: new Blob([job]),
  filename: `${job}.pdf`,
  contentType: 'application/pdf',
  size: job.length,
});
const J = (n: number): string => `7e6d5c4b-3a29-4f18-9e07-${String(n).padStart(12, '0')}`;
const I = (n: number): string => `c1d2e3f4-0000-4a1b-8c2d-${String(n).padStart(12, '0')}`;
const statusGet = { method: 'GET', url: 'https://planviewer.test/product_api/v1/jobs/status' };

type Emission = E.Either<PlanviewerError, JobEvent>;
type Answer = E.Either<PlanviewerError, readonly unknown[]>;

interface Script {
  /** The order answer for the intentions sent (default: job J(n) for intention I(n)). */
  readonly order?: (intentions: readonly string[]) => readonly unknown[];
  /** The n-th status call's answer (0-based); undefined: every asked job `finished` at 1/1. */
  readonly status?: (call: number, asked: readonly string[]) => Answer | undefined;
}

/** A port that behaves like `portFromApi` at its edges; records every status batch. */
const realisticPort = (script: Script = {}) => {
  const batches: (readonly string[])[] = [];
  const finished = (asked: readonly string[]): Answer =>
    E.right(
      asked.map((uuid) => ({
        uuid: uuid.toLowerCase(),
        status: 'finished',
        progress: { current: 1, total: 1 },
      })),
    );
  const port = {
    order: (intentions: readonly string[]) =>
      of(
        E.right(
          script.order?.(intentions) ??
            intentions.map((uuid) => ({ uuid, job: { uuid: J(Number(uuid.slice(-12))) } })),
        ),
      ),
    status: (asked: readonly string[]): Observable<Answer> =>
      defer(() => {
        const call = batches.length;
        batches.push(asked);
        const valid = statusBatches('https://planviewer.test/product_api/v1', asked, 8000);
        if (E.isLeft(valid)) return of(E.left<PlanviewerError>(valid.left));
        return of(script.status?.(call, asked) ?? finished(asked));
      }),
    retrieve: (job: string) =>
      of(E.right<PlanviewerError, DownloadEvent>({ _tag: 'Downloaded', file: file(job) })),
    waiting: () => of(E.left<PlanviewerError>(decodeError(statusGet, ['unused'], ''))),
    select: () => of(E.right(undefined)),
  } as unknown as PlanviewerPort;
  return { port, batches };
};

const endOf = (events: readonly Emission[], job: string) =>
  events.find(
    (e) =>
      (E.isLeft(e) && e.left.job === job) ||
      (E.isRight(e) && e.right._tag === 'Result' && e.right.job === job),
  );

const resultJobs = (events: readonly Emission[]): string[] =>
  events.flatMap((e) => (E.isRight(e) && e.right._tag === 'Result' ? [e.right.job] : []));

const collect = (o: Observable<Emission>): Emission[] => {
  const seen: Emission[] = [];
  o.subscribe((e) => seen.push(e));
  return seen;
};

describe('one bad job uuid never harms other jobs (issue 10, item 1)', () => {
  it(
    "job$('not-a-uuid') is InvalidInput at once for that stream only; the poller never sees it",
    marbles((m) => {
      const { port, batches } = realisticPort();
      const jobs = createJobs(port, { scheduler: m.scheduler, polling: fast });
      m.expect(jobs.job$('not-a-uuid')).toBeObservable('(e|)', {
        e: E.left({
          _tag: 'InvalidInput',
          field: 'job',
          reason: 'expected a job uuid like 7e6d5c4b-3a29-4f18-9e07-222222222222, got "not-a-uuid"',
          job: 'not-a-uuid',
        }),
      });
      const order = collect(jobs.order$([I(1), I(2), I(3)]));
      m.flush();
      expect(resultJobs(order).sort()).toEqual([J(1), J(2), J(3)]);
      expect(batches.flat()).not.toContain('not-a-uuid');
    }),
  );

  it(
    'an order answer with a job uuid like ../x: that intention is OrderOutcomeUnknown, its siblings finish',
    marbles((m) => {
      const { port, batches } = realisticPort({
        order: (intentions) =>
          intentions.map((uuid, i) => ({
            uuid,
            job: { uuid: i === 1 ? '../x' : J(Number(uuid.slice(-12))) },
          })),
      });
      const jobs = createJobs(port, { scheduler: m.scheduler, polling: fast });
      const events = collect(jobs.order$([I(1), I(2), I(3)]));
      m.flush();
      expect(resultJobs(events).sort()).toEqual([J(1), J(3)]);
      expect(events.filter(E.isLeft).map((e) => e.left)).toEqual([
        expect.objectContaining({ _tag: 'OrderOutcomeUnknown', intentions: [I(2)] }),
      ]);
      expect(batches.flat()).not.toContain('../x');
    }),
  );
});

describe('a job uuid in another case is the same job (issue 10, item 2)', () => {
  it(
    'job$(UPPER CASE) follows the job the server reports in lower case, to its Result',
    marbles((m) => {
      const { port } = realisticPort();
      const jobs = createJobs(port, { scheduler: m.scheduler, polling: fast });
      const events = collect(jobs.job$(J(7).toUpperCase()));
      m.flush();
      expect(events.filter(E.isLeft)).toEqual([]);
      expect(resultJobs(events)).toEqual([J(7)]);
    }),
  );

  it(
    'an upper-case copy of a running job shares its polling and harms none of the order',
    marbles((m) => {
      const { port, batches } = realisticPort();
      const jobs = createJobs(port, { scheduler: m.scheduler, polling: fast });
      const order = collect(jobs.order$([I(1), I(2), I(3)]));
      const copy = collect(jobs.job$(J(2).toUpperCase()));
      m.flush();
      expect(order.filter(E.isLeft)).toEqual([]);
      expect(resultJobs(order).sort()).toEqual([J(1), J(2), J(3)]);
      expect(resultJobs(copy)).toEqual([J(2)]);
      // One request: the three first looks go together (early, at half initialDelayMs: requests are
      // shared) and find every job finished. The copy adds no poll of its own.
      expect(batches).toEqual([[J(1), J(2), J(3)]]);
    }),
  );
});

describe('an odd status answer ends no job but its own (issue 10, item 3)', () => {
  it(
    'an undecodable status response is retried within the budget: every job of the batch still finishes',
    marbles((m) => {
      const { port, batches } = realisticPort({
        status: (call) =>
          call === 0
            ? E.left(decodeError(statusGet, ['(root): not JSON (Unexpected end)'], '[{"uu'))
            : undefined,
      });
      const jobs = createJobs(port, {
        scheduler: m.scheduler,
        polling: fast,
        random: () => 0.5,
        retry: { baseDelayMs: 100, maxDelayMs: 1_000 },
      });
      const events = collect(jobs.order$([I(1), I(2), I(3)]));
      m.flush();
      expect(events.filter(E.isLeft)).toEqual([]);
      expect(resultJobs(events).sort()).toEqual([J(1), J(2), J(3)]);
      // The three first looks go together (early, at half initialDelayMs: requests are shared) and get
      // the undecodable answer; the retry, of the same batch, finishes them.
      expect(batches).toEqual([
        [J(1), J(2), J(3)],
        [J(1), J(2), J(3)],
      ]);
    }),
  );

  it(
    'an undecodable status response every time ends the jobs with DecodeError only after the retries',
    marbles((m) => {
      const bad = decodeError(statusGet, ['(root): not JSON (Unexpected end)'], '[{"uu');
      const { port, batches } = realisticPort({ status: () => E.left(bad) });
      const jobs = createJobs(port, {
        scheduler: m.scheduler,
        polling: fast,
        random: () => 0.5,
        retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 3 },
      });
      const events = collect(jobs.order$([I(1)]));
      m.flush();
      expect(batches).toHaveLength(3);
      expect(endOf(events, J(1))).toEqual(E.left({ ...bad, job: J(1) }));
    }),
  );
});

describe('every intention sent is accounted for (issue 10, item 5)', () => {
  it.each([
    ['an empty answer', () => [], [1, 2, 3]],
    [
      'an answer that leaves one out',
      (sent: readonly string[]) =>
        sent.slice(0, 2).map((uuid) => ({ uuid, job: { uuid: J(Number(uuid.slice(-12))) } })),
      [3],
    ],
  ])('%s: each missing intention gets its own OrderOutcomeUnknown, the others go on', (_, order, missing) => {
    const { port } = realisticPort({ order });
    let events: Emission[] = [];
    marbles((m) => {
      const jobs = createJobs(port, { scheduler: m.scheduler, polling: fast });
      events = collect(jobs.order$([I(1), I(2), I(3)]));
      m.flush();
    })();
    expect(events.filter(E.isLeft).map((e) => e.left)).toEqual(
      missing.map((n) => ({
        _tag: 'OrderOutcomeUnknown',
        intentions: [I(n)],
        reason: 'the order answer has no entry for this intention',
      })),
    );
    expect(resultJobs(events).sort()).toEqual([1, 2, 3].filter((n) => !missing.includes(n)).map(J));
  });
});
