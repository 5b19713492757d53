import * as E from 'fp-ts/lib/Either.js';
import {
  concat,
  defer,
  finalize,
  from,
  merge,
  mergeMap,
  type Observable,
  of,
  Subject,
  take,
  timer,
  type SchedulerLike,
} from 'rxjs';
import {
  badRequest,
  forbidden,
  invalidInput,
  jobFailed,
  jobNotFound,
  orderCapReached,
  paymentRequired,
  resultNotAvailable,
  unauthorized,
  withJob,
  type PlanviewerError,
  type RequestSummary,
} from '../errors/PlanviewerError';
import { isUuid, validateUuid, validateUuidList } from '../endpoints/uuid';
import type { Jobs } from '../jobs/createJobs';
import type { JobEvent, WaitingForUser } from '../jobs/JobEvent';
import type { ChooseLocation, JobStreamOptions } from '../jobs/JobsOptions';
import type { RetrievedFile } from '../jobs/RetrievedFile';
import type { ScriptedFailure, ScriptedJob, SentRequest, UnexpectedRequest } from './ScriptedJob';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Options of {@link scriptedPlanviewer}.
 *
 * @example
 * import { TestScheduler } from 'rxjs/testing';
 * import type { ScriptedPlanviewerOptions } from 'planviewer-rx/testing';
 * const testScheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
 * const options: ScriptedPlanviewerOptions = {
 *   scheduler: testScheduler,
 *   jobs: [{ intention: '0fe30323-a86e-4048-a7e7-6d60c3365dcb', stepMs: [1_000, 1_000] }],
 * };
 *
 * @since 0.1.0
 * @category model
 */
export interface ScriptedPlanviewerOptions {
  /** The caller's virtual clock: a `TestScheduler` (inside or outside `run`) or any `VirtualTimeScheduler`. */
  readonly scheduler: SchedulerLike;
  /** The jobs the fake API knows, each ordered by its intention and followed by its job uuid. */
  readonly jobs?: readonly ScriptedJob[];
  /** Every order fails with this Left (a cap reached, no payment, bad credentials…). */
  readonly orderFails?: ScriptedFailure | PlanviewerError;
  /** How long the order POST takes, in virtual ms. @default 0 */
  readonly orderMs?: number;
  /** Default answer to `WaitingForUser` for every stream (a stream's own option wins). */
  readonly onWaitingForUser?: ChooseLocation;
}

/**
 * A scripted client and what the code under test asked of it.
 *
 * @example
 * import { TestScheduler } from 'rxjs/testing';
 * import { scriptedPlanviewer } from 'planviewer-rx/testing';
 * const testScheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
 * const report = '0fe30323-a86e-4048-a7e7-6d60c3365dcb'; // an intention uuid
 * const api = scriptedPlanviewer({ scheduler: testScheduler, jobs: [{ intention: report }] });
 * api.client.order$([report]).subscribe();
 * testScheduler.flush();
 * api.expectOneOrder([report]);
 * api.verify();
 *
 * @since 0.1.0
 * @category model
 */
