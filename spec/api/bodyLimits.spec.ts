/**
 * Issue 10, item 8: no JSON answer is read past `maxJsonBodyBytes`, and progress always reads 0 ≤ current ≤ total.
 */
import * as E from 'fp-ts/lib/Either.js';
import { ProgressCodec } from '../../src/codecs';
import {
  API_PREFIX,
  apiFor,
  fetchImplementations,
  INTENTION,
  JOB,
  leftOf,
  rightOf,
} from '../helpers/fixtures';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const STATUS = `${API_PREFIX}/jobs/status`;
const MB = 1_000_000;

describe.each(fetchImplementations)('JSON body limit with %s', (_, fetch) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  /** Streams a 60 MB JSON array in 64 KB chunks, as long as the client keeps reading; counts what went out. */
  const hugeStatus = (withLength: boolean) => {
    const sent = { bytes: 0, finished: false };
    const entry = `{"uuid":"${JOB}","status":"in_progress"},`;
    const chunk = Buffer.from(entry.repeat(Math.floor(65_536 / entry.length)));
    const total = 60 * MB;
    server.route('GET', STATUS, (_r, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(withLength ? { 'content-length': String(total) } : {}),
      });
      const pump = (): void => {
        while (sent.bytes < total) {
          const part = chunk.subarray(0, Math.min(chunk.length, total - sent.bytes));
          sent.bytes += part.length;
          if (!res.write(part)) return void res.once('drain', pump);
        }
        sent.finished = true;
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    return sent;
  };

  it('refuses a 60 MB status answer without Content-Length as BodyTooLarge, and stops reading it', async () => {
    const sent = hugeStatus(false);
    const e = leftOf(await apiFor(server, fetch).status([JOB])());
    expect(e).toEqual({
      _tag: 'BodyTooLarge',
      request: { method: 'GET', url: expect.stringContaining(`${STATUS}?`) },
      limitBytes: 10 * MB,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.finished).toBe(false);
    expect(sent.bytes).toBeLessThan(30 * MB);
  });

  it('refuses an announced 60 MB answer before reading it', async () => {
    const sent = hugeStatus(true);
    const e = leftOf(await apiFor(server, fetch).status([JOB])());
    expect(e).toMatchObject({ _tag: 'BodyTooLarge', limitBytes: 10 * MB, contentLength: 60 * MB });
    expect(sent.finished).toBe(false);
  });

  it('takes the limit from maxJsonBodyBytes, and an answer within it as usual', async () => {
    const statuses = Array.from({ length: 40 }, () => ({ uuid: JOB, status: 'in_progress' }));
    server.route('GET', STATUS, (_r, res) => sendJson(res, 200, statuses));
    expect(leftOf(await apiFor(server, fetch, { maxJsonBodyBytes: 1024 }).status([JOB])())).toMatchObject({
      _tag: 'BodyTooLarge',
      limitBytes: 1024,
    });
    expect(rightOf(await apiFor(server, fetch, { maxJsonBodyBytes: 4096 }).status([JOB])())).toHaveLength(1);
  });

  it('an order answer over the limit is OrderOutcomeUnknown (the order was taken), never re-sent', async () => {
    server.route('POST', `${API_PREFIX}/jobs/order`, (_r, res) =>
      sendJson(
        res,
        200,
        Array.from({ length: 100 }, () => ({ uuid: INTENTION, job: { uuid: JOB } })),
      ),
    );
    const e = leftOf(await apiFor(server, fetch, { maxJsonBodyBytes: 1024 }).order([INTENTION])());
    expect(e).toMatchObject({ _tag: 'OrderOutcomeUnknown', intentions: [INTENTION] });
    expect(server.requests).toHaveLength(1);
  });
});

describe('progress range', () => {
  it.each([
    [
      { current: -47, total: -1 },
      { current: 0, total: 0 },
    ],
    [
      { current: -3, total: 6 },
      { current: 0, total: 6 },
    ],
    [
      { current: 9, total: 6 },
      { current: 6, total: 6 },
    ],
    [
      { current: 3, total: 6 },
      { current: 3, total: 6 },
    ],
    [
      { current: 1e308, total: 1e308 },
      { current: 1e308, total: 1e308 },
    ],
  ])('clamps %j to %j', (given, expected) => {
    expect(ProgressCodec.decode(given)).toEqual(E.right(expected));
    expect(ProgressCodec.is(expected)).toBe(true);
  });

  it('is() holds only for a progress within range', () => {
    expect(ProgressCodec.is({ current: -1, total: 6 })).toBe(false);
    expect(ProgressCodec.is({ current: 7, total: 6 })).toBe(false);
  });
});
