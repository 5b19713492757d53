/** Every fault kind, and when faults fire (nth, probability, times, route, method). */
import { demoAccount, startSimulator } from '../../src/simulator';
import { basic, client, intentionOf, orderJob, useSimulator } from './harness';

const ctx = useSimulator({ seed: 11 });

const order = () =>
  client(ctx.sim).post('/jobs/order', { uuids: [intentionOf(ctx.sim, 'bestemmingsplanrapport')] });

describe('faults before the work (nothing happens on the server)', () => {
  it('serverError answers a 5xx and places nothing', async () => {
    ctx.sim.faults.add({ route: 'jobs/order', fault: { kind: 'serverError', status: 502 } });
    const res = await order();
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('502 Bad Gateway');
    expect(ctx.sim.jobs.size).toBe(0);
    expect(ctx.sim.requests.entries('jobs/order')[0]).toMatchObject({ fault: 'serverError', status: 502 });
  });

  it('resetBeforeWork resets the connection and places nothing', async () => {
    ctx.sim.faults.add({ route: 'jobs/order', fault: { kind: 'resetBeforeWork' } });
    await expect(order()).rejects.toThrow();
    expect(ctx.sim.jobs.size).toBe(0);
    expect(ctx.sim.requests.entries('jobs/order')[0]).toMatchObject({
      fault: 'resetBeforeWork',
      status: null,
    });
  });

  it('tooManyRequests answers 429 with Retry-After and the array body', async () => {
    ctx.sim.faults.add({ route: 'jobs/status', fault: { kind: 'tooManyRequests', retryAfter: 7 } });
    const res = await client(ctx.sim).get('/jobs/status?uuids[]=0f0f0f0f-0000-4000-8000-000000000000');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual([{ error: 'true', message: expect.any(String) }]);
  });

  it('redirect sends the client elsewhere, path kept; a fetch that follows it drops Authorization cross-origin', async () => {
    const other = await startSimulator({ clock: ctx.clock });
    try {
      ctx.sim.faults.add({ route: 'products/list', fault: { kind: 'redirect', location: other.url } });
      const manual = await fetch(`${ctx.sim.apiUrl}/products/list`, {
        headers: { authorization: basic(demoAccount) },
        redirect: 'manual',
      });
      expect(manual.status).toBe(307);
      expect(manual.headers.get('location')).toBe(`${other.url}/product_api/v1/products/list`);

      const followed = await client(ctx.sim).get('/products/list');
      expect(followed.status).toBe(401);
      expect(other.requests.entries()).toEqual([
        expect.objectContaining({ route: 'products/list', auth: 'none', account: null }),
      ]);
    } finally {
      await other.close();
    }
  });

  it('delay holds the request for real milliseconds, then serves it', async () => {
    ctx.sim.faults.add({ route: 'products/list', fault: { kind: 'delay', ms: 80 } });
    const started = performance.now();
    const res = await client(ctx.sim).get('/products/list');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });
});

