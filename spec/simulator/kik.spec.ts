/** The KIK "waiting for user" round trip over HTTP. */
import { kikAddress, sampleAddress } from '../../src/simulator';
import { client, orderJob, statusOf, useSimulator } from './harness';

const ctx = useSimulator();

describe('waiting for user', () => {
  it('waits on the two-lot address, lists both lots, resumes on select and finishes', async () => {
    const uuid = await orderJob(ctx.sim, 'eigendomsinformatie', kikAddress.uuid);
    const job = ctx.sim.jobs.get(uuid)!;
    const api = client(ctx.sim);
    expect(job.waitsForUser).toBe(true);
    expect((await api.get(`/kik/waiting/${uuid}`)).status).toBe(404);

    ctx.clock.set(job.waitingAt!);
    expect(await statusOf(ctx.sim, uuid)).toEqual({
      uuid,
      status: 'waiting for user',
      progress: { current: 1, total: job.total },
    });
    const waiting = await api.get(`/kik/waiting/${uuid}`);
    expect(waiting.status).toBe(200);
    expect(await waiting.json()).toEqual({
      locaties: {
        '1': 'Dorp A 100 Kerkweg 8 1234AC Dorp t.n.v. A. Jansen',
        '2': 'Dorp A 101 Kerkweg 8 1234AC Dorp t.n.v. B. de Vries',
      },
      message: 'Which of the found locations must be used to complete the order?',
    });

    // Still waiting an hour later: nothing moves without the user.
    ctx.clock.advance(3_600_000);
    expect((await statusOf(ctx.sim, uuid)).status).toBe('waiting for user');

    expect((await api.post(`/kik/select/${uuid}`, { select: [3] })).status).toBe(400);
    expect((await api.post(`/kik/select/${uuid}`, { select: [] })).status).toBe(400);
    expect((await api.post(`/kik/select/${uuid}`, {})).status).toBe(400);
    const selected = await api.post(`/kik/select/${uuid}`, { select: [2] });
    expect(selected.status).toBe(200);
    expect(await selected.json()).toEqual({
      uuid,
      status: 'in_progress',
      progress: { current: 1, total: job.total },
    });
    expect(job.selection).toEqual([2]);
    expect(job.endStatus).toBe('finished');

    expect((await api.get(`/kik/waiting/${uuid}`)).status).toBe(404);
    expect((await api.post(`/kik/select/${uuid}`, { select: [1] })).status).toBe(404);

    ctx.clock.set(job.finishedAt);
    expect((await statusOf(ctx.sim, uuid)).status).toBe('finished');
    const file = await api.get(`/jobs/retrieve/${uuid}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="20260105_eigendomsinformatie_kerkweg_8_1234ac_dorp_dorp_a_101.pdf"',
    );
  });

  it('accepts the index as a numeric string', async () => {
    const uuid = await orderJob(ctx.sim, 'hypotheekinformatie', kikAddress.uuid);
    ctx.clock.set(ctx.sim.jobs.get(uuid)!.waitingAt!);
    expect((await client(ctx.sim).post(`/kik/select/${uuid}`, { select: ['1'] })).status).toBe(200);
  });

  it('does not wait for a KIK product on a one-lot address or a non-KIK product on the two-lot address', async () => {
    const oneLot = ctx.sim.jobs.get(await orderJob(ctx.sim, 'eigendomsinformatie', sampleAddress.uuid))!;
    const nonKik = ctx.sim.jobs.get(await orderJob(ctx.sim, 'percelenrapport', kikAddress.uuid))!;
    expect([oneLot.waitsForUser, nonKik.waitsForUser]).toEqual([false, false]);
    ctx.clock.set(Math.max(oneLot.finishedAt, nonKik.finishedAt));
    expect((await statusOf(ctx.sim, oneLot.uuid)).status).toBe('finished');
    expect((await client(ctx.sim).get(`/kik/waiting/${oneLot.uuid}`)).status).toBe(404);
  });
});
