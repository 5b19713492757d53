import type { ServerResponse } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';
import { lastValueFrom, retry, toArray } from 'rxjs';
import { createPlanviewer } from '../../src/client/createPlanviewer';
import type { FetchLike } from '../../src/config/FetchLike';
import { normalizeConfig } from '../../src/config';
import {
  API_PREFIX,
  apiFor,
  BASIC,
  fetchImplementations,
  INTENTION,
  JOB,
  KEY,
  leftOf,
  rightOf,
  SECRET,
} from '../helpers/fixtures';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const PRODUCTS = `${API_PREFIX}/products/list`;
const ORDER = `${API_PREFIX}/jobs/order`;
const ORDERED = [{ uuid: INTENTION, job: { uuid: JOB } }];

const redirect = (status: number, location: string) => (_: unknown, res: ServerResponse) => {
  res.writeHead(status, { location, 'content-length': 0 });
  res.end();
};

describe.each(fetchImplementations)('redirects with %s', (_, fetch) => {
  let api: LoopbackServer;
  let other: LoopbackServer;
  beforeEach(async () => {
    [api, other] = await Promise.all([startLoopbackServer(), startLoopbackServer()]);
  });
  afterEach(() => Promise.all([api.close(), other.close()]));

  it('does not send the credentials to another port on the same host', async () => {
    api.route('GET', PRODUCTS, redirect(302, `${other.origin}/cdn/products`));
    other.route('GET', '/cdn/products', (_r, res) => sendJson(res, 200, []));
    expect(rightOf(await apiFor(api, fetch).products()())).toEqual([]);
    expect(api.requests[0]?.headers.authorization).toBe(BASIC);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('does not send the credentials to another host name for the same address', async () => {
    api.route('GET', PRODUCTS, redirect(302, `http://localhost:${api.port}/moved`));
    api.route('GET', '/moved', (_r, res) => sendJson(res, 200, []));
    rightOf(await apiFor(api, fetch).products()());
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([BASIC, undefined]);
  });

  it('keeps the credentials on a same-origin redirect', async () => {
    api.route('GET', PRODUCTS, redirect(301, `${API_PREFIX}/products/list2`));
    api.route('GET', `${API_PREFIX}/products/list2`, (_r, res) => sendJson(res, 200, []));
    rightOf(await apiFor(api, fetch).products()());
    expect(api.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      [PRODUCTS, BASIC],
      [`${API_PREFIX}/products/list2`, BASIC],
    ]);
  });

  it('keeps the credentials dropped when redirected back to the API origin', async () => {
    api.route('GET', PRODUCTS, redirect(302, `${other.origin}/bounce`));
    other.route('GET', '/bounce', redirect(302, `${api.origin}/back`));
    api.route('GET', '/back', (_r, res) => sendJson(res, 200, []));
    rightOf(await apiFor(api, fetch).products()());
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([BASIC, undefined]);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('downloads a result redirected to another origin, without credentials', async () => {
    api.route('GET', `${API_PREFIX}/jobs/retrieve/${JOB}`, redirect(307, `${other.origin}/files/r.pdf`));
    other.route('GET', '/files/r.pdf', (_r, res) => {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="r.pdf"',
      });
      res.end('%PDF');
    });
    const file = rightOf(await apiFor(api, fetch).retrieve(JOB)());
    expect(file).toMatchObject({ filename: 'r.pdf', size: 4 });
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses to send an order to another origin: the other server sees nothing', async () => {
    api.route('POST', ORDER, redirect(307, `${other.origin}${ORDER}`));
    other.route('POST', ORDER, (_r, res) => sendJson(res, 200, ORDERED));
    const e = leftOf(await apiFor(api, fetch).order([INTENTION])());
    // The server answered the POST: whether it ordered cannot be known (issue 10, item 4).
    expect(e).toMatchObject({
      _tag: 'OrderOutcomeUnknown',
      intentions: [INTENTION],
      location: `${other.origin}${ORDER}`,
    });
    expect(JSON.stringify(e)).toContain('refused redirect of a POST to another origin');
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });

  it('re-sends an order on a same-origin 307, with its body and credentials', async () => {
    api.route('POST', ORDER, redirect(307, `${API_PREFIX}/jobs/order-v2`));
    api.route('POST', `${API_PREFIX}/jobs/order-v2`, (_r, res) => sendJson(res, 200, ORDERED));
    expect(rightOf(await apiFor(api, fetch).order([INTENTION])())).toEqual(ORDERED);
    expect(api.requests.map((r) => [r.method, r.headers.authorization, r.body])).toEqual([
      ['POST', BASIC, JSON.stringify({ uuids: [INTENTION] })],
      ['POST', BASIC, JSON.stringify({ uuids: [INTENTION] })],
    ]);
  });

  it.each([301, 302, 303])(
    'refuses a %i redirect of an order (it would turn into a GET): OrderOutcomeUnknown with the Location kept',
    async (status) => {
      api.route('POST', ORDER, redirect(status, `${API_PREFIX}/jobs/order-v2`));
      const e = leftOf(await apiFor(api, fetch).order([INTENTION])());
      expect(e).toEqual({
        _tag: 'OrderOutcomeUnknown',
        request: { method: 'POST', url: `${api.origin}${ORDER}` },
        intentions: [INTENTION],
        reason: `the server answered the order with a ${status} redirect to ${api.origin}${API_PREFIX}/jobs/order-v2, not followed (refused ${status} redirect of a POST (it would turn into a GET))`,
        location: `${api.origin}${API_PREFIX}/jobs/order-v2`,
      });
      expect(api.requests).toHaveLength(1);
    },
  );

  it('order$ answered with a 303: OrderOutcomeUnknown with the Location, never a second POST, even under retry()', async () => {
    api.route('POST', ORDER, redirect(303, `${API_PREFIX}/jobs/status?uuids[]=${JOB}`));
    const pv = createPlanviewer({ credentials: { key: KEY, secret: SECRET }, baseUrl: api.origin, fetch });
    const events = await lastValueFrom(pv.order$([INTENTION]).pipe(retry(2), toArray()));
    expect(events).toEqual([
      E.left(
        expect.objectContaining({
          _tag: 'OrderOutcomeUnknown',
          intentions: [INTENTION],
          location: `${api.origin}${API_PREFIX}/jobs/status?uuids[]=${JOB}`,
        }),
      ),
    ]);
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('stops after maxRedirects', async () => {
    api.route('GET', PRODUCTS, redirect(302, PRODUCTS));
    const e = leftOf(await apiFor(api, fetch, { maxRedirects: 2 }).products()());
    expect(e).toMatchObject({ _tag: 'UnexpectedStatus', status: 302, body: 'more than 2 redirects' });
    expect(api.requests).toHaveLength(3);
  });

  it('follows no redirect with maxRedirects 0', async () => {
    api.route('GET', PRODUCTS, redirect(302, `${API_PREFIX}/elsewhere`));
    const e = leftOf(await apiFor(api, fetch, { maxRedirects: 0 }).products()());
    expect(e).toMatchObject({ _tag: 'UnexpectedStatus', status: 302 });
    expect(api.requests).toHaveLength(1);
  });

  it('refuses a redirect without a Location', async () => {
    api.route('GET', PRODUCTS, (_r, res) => {
      res.writeHead(302, { 'content-length': 0 });
      res.end();
    });
    const e = leftOf(await apiFor(api, fetch).products()());
    expect(e).toMatchObject({
      _tag: 'UnexpectedStatus',
      status: 302,
      body: 'redirect without a Location header',
    });
  });

  it('refuses a redirect to plain http on another host before any request goes there', async () => {
    const spy = jest.fn<ReturnType<FetchLike>, Parameters<FetchLike>>(fetch);
    api.route('GET', PRODUCTS, redirect(302, 'http://example.com/product_api/v1/products/list'));
    const e = leftOf(await apiFor(api, spy).products()());
    expect(e).toMatchObject({ _tag: 'UnexpectedStatus', status: 302 });
    expect(JSON.stringify(e)).toContain('refused redirect to insecure http://example.com');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe(`${api.origin}${PRODUCTS}`);
  });
});

describe('normalizeConfig with plain http to a non-loopback host', () => {
  it.each(['http://example.com', 'http://www.planviewer.nl', 'http://192.168.1.10:8080'])(
    'refuses %s before any socket opens',
    (baseUrl) => {
      const spy = jest.fn<ReturnType<FetchLike>, Parameters<FetchLike>>();
      const r = normalizeConfig({ credentials: { key: KEY, secret: SECRET }, baseUrl, fetch: spy });
      expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'InvalidInput', field: 'baseUrl' });
      expect(spy).not.toHaveBeenCalled();
    },
  );
});
