/**
 * Issue 10, item 10: a client never has more than `maxConcurrentRequests` requests in flight; the others
 * wait before they are sent, so their timeout does not run while they wait.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createPlanviewer } from '../../src/client/createPlanviewer';
import type { PlanviewerError } from '../../src/errors';
import { API_PREFIX, fetchImplementations, JOB, KEY, SECRET } from '../helpers/fixtures';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const I = (n: number): string => `c1d2e3f4-0000-4a1b-8c2d-${String(n).padStart(12, '0')}`;
const ORDER = `${API_PREFIX}/jobs/order`;

describe.each(fetchImplementations)('client-wide concurrency limit with %s', (_, fetch) => {
  let server: LoopbackServer;
  let inFlight = 0;
  let mostInFlight = 0;
  beforeEach(async () => {
    server = await startLoopbackServer();
    inFlight = 0;
    mostInFlight = 0;
    // A server that works on one order at a time, 10 ms each (like a backend with one worker).
    let busyUntil = 0;
    server.route('POST', ORDER, (r, res) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const now = Date.now();
      busyUntil = Math.max(busyUntil, now) + 10;
      const [intention] = (JSON.parse(r.body) as { uuids: string[] }).uuids;
      setTimeout(() => {
        inFlight--;
        sendJson(res, 200, [{ uuid: intention, job: { uuid: JOB } }]);
      }, busyUntil - now).unref();
    });
  });
  afterEach(() => server.close());

  it('100 orders at once with a 400 ms timeout: at most 8 in flight, none OrderOutcomeUnknown', async () => {
    const pv = createPlanviewer({
      credentials: { key: KEY, secret: SECRET },
      baseUrl: server.origin,
      fetch,
      requestTimeoutMs: 400,
    });
    const answers = await Promise.all(Array.from({ length: 100 }, (_x, i) => pv.order([I(i)])()));
    const lefts = answers.filter(E.isLeft).map((a) => (a.left as PlanviewerError)._tag);
    expect(lefts).toEqual([]);
    expect(mostInFlight).toBeLessThanOrEqual(8);
    expect(server.requests).toHaveLength(100);
  });

  it('takes the limit from maxConcurrentRequests', async () => {
    const pv = createPlanviewer({
      credentials: { key: KEY, secret: SECRET },
      baseUrl: server.origin,
      fetch,
      maxConcurrentRequests: 2,
    });
    await Promise.all(Array.from({ length: 10 }, (_x, i) => pv.order([I(i)])()));
    expect(mostInFlight).toBe(2);
  });

  it('an order aborted while it waits for a slot is Aborted and never sent', async () => {
    const pv = createPlanviewer({
      credentials: { key: KEY, secret: SECRET },
      baseUrl: server.origin,
      fetch,
      maxConcurrentRequests: 1,
    });
    const controller = new AbortController();
    const first = pv.order([I(1)])();
    const queued = pv.order([I(2)], { signal: controller.signal })();
    controller.abort();
    expect(await queued).toEqual(
      E.left({ _tag: 'Aborted', request: { method: 'POST', url: `${server.origin}${ORDER}` } }),
    );
    expect(E.isRight(await first)).toBe(true);
    expect(server.requests.map((r) => r.body)).toEqual([JSON.stringify({ uuids: [I(1)] })]);
  });
});
