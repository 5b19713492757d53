import type { FetchLike } from '../../src/config/FetchLike';
import { crossFetchFallback, defaultFetch, platformFetch } from '../../src/config/defaultFetch';
import { defaultFetch as browserDefaultFetch } from '../../src/config/defaultFetch.browser';
import { sendText, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const init = (): Parameters<FetchLike>[1] => ({
  method: 'GET',
  headers: {},
  redirect: 'manual',
  signal: new AbortController().signal,
});

describe('the default fetch', () => {
  let server: LoopbackServer;
  const platform = globalThis.fetch;
  beforeEach(async () => {
    server = await startLoopbackServer();
    server.route('GET', '/hello', (_r, res) => sendText(res, 200, 'hi'));
  });
  afterEach(async () => {
    globalThis.fetch = platform;
    await server.close();
  });

  it("is the platform's fetch where there is one, looked up on each call", async () => {
    expect(defaultFetch()).toBe(platformFetch);
    const seen: string[] = [];
    globalThis.fetch = ((url: string) => {
      seen.push(url);
      return platform(url);
    }) as typeof fetch;
    const response = await defaultFetch()(`${server.origin}/hello`, init());
    expect(await response.text()).toBe('hi');
    expect(seen).toEqual([`${server.origin}/hello`]);
  });

  it('is cross-fetch where the platform has none', async () => {
    delete (globalThis as { fetch?: unknown }).fetch;
    expect(defaultFetch()).toBe(crossFetchFallback);
    const response = await defaultFetch()(`${server.origin}/hello`, init());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hi');
  });

  it("is the platform's in the browser build, which has no cross-fetch in it", async () => {
    const response = await browserDefaultFetch()(`${server.origin}/hello`, init());
    expect(await response.text()).toBe('hi');
  });
});
