/** Authentication, payment on account, the daily cap with grace, and job ownership, over HTTP. */
import { demoAccount, kikAddress, noPaymentAccount, otherAccount, sampleAddress } from '../../src/simulator';
import { client, intentionOf, orderJob, useSimulator } from './harness';

const ctx = useSimulator();

describe('authentication', () => {
  it('answers 401 with the documented object body without or with wrong credentials', async () => {
    const unauthorized = { error: { code: 401, message: 'Unauthorized' } };
    for (const res of [
      await client(ctx.sim, null).get('/products/list'),
      await client(ctx.sim, { key: 'demo', secret: 'wrong' }).get('/products/list'),
      await client(ctx.sim, { key: 'nobody', secret: 'demo-secret' }).get('/products/list'),
      await fetch(`${ctx.sim.apiUrl}/products/list`, { headers: { authorization: 'Bearer demo-secret' } }),
    ]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(unauthorized);
    }
    expect(ctx.sim.requests.entries().map((e) => e.auth)).toEqual(['none', 'invalid', 'invalid', 'invalid']);
  });

  it('401s an order without credentials before looking at it, placing nothing', async () => {
    const res = await client(ctx.sim, null).post('/jobs/order', {
      uuids: [intentionOf(ctx.sim, 'bestemmingsplanrapport')],
    });
    expect(res.status).toBe(401);
    expect(ctx.sim.jobs.size).toBe(0);
  });
});

describe('payment on account', () => {
  it('answers 402 to every order of an account without it', async () => {
    const api = client(ctx.sim, noPaymentAccount);
    expect(
      (await api.post('/jobs/order', { uuids: [intentionOf(ctx.sim, 'bestemmingsplanrapport')] })).status,
    ).toBe(402);
    expect((await api.post('/jobs/order', { uuids: ['x'] })).status).toBe(402);
    expect((await api.post('/documents/order', { uuids: ['x'] })).status).toBe(402);
    expect((await api.get('/products/list')).status).toBe(200);
    expect(ctx.sim.jobs.size).toBe(0);
  });

  it('can be switched at run time', async () => {
    ctx.sim.accounts.update('demo', { paymentOnAccount: false });
    const intention = intentionOf(ctx.sim, 'bestemmingsplanrapport');
    expect((await client(ctx.sim).post('/jobs/order', { uuids: [intention] })).status).toBe(402);
    ctx.sim.accounts.update('demo', { paymentOnAccount: true });
    expect((await client(ctx.sim).post('/jobs/order', { uuids: [intention] })).status).toBe(200);
  });
});

describe('daily order cap', () => {
  const intention = () => intentionOf(ctx.sim, 'test-example-product');

  it('accepts cap + grace orders, notes when the cap was reached, then 429s with the documented array body', async () => {
    const api = client(ctx.sim);
    for (let i = 0; i < demoAccount.dailyCap + demoAccount.grace; i++) {
      expect((await api.post('/jobs/order', { uuids: [intention()] })).status).toBe(200);
      if (i === demoAccount.dailyCap - 2) expect(ctx.sim.accounts.usage('demo').capReachedAt).toBeNull();
    }
    expect(ctx.sim.accounts.usage('demo')).toMatchObject({
      day: '2026-01-05',
      ordered: 13,
      remaining: 0,
      capReachedAt: ctx.clock.now(),
    });
    const refused = await api.post('/jobs/order', { uuids: [intention()] });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual([
      { error: 'true', message: expect.stringMatching(/^You are trying to order more produ/) },
    ]);
    expect(ctx.sim.jobs.size).toBe(13);
  });

  it('counts an order of N intentions as N and refuses a whole order that would cross cap + grace', async () => {
    const api = client(ctx.sim);
    const eleven = Array.from({ length: 11 }, intention);
    expect((await api.post('/jobs/order', { uuids: eleven })).status).toBe(200);
    expect(ctx.sim.accounts.usage('demo').ordered).toBe(11);
    expect((await api.post('/jobs/order', { uuids: [intention(), intention(), intention()] })).status).toBe(
      429,
    );
    expect(ctx.sim.jobs.size).toBe(11);
    expect(ctx.sim.accounts.usage('demo').ordered).toBe(11);
    expect((await api.post('/jobs/order', { uuids: [intention(), intention()] })).status).toBe(200);
    expect(ctx.sim.jobs.size).toBe(13);
  });

  it('resets at midnight of the simulator clock, and counts per account', async () => {
    const api = client(ctx.sim);
    const thirteen = Array.from({ length: 13 }, intention);
    expect((await api.post('/jobs/order', { uuids: thirteen })).status).toBe(200);
    expect((await api.post('/jobs/order', { uuids: [intention()] })).status).toBe(429);
    expect((await client(ctx.sim, otherAccount).post('/jobs/order', { uuids: [intention()] })).status).toBe(
      200,
    );
    ctx.clock.set(Date.parse('2026-01-05T23:59:59.999Z'));
    expect((await api.post('/jobs/order', { uuids: [intention()] })).status).toBe(429);
    ctx.clock.set(Date.parse('2026-01-06T00:00:00.000Z'));
    expect((await api.post('/jobs/order', { uuids: [intention()] })).status).toBe(200);
    expect(ctx.sim.accounts.usage('demo')).toMatchObject({
      day: '2026-01-06',
      ordered: 1,
      capReachedAt: null,
    });
  });
});

describe('job ownership', () => {
  it("answers 403 to another account's retrieve, kik and documents requests, and hides its status", async () => {
    const job = await orderJob(ctx.sim, 'eigendomsinformatie', kikAddress.uuid);
    const finished = await orderJob(ctx.sim, 'uittreksel-kadastrale-kaart', sampleAddress.uuid);
    ctx.clock.set(Math.max(ctx.sim.jobs.get(job)!.finishedAt, ctx.sim.jobs.get(finished)!.finishedAt));
    const other = client(ctx.sim, otherAccount);
    expect((await other.get(`/jobs/retrieve/${finished}`)).status).toBe(403);
    expect((await other.get(`/documents/list/${finished}`)).status).toBe(403);
    expect((await other.get(`/kik/waiting/${job}`)).status).toBe(403);
    expect((await other.post(`/kik/select/${job}`, { select: [1] })).status).toBe(403);
    expect(await (await other.get(`/jobs/status?uuids[]=${job}&uuids[]=${finished}`)).json()).toEqual([]);
    expect((await client(ctx.sim).get(`/jobs/retrieve/${finished}`)).status).toBe(200);
  });

  it('limits products per account when configured', async () => {
    ctx.sim.accounts.add({ key: 'narrow', secret: 'narrow-secret', products: ['bestemmingsplanrapport'] });
    const api = client(ctx.sim, { key: 'narrow', secret: 'narrow-secret' });
    expect(await (await api.get('/products/list')).json()).toEqual([
      { slug: 'bestemmingsplanrapport', name: 'Bestemmingsplanrapport' },
    ]);
    expect((await api.post('/jobs/order', { uuids: [intentionOf(ctx.sim, 'percelenrapport')] })).status).toBe(
      400,
    );
  });
});
