/**
 * Issue 10, item 3, over real loopback HTTP: one odd entry of a status answer affects only its own job.
 */
import * as E from 'fp-ts/lib/Either.js';
import { lastValueFrom, toArray } from 'rxjs';
import { createPlanviewer } from '../../src/client/createPlanviewer';
import type { PlanviewerError } from '../../src/errors';
import type { JobEvent } from '../../src/jobs';
import { API_PREFIX, fetchImplementations, KEY, SECRET } from '../helpers/fixtures';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const I = (n: number): string => `c1d2e3f4-0000-4a1b-8c2d-${String(n).padStart(12, '0')}`;
const J = (n: number): string => `7e6d5c4b-3a29-4f18-9e07-${String(n).padStart(12, '0')}`;
const fastPolling = {
  initialDelayMs: 20,
  minDelayMs: 10,
  precisionMs: 10,
  maxDelayMs: 50,
  jitterRatio: 0,
  expectedStepMs: 20,
};

describe.each(fetchImplementations)('status answers read entry by entry (%s)', (_, fetch) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
    server.route('POST', `${API_PREFIX}/jobs/order`, (r, res) =>
      sendJson(
        res,
        200,
        (JSON.parse(r.body) as { uuids: string[] }).uuids.map((uuid) => ({
          uuid,
          job: { uuid: J(Number(uuid.slice(-12))) },
        })),
      ),
    );
    server.route('GET', `${API_PREFIX}/jobs/retrieve/${J(1)}`, (_r, res) => sendJson(res, 200, 'pdf'));
    server.route('GET', `${API_PREFIX}/jobs/retrieve/${J(2)}`, (_r, res) => sendJson(res, 200, 'pdf'));
    server.route('GET', `${API_PREFIX}/jobs/retrieve/${J(3)}`, (_r, res) => sendJson(res, 200, 'pdf'));
  });
  afterEach(() => server.close());

  it('one malformed entry in a batch of three: the other two are unharmed, the odd one is retried', async () => {
    let calls = 0;
    server.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) => {
      calls++;
      sendJson(
        res,
        200,
        calls === 1
          ? [
              { uuid: J(1), status: 'finished', progress: { current: 1, total: 1 } },
              { uuid: J(2), status: 3 },
              { uuid: J(3), status: 'finished', progress: { current: 1, total: 1 } },
            ]
          : [{ uuid: J(2), status: 'finished', progress: { current: 1, total: 1 } }],
      );
    });
    const pv = createPlanviewer({
      credentials: { key: KEY, secret: SECRET },
      baseUrl: server.origin,
      fetch,
      polling: fastPolling,
      retry: { baseDelayMs: 20, maxDelayMs: 50 },
    });
    const events: E.Either<PlanviewerError, JobEvent>[] = await lastValueFrom(
      pv.order$([I(1), I(2), I(3)]).pipe(toArray()),
    );
    expect(events.filter(E.isLeft)).toEqual([]);
    const results = events.flatMap((e) => (E.isRight(e) && e.right._tag === 'Result' ? [e.right.job] : []));
    expect(results.sort()).toEqual([J(1), J(2), J(3)]);
    expect(calls).toBe(2);
  });
});
