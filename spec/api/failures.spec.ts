import { API_PREFIX, apiFor, fetchImplementations, INTENTION, JOB, leftOf } from '../helpers/fixtures';
import { closedPort, sendText, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const PRODUCTS = `${API_PREFIX}/products/list`;
const ORDER = `${API_PREFIX}/jobs/order`;
const I2 = 'c1d2e3f4-0000-4a1b-8c2d-333333333333';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

describe.each(fetchImplementations)('network failures with %s', (_, fetch) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  describe('request timeout', () => {
    it('ends a GET the server never answers with Timeout', async () => {
      server.route('GET', PRODUCTS, () => undefined);
      const started = Date.now();
      const e = leftOf(await apiFor(server, fetch, { requestTimeoutMs: 200 }).products()());
      expect(e).toEqual({
        _tag: 'Timeout',
        afterMs: 200,
        request: { method: 'GET', url: `${server.origin}${PRODUCTS}` },
      });
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('ends a GET whose body stalls with Timeout', async () => {
      server.route('GET', PRODUCTS, (_r, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        res.write('[{"slug":');
      });
      const e = leftOf(await apiFor(server, fetch, { requestTimeoutMs: 200 }).products()());
      expect(e).toMatchObject({ _tag: 'Timeout', afterMs: 200 });
    });

    it('ends an order the server never answers with OrderOutcomeUnknown, sent once', async () => {
      server.route('POST', ORDER, () => undefined);
      const e = leftOf(await apiFor(server, fetch, { requestTimeoutMs: 200 }).order([INTENTION, I2])());
      expect(e).toEqual({
        _tag: 'OrderOutcomeUnknown',
        request: { method: 'POST', url: `${server.origin}${ORDER}` },
        intentions: [INTENTION, I2],
        reason: 'no complete answer within 200 ms',
      });
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('connection reset', () => {
    it('ends an order whose connection broke after the server read it with OrderOutcomeUnknown', async () => {
      server.route('POST', ORDER, (_r, _res, req) => {
        req.socket.destroy();
      });
      const e = leftOf(await apiFor(server, fetch).order([INTENTION, I2])());
      expect(e).toMatchObject({
        _tag: 'OrderOutcomeUnknown',
        intentions: [INTENTION, I2],
        request: { method: 'POST', url: `${server.origin}${ORDER}` },
      });
      expect(server.requests).toHaveLength(1);
      expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ uuids: [INTENTION, I2] });
    });

    it('ends a GET whose connection broke with a NetworkError that may have reached the server', async () => {
      server.route('GET', PRODUCTS, (_r, _res, req) => {
        req.socket.destroy();
      });
      const e = leftOf(await apiFor(server, fetch).products()());
      expect(e).toMatchObject({ _tag: 'NetworkError', reachedServer: true });
    });

    it('ends an order whose answer broke off mid-body with OrderOutcomeUnknown', async () => {
      server.route('POST', ORDER, async (_r, res, req) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 500 });
        res.write('[{"uuid":');
        await wait(30);
        req.socket.destroy();
      });
      const e = leftOf(await apiFor(server, fetch, { requestTimeoutMs: 300 }).order([INTENTION])());
      expect(e).toMatchObject({ _tag: 'OrderOutcomeUnknown', intentions: [INTENTION] });
    });
  });

  describe('connection refused', () => {
    it('ends a GET with a NetworkError that did not reach the server', async () => {
      const port = await closedPort();
      const e = leftOf(await apiFor({ origin: `http://127.0.0.1:${port}` }, fetch).products()());
      expect(e).toMatchObject({
        _tag: 'NetworkError',
        reachedServer: false,
        code: 'ECONNREFUSED',
        request: { method: 'GET', url: `http://127.0.0.1:${port}${PRODUCTS}` },
      });
    });

    it('ends an order with a plain NetworkError: it was certainly not placed', async () => {
      const port = await closedPort();
      const e = leftOf(await apiFor({ origin: `http://127.0.0.1:${port}` }, fetch).order([INTENTION])());
      expect(e).toMatchObject({
        _tag: 'NetworkError',
        reachedServer: false,
        code: 'ECONNREFUSED',
        request: { method: 'POST', url: `http://127.0.0.1:${port}${ORDER}` },
      });
    });
  });

  describe('AbortSignal', () => {
    it('ends a GET aborted mid-request with Aborted', async () => {
      server.route('GET', PRODUCTS, () => undefined);
      const controller = new AbortController();
      const task = apiFor(server, fetch).products({ signal: controller.signal })();
      while (server.requests.length === 0) await wait(5);
      controller.abort();
      expect(leftOf(await task)).toEqual({
        _tag: 'Aborted',
        request: { method: 'GET', url: `${server.origin}${PRODUCTS}` },
      });
    });

    it('sends nothing when the signal is already aborted, even for an order', async () => {
      const controller = new AbortController();
      controller.abort();
      const e = leftOf(await apiFor(server, fetch).order([INTENTION], { signal: controller.signal })());
      expect(e).toMatchObject({ _tag: 'Aborted' });
      expect(server.requests).toHaveLength(0);
    });

    it('reports an order aborted after it was sent as OrderOutcomeUnknown', async () => {
      server.route('POST', ORDER, () => undefined);
      const controller = new AbortController();
      const task = apiFor(server, fetch).order([INTENTION], { signal: controller.signal })();
      while (server.requests.length === 0) await wait(5);
      controller.abort();
      expect(leftOf(await task)).toMatchObject({
        _tag: 'OrderOutcomeUnknown',
        intentions: [INTENTION],
        reason: 'aborted by the caller after sending',
      });
    });
  });

  describe('an order accepted with an unreadable answer', () => {
    it.each([
      ['not JSON', 'OK, ordered', /could not be read/],
      ['a wrong shape', '[{"uuid":"x","job":{}}]', /\[0\]\.job\.uuid: expected JobUuid, got undefined/],
      ['an empty body', '', /not JSON/],
    ])('reports %s as OrderOutcomeUnknown, keeping what the server said', async (_n, body, reason) => {
      server.route('POST', ORDER, (_r, res) => sendText(res, 200, body));
      const e = leftOf(await apiFor(server, fetch).order([INTENTION])());
      expect(e).toMatchObject({ _tag: 'OrderOutcomeUnknown', intentions: [INTENTION] });
      expect((e as { reason: string }).reason).toMatch(reason);
      expect((e as { reason: string }).reason).toContain(`body: ${body}`);
      expect(server.requests).toHaveLength(1);
    });

    it('reports a documents order the same way', async () => {
      server.route('POST', `${API_PREFIX}/documents/order`, (_r, res) => sendText(res, 200, '<html/>'));
      const e = leftOf(await apiFor(server, fetch).orderDocuments(['NL.IMKAD.TIAStuk.1'])());
      expect(e).toMatchObject({ _tag: 'OrderOutcomeUnknown', intentions: ['NL.IMKAD.TIAStuk.1'] });
    });

    it('does not mistake a GET decode failure for an order', async () => {
      server.route('GET', `${API_PREFIX}/kik/waiting/${JOB}`, (_r, res) => sendText(res, 200, '[]'));
      expect(leftOf(await apiFor(server, fetch).waiting(JOB)())).toMatchObject({ _tag: 'DecodeError' });
    });
  });
});