describe('faults after the work (the order is placed, its response spoiled)', () => {
  it('resetAfterWork places the order and loses the response', async () => {
    ctx.sim.faults.add({ route: 'jobs/order', nth: 1, fault: { kind: 'resetAfterWork' } });
    await expect(order()).rejects.toThrow();
    expect(ctx.sim.jobs.size).toBe(1);
    expect(ctx.sim.requests.count('jobs/order')).toBe(1);
    expect(ctx.sim.accounts.usage('demo').ordered).toBe(1);
  });

  it('serverError with afterWork places the order, then answers 5xx', async () => {
    ctx.sim.faults.add({ route: 'jobs/order', fault: { kind: 'serverError', afterWork: true } });
    expect((await order()).status).toBe(503);
    expect(ctx.sim.jobs.size).toBe(1);
  });

  it('malformedJson keeps status and headers but cuts the JSON', async () => {
    ctx.sim.faults.add({ route: 'jobs/order', fault: { kind: 'malformedJson' } });
    const res = await order();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    await expect(res.json()).rejects.toThrow();
    expect(ctx.sim.jobs.size).toBe(1);
  });

  it('wrongShape answers valid JSON of the wrong shape', async () => {
    ctx.sim.faults.add({ route: 'products/list', fault: { kind: 'wrongShape' } });
    ctx.sim.faults.add({ route: 'jobs/status', fault: { kind: 'wrongShape', body: [{ uuid: 1 }] } });
    expect(await (await client(ctx.sim).get('/products/list')).json()).toEqual({ unexpected: true });
    expect(await (await client(ctx.sim).get('/jobs/status?uuids=x')).json()).toEqual([{ uuid: 1 }]);
  });

  it('delay with afterWork does the work first', async () => {
    ctx.sim.faults.add({ route: 'jobs/order', fault: { kind: 'delay', ms: 200, afterWork: true } });
    const pending = order();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ctx.sim.jobs.size).toBe(1);
    expect((await pending).status).toBe(200);
  });

  it('stalledBody sends headers and part of the body, then stalls until ms, then drops the connection', async () => {
    const job = await orderJob(ctx.sim);
    ctx.clock.set(ctx.sim.jobs.get(job)!.finishedAt);
    ctx.sim.faults.add({ route: 'jobs/retrieve', fault: { kind: 'stalledBody', afterBytes: 100, ms: 100 } });
    const started = performance.now();
    const res = await client(ctx.sim).get(`/jobs/retrieve/${job}`);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBe(100);
    await expect(reader.read()).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('stalledBody without ms holds the connection until the client gives up', async () => {
    ctx.sim.faults.add({ route: 'products/list', fault: { kind: 'stalledBody' } });
    const res = await client(ctx.sim).get('/products/list');
    expect(res.status).toBe(200);
    const aborted = await Promise.race([
      res.text().then(
        () => 'completed',
        () => 'dropped',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still stalled'), 80)),
    ]);
    expect(aborted).toBe('still stalled');
    // close() must not wait for the stalled connection.
  });
});

describe('when faults fire', () => {
  it('nth counts matching requests from when the rule was added; times caps; remove stops it', async () => {
    const api = client(ctx.sim);
    await api.get('/products/list');
    const rule = ctx.sim.faults.add({
      route: 'products/list',
      method: 'GET',
      nth: [2, 3, 4],
      times: 2,
      fault: { kind: 'serverError' },
    });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.get('/products/list')).status);
    expect(statuses).toEqual([200, 503, 503, 200, 200]);
    expect(rule).toMatchObject({ seen: 5, applied: 2 });
    rule.remove();
    expect(ctx.sim.faults.list()).toEqual([]);
  });

  it('probability is reproducible for a seed', async () => {
    const run = async () => {
      const sim = await startSimulator({
        seed: 5,
        faults: [{ route: 'products/list', probability: 0.5, fault: { kind: 'serverError' } }],
      });
      try {
        const statuses = [];
        for (let i = 0; i < 12; i++) statuses.push((await client(sim).get('/products/list')).status);
        return statuses;
      } finally {
        await sim.close();
      }
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('only faults the routes and methods it names', async () => {
    ctx.sim.faults.add({
      route: ['jobs/order', 'documents/order'],
      method: 'POST',
      fault: { kind: 'serverError' },
    });
    expect((await client(ctx.sim).get('/products/list')).status).toBe(200);
    expect((await order()).status).toBe(503);
  });

  it('rejects an invalid rule', () => {
    expect(() => ctx.sim.faults.add({ fault: { kind: 'redirect', location: '/relative' } })).toThrow(
      TypeError,
    );
    expect(() => ctx.sim.faults.add({ probability: 2, fault: { kind: 'resetBeforeWork' } })).toThrow(
      TypeError,
    );
    expect(() => ctx.sim.faults.add({ fault: { kind: 'serverError', status: 404 } })).toThrow(TypeError);
  });
});