export interface ScriptedPlanviewer {
  /**
   * Pass this where your code takes the client: it has `order$`, `job$`, `select` and `followedJobs`.
   * `resume$` is not scripted: it reads a ledger, so test it with `memoryLedger()` against the simulator.
   */
  readonly client: Pick<Jobs, 'order$' | 'job$' | 'select' | 'followedJobs'>;
  /** Every order, follow and selection, in the order they were made, with their virtual times. */
  readonly requests: readonly SentRequest[];
  /** The requests the script did not provide for (each also answered with a Left). */
  readonly unexpected: readonly UnexpectedRequest[];
  /** Throws unless exactly one order was placed, for exactly these intentions (in any order). */
  readonly expectOneOrder: (intentions: readonly string[]) => void;
  /** Throws if any order was placed. */
  readonly expectNoOrder: () => void;
  /** Throws if the code under test made a request the script did not provide for. */
  readonly verify: () => void;
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

type Emission = E.Either<PlanviewerError, JobEvent>;

// The requests the errors name: the real routes, so messages read as they would in production.
const API_ROOT = 'https://www.planviewer.nl/product_api/v1';
const route = (method: string, path: string): RequestSummary => ({ method, url: `${API_ROOT}${path}` });
const orderRoute = route('POST', '/jobs/order');

const failureOf = (
  failure: ScriptedFailure | PlanviewerError,
  request: RequestSummary,
  intentions: readonly string[],
): PlanviewerError => {
  if (typeof failure !== 'string') return failure;
  switch (failure) {
    case 'PaymentRequired':
      return paymentRequired(request, intentions, 'Payment required (scripted)');
    case 'OrderCapReached':
      return orderCapReached(request, intentions, 'Daily order cap reached (scripted)');
    case 'Unauthorized':
      return unauthorized(request, 'Unauthorized (scripted)');
    case 'Forbidden':
      return forbidden(request, 'Forbidden (scripted)');
    case 'ResultNotAvailable':
      return resultNotAvailable(request, 'Result not available (scripted)');
  }
};

const scriptedUuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const fileOf = (job: string, script: ScriptedJob): RetrievedFile => {
  const content = script.result?.content ?? `%PDF-1.7\n% scripted result of job ${job}\n`;
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const contentType = script.result?.contentType ?? 'application/pdf';
  return {
    blob: new Blob([new Uint8Array(bytes)], { type: contentType }),
    filename: script.result?.filename === undefined ? `${job}.pdf` : script.result.filename,
    contentType,
    size: bytes.byteLength,
  };
};

/**
 * A client for unit tests of code that uses `order$`, `job$` and `select`: no HTTP, no polling, every
 * event at the virtual time the script says, on the caller's scheduler. A job scripted with
 * `stepMs: [1000, 2000]` and ordered at 0 emits `Ordered` and `Progress 0/2` at 0, `Progress 1/2` at
 * 1000, `Progress finished 2/2`, `Downloading` and `Result` at 3000.
 *
 * Requests the script does not provide for (an intention or job uuid it does not know, a selection for a
 * job that is not waiting) are answered with a Left and recorded; `verify()` then fails the test, as
 * Angular's `HttpTestingController.verify()` does.
 *
 * @example
 * import { map } from 'rxjs';
 * import { TestScheduler } from 'rxjs/testing';
 * import { results } from 'planviewer-rx';
 * import { scriptedPlanviewer } from 'planviewer-rx/testing';
 *
 * const report = '0fe30323-a86e-4048-a7e7-6d60c3365dcb'; // an intention uuid
 * const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
 * testScheduler.run(({ expectObservable }) => {
 *   const api = scriptedPlanviewer({
 *     scheduler: testScheduler,
 *     jobs: [{ intention: report, stepMs: [1_000, 2_000], result: { filename: 'a.pdf' } }],
 *   });
 *   const names = api.client.order$([report]).pipe(results(), map((f) => f.filename));
 *   expectObservable(names).toBe('3000ms (a|)', { a: 'a.pdf' });
 * });
 *
 * @since 0.1.0
 * @category constructors
 */
export const scriptedPlanviewer = (options: ScriptedPlanviewerOptions): ScriptedPlanviewer => {
  const { scheduler } = options;
  // Uuids as the real client takes them: in any case, matched in lower case. A script that names no
  // uuid is a bug in the test, so it throws right away rather than fail some later expectation.
  const scripts = (options.jobs ?? []).map((s, i) => {
    const job = s.job ?? scriptedUuid(i + 1);
    for (const [field, value] of [
      ['intention', s.intention],
      ['job', job],
    ] as const)
      if (!isUuid(value))
        throw new RangeError(
          `scriptedPlanviewer: jobs[${i}].${field} is not a uuid: ${JSON.stringify(value)}`,
        );
    return { ...s, intention: s.intention.toLowerCase(), job: job.toLowerCase() };
  });
  const byIntention = new Map(scripts.map((s) => [s.intention, s] as const));
  const byJob = new Map(scripts.map((s) => [s.job, s] as const));
  const requests: SentRequest[] = [];
  const unexpected: UnexpectedRequest[] = [];
  /** The jobs waiting for a user right now, with the way to answer them. */
  const waiting = new Map<string, { readonly choices: number; readonly answer: Subject<number> }>();
  let followed = 0;

  const timeline = (
    script: ScriptedJob & { readonly job: string },
    intention: string | undefined,
    streamOptions: JobStreamOptions | undefined,
  ): Observable<Emission> =>
    defer(() => {
      const { job } = script;
      const stepMs = script.stepMs ?? [1_000];
      const total = stepMs.length;
      const waits = script.waitsForUser;
      const choose = streamOptions?.onWaitingForUser ?? options.onWaitingForUser;
      const named: { readonly intention?: string } = intention === undefined ? {} : { intention };
      const event = (e: JobEvent): Emission => E.right(e);
      let answered = false;
      const progress = (status: string, current: number): Emission =>
        E.right({ _tag: 'Progress', job, status, current, total });

      const end = (): Observable<Emission> => {
        const ends = script.ends ?? 'finished';
        if (ends === 'error') return of(E.left(jobFailed(job, { current: total, total }, intention)));
        if (ends !== 'finished') {
          const request =
            ends === 'ResultNotAvailable'
              ? route('GET', `/jobs/retrieve/${job}`)
              : route('GET', `/jobs/status?uuids[]=${job}`);
          return of(
            E.left(withJob(failureOf(ends, request, intention === undefined ? [] : [intention]), job)),
          );
        }
        if (streamOptions?.download === false)
          return of(progress('finished', total), event({ _tag: 'Finished', job, ...named }));
        const file = fileOf(job, script);
        return of(
          progress('finished', total),
          event({ _tag: 'Downloading', job, loaded: file.size, total: file.size }),
          event({ _tag: 'Result', job, ...named, file }),
        );
      };

      const askUser = (
        done: number,
        question: NonNullable<ScriptedJob['waitsForUser']>,
      ): Observable<Emission> => {
        const asked: WaitingForUser = {
          _tag: 'WaitingForUser',
          job,
          message: question.message ?? 'Which of the found locations do you mean?',
          choices: question.choices.map((label, i) => ({ index: i + 1, label })),
        };
        const answer = new Subject<number>();
        return concat(
          of(progress('waiting for user', done), event(asked)),
          defer(() => {
            waiting.set(job, { choices: question.choices.length, answer });
            return merge(answer, choose === undefined ? [] : defer(() => from(choose(asked)))).pipe(
              take(1),
              finalize(() => waiting.delete(job)),
              mergeMap((index) => {
                if (!asked.choices.some((c) => c.index === index))
                  return of(
                    E.left(
                      withJob(
                        invalidInput(
                          'index',
                          `expected one of ${asked.choices.map((c) => c.index).join(', ')}, got ${index}`,
                        ),
                        job,
                      ),
                    ),
                  );
                answered = true;
                return stepsFrom(done);
              }),
            );
          }),
        );
      };

      const stepsFrom = (done: number): Observable<Emission> => {
        if (waits !== undefined && waits.afterStep === done && !answered) return askUser(done, waits);
        if (done >= total) return end();
        return concat(
          of(progress('in_progress', done)),
          timer(stepMs[done] ?? 0, scheduler).pipe(mergeMap(() => stepsFrom(done + 1))),
        );
      };

      const queueMs = script.queueMs ?? 0;
      followed++;
      return (
        queueMs > 0
          ? concat(of(progress('initial', 0)), timer(queueMs, scheduler).pipe(mergeMap(() => stepsFrom(0))))
          : stepsFrom(0)
      ).pipe(finalize(() => followed--));
    });

  const order$: Jobs['order$'] = (intentions, streamOptions) =>
    defer(() => {
      const request: SentRequest = {
        _tag: 'Order',
        at: scheduler.now(),
        intentions: Array.isArray(intentions) ? [...intentions] : [],
      };
      requests.push(request);
      // The real client refuses these before anything is sent; the test should hear of it too.
      const valid = validateUuidList('intentions', intentions);
      if (E.isLeft(valid)) {
        unexpected.push({ request, reason: `${valid.left.field}: ${valid.left.reason}` });
        return of(E.left(valid.left));
      }
      const wanted = valid.right.map((i) => i.toLowerCase());
      const answer = (): Observable<Emission> => {
        const unknown = wanted.filter((i) => !byIntention.has(i));
        if (unknown.length > 0) {
          unexpected.push({
            request,
            reason: `no scripted job for intention ${unknown.join(', ')}`,
          });
          return of(
            E.left(badRequest(orderRoute, `unknown intention ${unknown.join(', ')} (not in the script)`)),
          );
        }
        if (options.orderFails !== undefined)
          return of(E.left(failureOf(options.orderFails, orderRoute, intentions)));
        const ordered = wanted.map((i) => byIntention.get(i)!);
        return concat(
          from(
            ordered.map((s): Emission => E.right({ _tag: 'Ordered', intention: s.intention, job: s.job })),
          ),
          merge(...ordered.map((s) => timeline(s, s.intention, streamOptions))),
        );
      };
      const orderMs = options.orderMs ?? 0;
      return orderMs > 0 ? timer(orderMs, scheduler).pipe(mergeMap(answer)) : answer();
    });

  const job$: Jobs['job$'] = (job, streamOptions) =>
    defer(() => {
      const request: SentRequest = { _tag: 'Follow', at: scheduler.now(), job };
      requests.push(request);
      const valid = validateUuid('job', job);
      if (E.isLeft(valid)) {
        unexpected.push({ request, reason: `job: ${valid.left.reason}` });
        return of(E.left(withJob(valid.left, String(job))));
      }
      const script = byJob.get(job.toLowerCase());
      if (script === undefined) {
        unexpected.push({ request, reason: 'no scripted job has this uuid' });
        return of(E.left(jobNotFound(job, 3)));
      }
      return timeline(script, streamOptions?.intention, streamOptions);
    });

  const select: Jobs['select'] = (job, index) =>
    defer(() => {
      const request: SentRequest = { _tag: 'Select', at: scheduler.now(), job, index };
      requests.push(request);
      const valid = validateUuid('job', job);
      if (E.isLeft(valid)) {
        unexpected.push({ request, reason: `job: ${valid.left.reason}` });
        return of(E.left(withJob(valid.left, String(job))));
      }
      const selectRoute = route('POST', `/kik/select/${job}`);
      const target = waiting.get(job.toLowerCase());
      if (target === undefined) {
        unexpected.push({ request, reason: 'the job is not waiting for a user' });
        return of(E.left(withJob(badRequest(selectRoute, 'job is not waiting for a user (scripted)'), job)));
      }
      if (!Number.isInteger(index) || index < 1 || index > target.choices) {
        unexpected.push({ request, reason: `index ${index} is not one of the ${target.choices} choices` });
        return of(E.left(withJob(badRequest(selectRoute, 'invalid selection (scripted)'), job)));
      }
      target.answer.next(index);
      return of(E.right(undefined));
    });

  const show = (r: SentRequest): string =>
    r._tag === 'Order'
      ? `order of [${r.intentions.join(', ')}] at ${r.at} ms`
      : r._tag === 'Follow'
        ? `follow of job ${r.job} at ${r.at} ms`
        : `select ${r.index} for job ${r.job} at ${r.at} ms`;
  const orders = () =>
    requests.filter((r): r is Extract<SentRequest, { _tag: 'Order' }> => r._tag === 'Order');

  return {
    client: { order$, job$, select, followedJobs: () => followed },
    requests,
    unexpected,
    expectOneOrder: (intentions) => {
      const want = [...intentions].sort();
      const seen = orders();
      const got = seen.length === 1 ? [...seen[0]!.intentions].sort() : undefined;
      if (got === undefined || got.length !== want.length || got.some((g, i) => g !== want[i]))
        throw new Error(
          `Expected exactly one order of [${want.join(', ')}], saw ${seen.length === 0 ? 'none' : seen.map(show).join('; ')}.`,
        );
    },
    expectNoOrder: () => {
      const seen = orders();
      if (seen.length > 0) throw new Error(`Expected no order, saw ${seen.map(show).join('; ')}.`);
    },
    verify: () => {
      if (unexpected.length > 0)
        throw new Error(
          `${unexpected.length} unexpected request${unexpected.length === 1 ? '' : 's'}:\n` +
            unexpected.map((u) => `  - ${show(u.request)}: ${u.reason}`).join('\n'),
        );
    },
  };
};
