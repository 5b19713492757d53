import type { FetchLike } from '../../src/config/FetchLike';
import { describeError, isRetryable } from '../../src/errors';
import { API_PREFIX, apiFor, INTENTION, JOB, leftOf, rightOf } from '../helpers/fixtures';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const PRODUCTS = `${API_PREFIX}/products/list`;
const ORDER = `${API_PREFIX}/jobs/order`;
const I2 = 'c1d2e3f4-0000-4a1b-8c2d-333333333333';

/** Chrome's words when fetch is called as a method of anything but the window. */
const ILLEGAL_INVOCATION = "Failed to execute 'fetch' on 'Window': Illegal invocation";

/** Behaves like a browser's fetch: refuses to run as a method of another object. */
function browserLikeFetch(this: unknown, ...args: Parameters<FetchLike>): ReturnType<FetchLike> {
  if (this !== undefined && this !== globalThis) return Promise.reject(new TypeError(ILLEGAL_INVOCATION));
  return (globalThis.fetch as unknown as FetchLike)(...args);
}

const rejectingWith =
  (error: unknown): FetchLike =>
  () =>
    Promise.reject(error);

/** What a browser gives for any 3xx under `redirect: 'manual'`: no status, no headers. */
const opaqueRedirect: FetchLike = () =>
  Promise.resolve({
    status: 0,
    type: 'opaqueredirect',
    headers: { get: () => null },
    body: null,
    text: () => Promise.resolve(''),
    arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)),
  });

describe('requests that never left', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
    server.route('GET', PRODUCTS, (_r, res) => sendJson(res, 200, []));
  });
  afterEach(() => server.close());

  it('calls fetch unbound, so a browser fetch kept in the config works', async () => {
    const products = rightOf(await apiFor(server, browserLikeFetch as FetchLike).products()());
    expect(products).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an order whose fetch refused its arguments as not sent, never OrderOutcomeUnknown', async () => {
    const e = leftOf(
      await apiFor(server, rejectingWith(new TypeError(ILLEGAL_INVOCATION))).order([INTENTION, I2])(),
    );
    expect(e).toEqual({
      _tag: 'NetworkError',
      request: { method: 'POST', url: `${server.origin}${ORDER}` },
      reachedServer: false,
      code: 'NOT_SENT',
      message: `not sent: ${ILLEGAL_INVOCATION}`,
    });
    expect(isRetryable(e)).toBe(true);
    expect(describeError(e)).toMatch(/did not reach the server/);
  });

  it.each([
    ['Firefox', "'fetch' called on an object that does not implement interface Window."],
    ['Safari', 'Can only call Window.fetch on instances of Window'],
  ])('knows the %s wording of the same refusal', async (_, message) => {
    const e = leftOf(await apiFor(server, rejectingWith(new TypeError(message))).order([INTENTION])());
    expect(e).toMatchObject({ _tag: 'NetworkError', reachedServer: false, code: 'NOT_SENT' });
  });

  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'])(
    'keeps a browser network failure (%s) on an order as OrderOutcomeUnknown: it may have been sent',
    async (message) => {
      const e = leftOf(await apiFor(server, rejectingWith(new TypeError(message))).order([INTENTION])());
      expect(e).toMatchObject({ _tag: 'OrderOutcomeUnknown', intentions: [INTENTION] });
    },
  );

  it('refuses a request the platform would reject before fetch sees it, for an order too', async () => {
    server.route('POST', ORDER, (_r, res) => sendJson(res, 200, []));
    // A header value must be Latin-1 bytes; fetch would throw before opening a connection.
    const api = apiFor(server, globalThis.fetch as unknown as FetchLike, { userAgent: 'shop €' });
    const e = leftOf(await api.order([INTENTION])());
    expect(e).toMatchObject({
      _tag: 'NetworkError',
      reachedServer: false,
      code: 'NOT_SENT',
      request: { method: 'POST', url: `${server.origin}${ORDER}` },
    });
    expect(e._tag === 'NetworkError' && e.message).toMatch(/^not sent: .*ByteString/);
    expect(server.requests).toHaveLength(0);
  });

  it('reports an order whose signal was aborted before sending as Aborted, not OrderOutcomeUnknown', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = leftOf(
      await apiFor(server, globalThis.fetch as unknown as FetchLike).order([INTENTION], {
        signal: controller.signal,
      })(),
    );
    expect(e).toEqual({ _tag: 'Aborted', request: { method: 'POST', url: `${server.origin}${ORDER}` } });
    expect(server.requests).toHaveLength(0);
  });
});

describe('a redirect a browser hides (opaque redirect)', () => {
  const api = apiFor({ origin: 'https://api.example.invalid' }, opaqueRedirect);

  it('is a NetworkError naming the redirect, never UnexpectedStatus 0', async () => {
    const e = leftOf(await api.status([JOB])());
    expect(e).toMatchObject({ _tag: 'NetworkError', code: 'REDIRECT', reachedServer: true });
    expect(describeError(e)).toMatch(/redirect.*set baseUrl to the address that answers/);
    expect(isRetryable(e)).toBe(false);
  });

  it('on an order says the server answered with a redirect and is not retryable', async () => {
    const e = leftOf(await api.order([INTENTION])());
    expect(e).toMatchObject({ _tag: 'NetworkError', code: 'REDIRECT', reachedServer: true });
    expect(isRetryable(e)).toBe(false);
  });
});
