import {
  describeError,
  errorFromResponse,
  MAX_ERROR_BODY_CHARS,
  type CallKind,
  type PlanviewerErrorTag,
  type RequestSummary,
} from '../../src/errors';

const get: RequestSummary = { method: 'GET', url: 'https://www.planviewer.nl/product_api/v1/products/list' };
const post: RequestSummary = { method: 'POST', url: 'https://www.planviewer.nl/product_api/v1/jobs/order' };
const intentions = ['c1d2e3f4-0000-4a1b-8c2d-111111111111', 'c1d2e3f4-0000-4a1b-8c2d-222222222222'];
const order: CallKind = { kind: 'order', intentions };
const retrieve: CallKind = { kind: 'retrieve' };
const other: CallKind = { kind: 'other' };

const ORDER_CAP_BODY = JSON.stringify([
  { error: 'true', message: 'You are trying to order more products than your daily limit allows.' },
]);

describe('errorFromResponse', () => {
  it.each<[number, CallKind['kind'], PlanviewerErrorTag]>([
    [400, 'other', 'BadRequest'],
    [400, 'order', 'BadRequest'],
    [401, 'other', 'Unauthorized'],
    [401, 'order', 'Unauthorized'],
    [402, 'order', 'PaymentRequired'],
    [402, 'other', 'PaymentRequired'],
    [403, 'retrieve', 'Forbidden'],
    [403, 'other', 'Forbidden'],
    [404, 'retrieve', 'ResultNotAvailable'],
    [404, 'other', 'NotFound'],
    [408, 'other', 'ServerError'],
    [408, 'retrieve', 'ServerError'],
    [408, 'order', 'OrderOutcomeUnknown'],
    [429, 'order', 'OrderCapReached'],
    [429, 'other', 'RateLimited'],
    [429, 'retrieve', 'RateLimited'],
    [500, 'other', 'ServerError'],
    [502, 'retrieve', 'ServerError'],
    [503, 'other', 'ServerError'],
    [599, 'other', 'ServerError'],
    [500, 'order', 'OrderOutcomeUnknown'],
    [503, 'order', 'OrderOutcomeUnknown'],
    [418, 'other', 'UnexpectedStatus'],
    [418, 'order', 'UnexpectedStatus'],
    [409, 'other', 'UnexpectedStatus'],
    [204, 'other', 'UnexpectedStatus'],
  ])('maps %i on a %s call to %s', (status, kind, tag) => {
    const call = { order, retrieve, other }[kind];
    const request = kind === 'order' ? post : get;
    const e = errorFromResponse(request, call, status, 'body', undefined);
    expect(e._tag).toBe(tag);
    expect('request' in e && e.request).toEqual(request);
  });

  it('reads the message of the documented 429 array body on an order', () => {
    const e = errorFromResponse(post, order, 429, ORDER_CAP_BODY, undefined);
    expect(e).toEqual({
      _tag: 'OrderCapReached',
      request: post,
      intentions,
      message: 'You are trying to order more products than your daily limit allows.',
    });
  });

  it.each([
    ['an object with error.message', '{"error":{"code":429,"message":"Too many"}}', 'Too many'],
    ['an object with message', '{"message":"Too many"}', 'Too many'],
    ['plain text', 'Too many orders today', 'Too many orders today'],
    ['an empty body', '', ''],
    ['JSON without a message', '[{"error":true}]', '[{"error":true}]'],
  ])('falls back sensibly for a 429 order body that is %s', (_, body, message) => {
    const e = errorFromResponse(post, order, 429, body, undefined);
    expect(e).toMatchObject({ _tag: 'OrderCapReached', message });
  });

  it('names the intentions of an order on 402 and on an unknown outcome', () => {
    expect(errorFromResponse(post, order, 402, '', undefined)).toMatchObject({ intentions });
    expect(errorFromResponse(post, order, 500, '', undefined)).toMatchObject({
      _tag: 'OrderOutcomeUnknown',
      intentions,
      reason: 'the server answered 500',
    });
  });

  it('keeps the status and Retry-After of a server error and a rate limit', () => {
    expect(errorFromResponse(get, other, 503, 'down', 5000)).toEqual({
      _tag: 'ServerError',
      request: get,
      status: 503,
      body: 'down',
      retryAfterMs: 5000,
    });
    expect(errorFromResponse(get, other, 429, '', 1000)).toEqual({
      _tag: 'RateLimited',
      request: get,
      body: '',
      retryAfterMs: 1000,
    });
    expect(errorFromResponse(get, other, 429, '', undefined)).not.toHaveProperty('retryAfterMs');
  });

  it('keeps the 401 body of the docs', () => {
    const body = '{"error":{"code":401,"message":"Unauthorized"}}';
    expect(errorFromResponse(get, other, 401, body, undefined)).toEqual({
      _tag: 'Unauthorized',
      request: get,
      body,
    });
  });

  it(`cuts a long body to ${MAX_ERROR_BODY_CHARS} characters and says how long it was`, () => {
    const html = `<html>${'x'.repeat(10_000)}</html>`;
    const e = errorFromResponse(get, other, 400, html, undefined);
    expect(e._tag).toBe('BadRequest');
    const body = (e as { body: string }).body;
    expect(body.startsWith(html.slice(0, MAX_ERROR_BODY_CHARS))).toBe(true);
    expect(body).toBe(`${html.slice(0, 500)}… (${html.length} chars)`);
  });

  it('keeps a body of exactly the limit unchanged', () => {
    const body = 'y'.repeat(MAX_ERROR_BODY_CHARS);
    expect(errorFromResponse(get, other, 418, body, undefined)).toMatchObject({ body });
  });
});

describe('errorFromResponse: bounded and honest messages', () => {
  it("truncates the server's message of an order-cap 429 like any other body", () => {
    const body = JSON.stringify([{ error: 'true', message: 'x'.repeat(10_000) }]);
    const e = errorFromResponse(post, order, 429, body, undefined);
    expect(e).toMatchObject({ _tag: 'OrderCapReached', intentions });
    expect(e._tag === 'OrderCapReached' && e.message.length).toBeLessThanOrEqual(MAX_ERROR_BODY_CHARS + 40);
  });

  it('describes a 402 outside an order without claiming an order was refused', () => {
    const e = errorFromResponse(get, other, 402, '', undefined);
    expect(describeError(e)).toContain('nothing was ordered');
    expect(describeError(e)).not.toContain('the order of');
  });
});
