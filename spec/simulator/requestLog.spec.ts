/** The request counters and log that tests assert against. */
import { demoAccount, otherAccount } from '../../src/simulator';
import { client, orderJob, useSimulator } from './harness';
import * as util from 'node:util';

const ctx = useSimulator();

describe('requests', () => {
  it('counts per route and logs method, path, query, account and simulated time', async () => {
    const a = await orderJob(ctx.sim);
    const b = await orderJob(ctx.sim, 'percelenrapport');
    ctx.clock.advance(1_000);
    await client(ctx.sim).get(`/jobs/status?uuids%5B%5D=${a}&uuids%5B%5D=${b}`);
    await client(ctx.sim).get(`/jobs/status?uuids%5B%5D=${a}`);

    expect(ctx.sim.requests.count()).toBe(4);
    expect(ctx.sim.requests.count('jobs/order')).toBe(2);
    expect(
      ctx.sim.requests.count({ route: 'jobs/order', method: 'POST', account: 'demo', status: 200 }),
    ).toBe(2);
    expect(ctx.sim.requests.countsByRoute()).toEqual({ 'jobs/order': 2, 'jobs/status': 2 });
    const polls = ctx.sim.requests.entries('jobs/status');
    expect(polls[0]).toEqual({
      seq: 3,
      route: 'jobs/status',
      method: 'GET',
      path: '/product_api/v1/jobs/status',
      query: `uuids%5B%5D=${a}&uuids%5B%5D=${b}`,
      account: 'demo',
      auth: 'valid',
      time: ctx.clock.now(),
      realTime: expect.any(Number),
      uuids: [a, b],
      fault: null,
      status: 200,
    });
    expect(polls.flatMap((e) => e.uuids)).toEqual([a, b, a]);
  });

  it('never holds a secret or the Authorization header', async () => {
    await client(ctx.sim).get('/products/list');
    await client(ctx.sim, otherAccount).get('/products/list');
    await client(ctx.sim, { key: 'demo', secret: 'guess' }).get('/products/list');
    const dump = JSON.stringify(ctx.sim.requests.entries()) + util.inspect(ctx.sim, { depth: 6 });
    for (const secret of [demoAccount.secret, otherAccount.secret, 'guess', 'Basic ']) {
      expect(dump).not.toContain(secret);
    }
    expect(JSON.stringify(ctx.sim.accounts.list())).not.toContain('secret');
  });

  it('clear() forgets counts and entries but keeps numbering', async () => {
    await client(ctx.sim).get('/products/list');
    ctx.sim.requests.clear();
    expect(ctx.sim.requests.count()).toBe(0);
    await client(ctx.sim).get('/products/list');
    expect(ctx.sim.requests.entries().map((e) => e.seq)).toEqual([2]);
  });
});
