import * as E from 'fp-ts/lib/Either.js';
import { createProductApi } from '../../src/api';
import { normalizeConfig, type NormalizedConfig, type PlanviewerConfig } from '../../src/config';
import type { InvalidInput } from '../../src/errors';
import { API_PREFIX, rightOf } from '../helpers/fixtures';
import { sendJson, startLoopbackServer } from '../helpers/loopbackServer';

const ok = (config: PlanviewerConfig): NormalizedConfig => rightOf(normalizeConfig(config));

const refused = (config: PlanviewerConfig): InvalidInput => {
  const r = normalizeConfig(config);
  if (E.isRight(r)) throw new Error('expected an InvalidInput');
  return r.left;
};

describe('a client without credentials (a browser app talking to its own backend)', () => {
  it('is allowed against any backend that is not Planviewer, over http too: no secret travels', () => {
    expect(ok({ baseUrl: 'https://shop.example.invalid/planviewer' })).toMatchObject({
      credentials: null,
      apiRoot: 'https://shop.example.invalid/planviewer/product_api/v1',
    });
    expect(ok({ baseUrl: 'http://intranet.example.invalid' }).apiRoot).toBe(
      'http://intranet.example.invalid/product_api/v1',
    );
  });

  it.each([
    undefined,
    'https://www.planviewer.nl',
    'https://planviewer.nl/product_api/v1',
    'https://API.Planviewer.NL',
  ])('is refused against the real Planviewer origin (%s) with what to do instead', (baseUrl) => {
    const e = refused(baseUrl === undefined ? {} : { baseUrl });
    expect(e.field).toBe('credentials');
    expect(e.reason).toMatch(/needs credentials/);
    expect(e.reason).toMatch(/never ship the secret/);
    expect(e.reason).toMatch(/planviewer-rx\/proxy/);
  });

  it('still refuses plain http to another host when credentials are given', () => {
    expect(
      refused({ credentials: { key: 'k', secret: 's' }, baseUrl: 'http://intranet.example.invalid' }).field,
    ).toBe('baseUrl');
  });

  describe('in a page', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'location');
    beforeEach(() => {
      Object.defineProperty(globalThis, 'location', {
        value: { href: 'https://shop.example.invalid/orders/new' },
        configurable: true,
      });
    });
    afterEach(() => {
      if (original === undefined) delete (globalThis as { location?: unknown }).location;
      else Object.defineProperty(globalThis, 'location', original);
    });

    it("takes a path of the page's own origin as baseUrl", () => {
      expect(ok({ baseUrl: '/planviewer' }).apiRoot).toBe(
        'https://shop.example.invalid/planviewer/product_api/v1',
      );
    });
  });

  it('outside a page, a path is not a baseUrl', () => {
    expect(refused({ baseUrl: '/planviewer' }).field).toBe('baseUrl');
  });

  it('sends no Authorization header at all', async () => {
    const server = await startLoopbackServer();
    try {
      server.route('GET', `${API_PREFIX}/products/list`, (_r, res) => sendJson(res, 200, []));
      const api = createProductApi(ok({ baseUrl: server.origin }));
      expect(rightOf(await api.products()())).toEqual([]);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
