import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { lastValueFrom, toArray } from 'rxjs';
import { createPlanviewer } from '../../src/client/createPlanviewer';
import { createPlanviewerProxy, type PlanviewerProxy } from '../../src/proxy';
import { sampleAddress, scaledClock, startSimulator, type Simulator } from '../../src/simulator';
import { API_PREFIX, KEY, SECRET } from '../helpers/fixtures';
import { sendText, startLoopbackServer } from '../helpers/loopbackServer';
import { scaledScheduler } from '../helpers/scaledScheduler';

interface Started {
  readonly origin: string;
  readonly requests: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** Serves `handler` on 127.0.0.1, recording the headers the browser side sent. */
const serve = async (handler: PlanviewerProxy | http.RequestListener): Promise<Started> => {
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.headers);
    (handler as http.RequestListener)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

const demo = { key: 'demo', secret: 'demo-secret' };

describe('planviewer-rx/proxy in front of the simulator', () => {
  let sim: Simulator;
  let proxy: Started;
  const clock = scaledClock(100);
  beforeEach(async () => {
    sim = await startSimulator({ clock, seed: 3 });
    proxy = await serve(
      createPlanviewerProxy({ credentials: demo, target: sim.url, mountPath: '/planviewer' }),
    );
  });
  afterEach(async () => {
    await proxy.close();
    await sim.close();
  });

  it('lets a client without credentials order and download: one POST, a real PDF, no secret on the browser side', async () => {
    const pv = createPlanviewer({ baseUrl: `${proxy.origin}/planviewer`, scheduler: scaledScheduler(clock) });
    const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-example-product']);
    const events = await lastValueFrom(pv.order$([intention!.uuid]).pipe(toArray()));
    const result = events.flatMap((e) => (E.isRight(e) && e.right._tag === 'Result' ? [e.right] : []));
    expect(events.filter(E.isLeft)).toEqual([]);
    expect(result).toHaveLength(1);
    const head = Buffer.from(await result[0]!.file.blob.slice(0, 5).arrayBuffer()).toString('latin1');
    expect(head).toBe('%PDF-');
    expect(result[0]!.file.filename).toMatch(/\.pdf$/);
    expect(sim.requests.count('jobs/order')).toBe(1);
    expect(sim.requests.entries().every((r) => r.account === 'demo')).toBe(true);
    expect(proxy.requests.every((h) => h.authorization === undefined)).toBe(true);
  });

  it.each([
    ['GET', '/planviewer/product_api/v1/jobs/order', 405],
    ['DELETE', '/planviewer/product_api/v1/jobs/status', 405],
    ['GET', '/planviewer/product_api/v1/admin/users', 404],
    ['GET', '/planviewer/product_api/v1/jobs/retrieve/..%2F..%2Fadmin', 404],
    ['GET', '/planviewer/product_api/v1/jobs/retrieve/not-a-uuid', 404],
    ['GET', '/planviewer/product_api/v1/products/list/extra', 404],
    ['GET', '/planviewer/product_api/v2/products/list', 404],
    ['GET', '/elsewhere/product_api/v1/products/list', 404],
  ])('refuses %s %s with %i and forwards nothing', async (method, path, status) => {
    const response = await fetch(`${proxy.origin}${path}`, { method });
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain(demo.secret);
    expect(sim.requests.entries()).toEqual([]);
  });

  it('refuses a request body over the limit with 413', async () => {
    const response = await fetch(`${proxy.origin}/planviewer/product_api/v1/jobs/order`, {
      method: 'POST',
      body: JSON.stringify({ uuids: Array.from({ length: 5000 }, () => sampleAddress.uuid) }),
    });
    expect(response.status).toBe(413);
    expect(sim.requests.count('jobs/order')).toBe(0);
  });
});

describe('planviewer-rx/proxy: what crosses it', () => {
  it("never forwards the browser's Authorization or cookies, never returns the API's login prompt, cookies or redirects", async () => {
    const api = await startLoopbackServer();
    api.route('GET', `${API_PREFIX}/products/list`, (_r, res) =>
      sendText(res, 401, 'Unauthorized', {
        'www-authenticate': 'Basic realm="api"',
        'set-cookie': 'session=upstream',
      }),
    );
    api.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) =>
      sendText(res, 302, '', { location: 'https://elsewhere.example.invalid/' }),
    );
    const proxy = await serve(
      createPlanviewerProxy({ credentials: { key: KEY, secret: SECRET }, target: api.origin }),
    );
    try {
      const unauthorized = await fetch(`${proxy.origin}/product_api/v1/products/list`, {
        headers: { authorization: 'Basic c3RvbGVuOmNyZWRz', cookie: 'app-session=1' },
      });
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.headers.get('www-authenticate')).toBeNull();
      expect(unauthorized.headers.get('set-cookie')).toBeNull();
      expect(api.requests[0]?.headers.authorization).toBe(
        `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`,
      );
      expect(api.requests[0]?.headers.cookie).toBeUndefined();

      const redirected = await fetch(`${proxy.origin}/product_api/v1/jobs/status?uuids%5B%5D=x`, {
        redirect: 'manual',
      });
      expect(redirected.status).toBe(502);
      expect(redirected.headers.get('location')).toBeNull();
      expect(api.requests[1]?.url).toBe(`${API_PREFIX}/jobs/status?uuids%5B%5D=x`);
      for (const text of [await unauthorized.text(), await redirected.text()])
        expect(text).not.toContain(SECRET);
    } finally {
      await proxy.close();
      await api.close();
    }
  });

  it('works as Express/Connect middleware: passes other paths to next, reads a body a parser already read', async () => {
    const api = await startLoopbackServer();
    api.route('POST', `${API_PREFIX}/intentions/list`, (r, res) => sendText(res, 200, r.body));
    const middleware = createPlanviewerProxy({
      credentials: { key: KEY, secret: SECRET },
      target: api.origin,
    });
    // What Express does for app.use('/planviewer', express.json(), middleware).
    const app = await serve((req: http.IncomingMessage, res: http.ServerResponse) => {
      const original = req.url ?? '/';
      if (!original.startsWith('/planviewer/')) {
        middleware(req, res, () => sendText(res, 200, 'the app'));
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const withBody = Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString() || '{}') });
        withBody.url = original.slice('/planviewer'.length);
        middleware(withBody, res, () => sendText(res, 404, 'next'));
      });
    });
    try {
      expect(await (await fetch(`${app.origin}/index.html`)).text()).toBe('the app');
      const response = await fetch(`${app.origin}/planviewer/product_api/v1/intentions/list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ location: 'x', products: ['y'] }),
      });
      expect(response.status).toBe(200);
      expect(JSON.parse(await response.text())).toEqual({ location: 'x', products: ['y'] });
    } finally {
      await app.close();
      await api.close();
    }
  });

  it('refuses to start without credentials or with plain http to another host', () => {
    expect(() => createPlanviewerProxy({} as never)).toThrow(/credentials/);
    expect(() =>
      createPlanviewerProxy({
        credentials: { key: KEY, secret: SECRET },
        target: 'http://api.example.invalid',
      }),
    ).toThrow(/plain http/);
  });
});
