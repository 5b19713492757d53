import * as E from 'fp-ts/lib/Either.js';
import { normalizeConfig, type NormalizedConfig, type PlanviewerConfig } from '../../src/config';
import type { FetchLike } from '../../src/config/FetchLike';
import type { InvalidInput } from '../../src/errors';

const credentials = { key: 'a1b2c3d4e5f6', secret: 's3cr3tv4lu3' };

const ok = (config: Partial<PlanviewerConfig>): NormalizedConfig => {
  const r = normalizeConfig({ credentials, ...config });
  if (E.isLeft(r)) throw new Error(`refused: ${JSON.stringify(r.left)}`);
  return r.right;
};

const refused = (config: unknown): InvalidInput => {
  const r = normalizeConfig(config as PlanviewerConfig);
  if (E.isRight(r)) throw new Error('expected an InvalidInput');
  expect(r.left._tag).toBe('InvalidInput');
  return r.left;
};

describe('normalizeConfig', () => {
  it('fills in every default', () => {
    const config = ok({});
    expect(config).toMatchObject({
      apiRoot: 'https://www.planviewer.nl/product_api/v1',
      requestTimeoutMs: 30_000,
      downloadIdleTimeoutMs: 30_000,
      maxRedirects: 3,
      maxUrlLength: 8000,
      userAgent: 'planviewer-rx/0.1.0',
    });
    expect(typeof config.fetch).toBe('function');
    expect(config.credentials?.key).toBe(credentials.key);
  });

  it('uses the injected fetch and options', () => {
    const fetch: FetchLike = () => Promise.reject(new Error('unused'));
    const config = ok({
      fetch,
      requestTimeoutMs: 200,
      downloadIdleTimeoutMs: 300,
      maxRedirects: 0,
      maxUrlLength: 200,
      userAgent: 'my-app/1.0',
    });
    expect(config).toMatchObject({
      fetch,
      requestTimeoutMs: 200,
      downloadIdleTimeoutMs: 300,
      maxRedirects: 0,
      maxUrlLength: 200,
      userAgent: 'my-app/1.0',
    });
  });

  it.each([
    ['https://www.planviewer.nl', 'https://www.planviewer.nl/product_api/v1'],
    ['https://www.planviewer.nl/', 'https://www.planviewer.nl/product_api/v1'],
    ['https://planviewer.nl/product_api/v1', 'https://planviewer.nl/product_api/v1'],
    ['https://planviewer.nl/product_api/v1/', 'https://planviewer.nl/product_api/v1'],
    ['https://proxy.example.com/planviewer', 'https://proxy.example.com/planviewer/product_api/v1'],
    ['https://proxy.example.com/planviewer//', 'https://proxy.example.com/planviewer/product_api/v1'],
    ['https://proxy.example.com:8443/pv/product_api/v1', 'https://proxy.example.com:8443/pv/product_api/v1'],
    ['HTTPS://WWW.PLANVIEWER.NL', 'https://www.planviewer.nl/product_api/v1'],
    ['https://www.planviewer.nl:443', 'https://www.planviewer.nl/product_api/v1'],
    ['http://localhost:8080', 'http://localhost:8080/product_api/v1'],
    ['http://127.0.0.5:3000/', 'http://127.0.0.5:3000/product_api/v1'],
    ['http://[::1]:3000', 'http://[::1]:3000/product_api/v1'],
    ['http://sim.localhost', 'http://sim.localhost/product_api/v1'],
  ])('turns baseUrl %s into the API root %s', (baseUrl, apiRoot) => {
    expect(ok({ baseUrl }).apiRoot).toBe(apiRoot);
  });

  it.each([
    ['http://example.com', /plain http to example\.com/],
    ['http://www.planviewer.nl', /plain http/],
    ['http://127.0.0.1.example.com', /plain http/],
    ['http://10.0.0.1', /plain http/],
    ['ftp://planviewer.nl', /only https/],
    ['file:///etc/passwd', /only https/],
    ['https://key:secret@www.planviewer.nl', /credentials/],
    ['https://key@www.planviewer.nl', /credentials/],
    ['https://www.planviewer.nl?x=1', /query string/],
    ['https://www.planviewer.nl#top', /fragment/],
    ['not a url', /not a URL/],
    ['', /not a URL/],
    ['www.planviewer.nl', /not a URL/],
  ])('refuses baseUrl %s', (baseUrl, reason) => {
    const e = refused({ credentials, baseUrl });
    expect(e.field).toBe('baseUrl');
    expect(e.reason).toMatch(reason);
  });

  it.each([
    'https://a1b2:hunter2@www.planviewer.nl:99999',
    'https://a1b2:hunter2@[www.planviewer.nl',
    'a1b2:hunter2@www.planviewer.nl',
    'https://a1b2:hun/ter2@www.planviewer.nl:x',
  ])('does not echo the password of the malformed baseUrl %s', (baseUrl) => {
    const e = refused({ credentials, baseUrl });
    expect(e.field).toBe('baseUrl');
    expect(JSON.stringify(e)).not.toMatch(/hunter2|ter2/);
  });

  it.each<[string, unknown, string]>([
    ['no credentials', undefined, 'credentials'],
    ['null credentials', null, 'credentials'],
    ['credentials as a string', 'a1b2:secret', 'credentials'],
    ['an empty key', { key: '', secret: 's' }, 'credentials.key'],
    ['a blank key', { key: '  ', secret: 's' }, 'credentials.key'],
    ['a key with a colon', { key: 'a1:b2', secret: 's' }, 'credentials.key'],
    ['a numeric key', { key: 1234, secret: 's' }, 'credentials.key'],
    ['an empty secret', { key: 'a1b2', secret: '' }, 'credentials.secret'],
    ['a missing secret', { key: 'a1b2' }, 'credentials.secret'],
    ['a secret with a line break', { key: 'a1b2', secret: 's\r\nX-Evil: 1' }, 'credentials'],
    ['a key with NUL', { key: 'a1\u0000b2', secret: 's' }, 'credentials'],
  ])('refuses %s', (_, creds, field) => {
    expect(refused({ credentials: creds }).field).toBe(field);
  });

  it.each<[keyof PlanviewerConfig, unknown]>([
    ['requestTimeoutMs', 0],
    ['requestTimeoutMs', -1],
    ['requestTimeoutMs', 1.5],
    ['requestTimeoutMs', Number.NaN],
    ['requestTimeoutMs', Number.POSITIVE_INFINITY],
    ['requestTimeoutMs', '1000'],
    ['requestTimeoutMs', 3_000_000_000],
    ['downloadIdleTimeoutMs', 0],
    ['downloadIdleTimeoutMs', 2 ** 31],
    ['maxRedirects', -1],
    ['maxRedirects', 0.5],
    ['maxUrlLength', 199],
    ['maxUrlLength', 8000.5],
  ])('refuses %s = %p', (field, value) => {
    expect(refused({ credentials, [field]: value }).field).toBe(field);
  });

  it('accepts the largest timeout a timer can hold', () => {
    expect(ok({ requestTimeoutMs: 2 ** 31 - 1 }).requestTimeoutMs).toBe(2 ** 31 - 1);
  });

  it.each<[string, unknown, string]>([
    ['a config that is not an object', null, 'config'],
    ['a fetch that is not a function', { credentials, fetch: 'fetch' }, 'fetch'],
    ['a user agent with a line break', { credentials, userAgent: 'a\r\nX-Evil: 1' }, 'userAgent'],
    ['a numeric user agent', { credentials, userAgent: 7 }, 'userAgent'],
  ])('refuses %s', (_, config, field) => {
    expect(refused(config).field).toBe(field);
  });

  it('never calls fetch while normalizing, even for a refused config', () => {
    const fetch = jest.fn<ReturnType<FetchLike>, Parameters<FetchLike>>();
    refused({ credentials, baseUrl: 'http://example.com', fetch });
    ok({ fetch });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Credentials', () => {
  it.each([
    ['a1b2c3d4e5f6', 's3cr3tv4lu3', 'Basic YTFiMmMzZDRlNWY2OnMzY3IzdHY0bHUz'],
    ['key', 'sécret€', `Basic ${Buffer.from('key:sécret€', 'utf8').toString('base64')}`],
    ['kéy', 'pass:with:colons', `Basic ${Buffer.from('kéy:pass:with:colons', 'utf8').toString('base64')}`],
    ['k', '🔑 ünïcödé', `Basic ${Buffer.from('k:🔑 ünïcödé', 'utf8').toString('base64')}`],
  ])('encodes %s / %s as base64 of the UTF-8 bytes of key:secret', (key, secret, header) => {
    expect(ok({ credentials: { key, secret } }).credentials?.authorization()).toBe(header);
  });

  it('matches the example of the API reference', () => {
    expect(ok({}).credentials?.authorization()).toBe('Basic YTFiMmMzZDRlNWY2OnMzY3IzdHY0bHUz');
  });
});
