/**
 * Property-based tests (issue 10): generated caller input to `job$` and `order$`, in virtual time.
 * Whatever a caller passes: no RxJS error, one typed Left or a followed job, and nothing that is not a
 * canonical uuid ever reaches a status request shared with other callers' jobs.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { toJobUuid } from '../../src/codecs';
import type { PlanviewerError } from '../../src/errors';
import { createJobs, type DownloadEvent, type JobEvent, type PlanviewerPort } from '../../src/jobs';
import { seedFromEnv } from './seedFromEnv';

type Emission = E.Either<PlanviewerError, JobEvent>;
const HEX = '0123456789abcdefABCDEF';

/** Strings near a uuid (right length, wrong characters, cases, padding) and far from one. */
const callerUuid = fc.oneof(
  fc.uuid().map((u) => u),
  fc.uuid().map((u) => u.toUpperCase()),
  fc
    .uuid()
    .chain((u) =>
      fc
        .array(fc.boolean(), { minLength: 36, maxLength: 36 })
        .map((up) => [...u].map((c, i) => (up[i] ? c.toUpperCase() : c)).join('')),
    ),
  fc.uuid().map((u) => ` ${u}`),
  fc.uuid().map((u) => `${u}/../x`),
  fc.stringMatching(/^[0-9a-zA-Z-]{36}$/),
  fc.string({ unit: fc.constantFrom(...HEX, '-', '/', '.', '%', '?', '&', '[', ']'), maxLength: 40 }),
  fc.constantFrom('', 'not-a-uuid', '../x', 'uuids[]=x', '\u0000'),
  fc.anything().filter((v) => typeof v !== 'string'),
);

const finishedPort = (statusCalls: string[][]): PlanviewerPort => ({
  order: (intentions) =>
    of(
      E.right(
        intentions.map((uuid, i) => ({
          uuid,
          job: { uuid: toJobUuid(`7e6d5c4b-3a29-4f18-9e07-${String(i).padStart(12, '0')}`)! },
        })),
      ),
    ),
  status: (jobs) => {
    statusCalls.push([...jobs]);
    return of(
      E.right(jobs.map((uuid) => ({ uuid, status: 'finished', progress: { current: 1, total: 1 } }))),
    );
  },
  retrieve: (job) =>
    of(
      E.right<PlanviewerError, DownloadEvent>({
        _tag: 'Downloaded',
        file: { blob: new Blob([job]), filename: 'r.pdf', contentType: null, size: job.length },
      }),
    ),
  waiting: () => of(E.right({ locaties: {}, message: '' })),
  select: () => of(E.right(undefined)),
});

describe('job$ with generated caller input (property)', () => {
  it('a bad uuid is one InvalidInput for that stream; a good one in any case is followed, canonical, and harms nobody', () => {
    fc.assert(
      fc.property(fc.array(callerUuid, { minLength: 1, maxLength: 6 }), (given) => {
        const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
        scheduler.run(({ flush }) => {
          const statusCalls: string[][] = [];
          const jobs = createJobs(finishedPort(statusCalls), {
            scheduler,
            polling: { initialDelayMs: 10, minDelayMs: 10, jitterRatio: 0 },
          });
          const order: Emission[] = [];
          let orderDone = false;
          jobs.order$(['c1d2e3f4-0000-4a1b-8c2d-000000000001']).subscribe({
            next: (e) => order.push(e),
            error: (e: unknown) => {
              throw new Error(`order$ errored: ${String(e)}`);
            },
            complete: () => (orderDone = true),
          });
          const seen = given.map((value) => {
            const events: Emission[] = [];
            let done = false;
            jobs.job$(value as string).subscribe({
              next: (e) => events.push(e),
              error: (e: unknown) => {
                throw new Error(`job$ errored: ${String(e)}`);
              },
              complete: () => (done = true),
            });
            return { value, events, done: () => done };
          });
          flush();
          // Everything that reached a status request is a canonical uuid.
          for (const uuid of statusCalls.flat()) expect(toJobUuid(uuid)).toBe(uuid);
          // The unrelated order finished untouched.
          expect(orderDone).toBe(true);
          expect(order.filter(E.isLeft)).toEqual([]);
          for (const { value, events, done } of seen) {
            expect(done()).toBe(true);
            const canonical = toJobUuid(value);
            if (canonical === undefined) {
              expect(events).toEqual([
                E.left(expect.objectContaining({ _tag: 'InvalidInput', field: 'job' })),
              ]);
            } else {
              expect(events.filter(E.isLeft)).toEqual([]);
              expect(events.at(-1)).toEqual(
                E.right(expect.objectContaining({ _tag: 'Result', job: canonical })),
              );
            }
          }
        });
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 200), ...seedFromEnv() },
    );
  });

  it('order$ with generated intentions never throws and never orders for an empty list', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(callerUuid, { maxLength: 4 }), fc.anything()), (intentions) => {
        const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
        scheduler.run(({ flush }) => {
          const statusCalls: string[][] = [];
          const port = finishedPort(statusCalls);
          let posts = 0;
          const counting: PlanviewerPort = { ...port, order: (i) => (posts++, port.order(i)) };
          const jobs = createJobs(counting, {
            scheduler,
            polling: { initialDelayMs: 10, minDelayMs: 10, jitterRatio: 0 },
          });
          let done = false;
          jobs.order$(intentions as string[]).subscribe({
            error: (e: unknown) => {
              throw new Error(`order$ errored: ${String(e)}`);
            },
            complete: () => (done = true),
          });
          flush();
          expect(done).toBe(true);
          expect(posts).toBeLessThanOrEqual(1);
          if (!Array.isArray(intentions) || intentions.length === 0) expect(posts).toBe(0);
        });
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 100), ...seedFromEnv() },
    );
  });
});
