/**
 * Property-based tests (issue 10): generated fault schedules on the simulator, over real loopback HTTP.
 * Whatever faults fire on order, status and retrieve: no RxJS error, the stream completes, every job that
 * was ordered ends exactly once, the server saw at most one POST for the order$, and no output shows the
 * secret or the token. A seed the simulator draws from is part of the generated case.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { lastValueFrom, retry, toArray } from 'rxjs';
import { createPlanviewer } from '../../src/client/createPlanviewer';
import { describeError, type PlanviewerError } from '../../src/errors';
import type { JobEvent } from '../../src/jobs';
import { locations, scaledClock, startSimulator, type Fault, type FaultRule } from '../../src/simulator';
import { scaledScheduler } from '../helpers/scaledScheduler';
import { seedFromEnv } from './seedFromEnv';

const KEY = 'bench';
const SECRET = 'bench-secret';
const TOKEN = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
const PRODUCTS = ['test-example-product', 'test-failing-product', 'bestemmingsplanrapport'];

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    kind: fc.constant('serverError' as const),
    status: fc.constantFrom(500, 502, 503),
    afterWork: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('delay' as const),
    ms: fc.integer({ min: 0, max: 60 }),
    afterWork: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('stalledBody' as const), ms: fc.constantFrom(30, 80) }),
  fc.constant({ kind: 'resetBeforeWork' as const }),
  fc.constant({ kind: 'resetAfterWork' as const }),
  fc.constant({ kind: 'malformedJson' as const }),
  fc.record({
    kind: fc.constant('wrongShape' as const),
    body: fc.constantFrom(
      { unexpected: true },
      [],
      [{ uuid: '../x' }],
      [{ uuid: 'X', job: { uuid: '../x' } }],
    ),
  }),
  fc.record({ kind: fc.constant('tooManyRequests' as const), retryAfter: fc.constantFrom(0, 1) }),
);

const rule: fc.Arbitrary<FaultRule> = fc.record({
  route: fc.constantFrom('jobs/order' as const, 'jobs/status' as const, 'jobs/retrieve' as const),
  fault,
  nth: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
});

describe('order$ against the simulator with generated fault schedules (property)', () => {
  it('keeps every invariant', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000 }),
          rules: fc.array(rule, { maxLength: 4 }),
          jobs: fc.integer({ min: 1, max: 3 }),
        }),
        async ({ seed, rules, jobs }) => {
          const clock = scaledClock(200);
          const sim = await startSimulator({ clock, seed, faults: rules });
          try {
            const address = locations.find((l) => l.kind === 'adres');
            const intentions = sim.catalogue
              .intentionsAt(address?.uuid ?? '', PRODUCTS)
              .map((i) => i.uuid)
              .slice(0, jobs);
            expect(intentions).toHaveLength(jobs);
            const pv = createPlanviewer({
              credentials: { key: KEY, secret: SECRET },
              baseUrl: sim.url,
              fetch: globalThis.fetch as never,
              scheduler: scaledScheduler(clock),
              requestTimeoutMs: 400,
              downloadIdleTimeoutMs: 400,
              retry: { baseDelayMs: 20, maxDelayMs: 200 },
            });
            const order$ = pv.order$(intentions, { deadlineMs: 120_000 });
            const runs: E.Either<PlanviewerError, JobEvent>[][] = await Promise.all([
              lastValueFrom(order$.pipe(retry(1), toArray())),
              lastValueFrom(order$.pipe(toArray())),
            ]);
            expect(sim.requests.count('jobs/order')).toBeLessThanOrEqual(1);
            for (const events of runs) {
              const ordered = new Set<string>();
              const ended = new Set<string>();
              for (const e of events) {
                const text = JSON.stringify(E.isLeft(e) ? e.left : { ...e.right, file: undefined });
                const said = E.isLeft(e) ? describeError(e.left) : '';
                for (const secret of [SECRET, TOKEN]) {
                  expect(text).not.toContain(secret);
                  expect(said).not.toContain(secret);
                }
                const job = E.isLeft(e) ? e.left.job : e.right.job;
                if (E.isRight(e) && e.right._tag === 'Ordered') ordered.add(e.right.job);
                else if (job !== undefined) {
                  expect(ended.has(job)).toBe(false);
                  if (E.isLeft(e) || e.right._tag === 'Result') ended.add(job);
                }
              }
              expect([...ordered].filter((j) => !ended.has(j))).toEqual([]);
            }
          } finally {
            await sim.close();
          }
        },
      ),
      { numRuns: Number(process.env['FC_RUNS'] ?? 12), ...seedFromEnv() },
    );
  }, 120_000);
});
