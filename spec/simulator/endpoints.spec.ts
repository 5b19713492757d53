/** Every endpoint of the reference, through real HTTP on 127.0.0.1, on a manual clock. */
import { PDFDocument } from 'pdf-lib';
import { kikAddress, sampleAddress, uncoveredAddress } from '../../src/simulator';
import { client, intentionOf, orderJob, useSimulator } from './harness';

const ctx = useSimulator({ seed: 3 });

describe('GET /products/list', () => {
  it('lists slugs and names', async () => {
    const res = await client(ctx.sim).get('/products/list');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const products = (await res.json()) as Array<{ slug: string; name: string }>;
    expect(products).toContainEqual({ slug: 'bestemmingsplanrapport', name: 'Bestemmingsplanrapport' });
    expect(products.map((p) => p.slug)).toEqual(
      expect.arrayContaining(['test-failing-product', 'eigendomsinformatie']),
    );
  });
});

describe('POST /search/structured', () => {
  it('finds the sample address with the documented query', async () => {
    const res = await client(ctx.sim).post('/search/structured', {
      entity: 'adres',
      query: {
        bool: {
          must: [
            { field: { fields: ['postcode'], query: sampleAddress.postcode } },
            { field: { method: 'match', fields: ['huisnummer'], query: sampleAddress.huisnummer } },
          ],
        },
      },
    });
    expect(res.status).toBe(200);
    const hits = (await res.json()) as Array<{ uuid: string; title: string; score: number }>;
    expect(hits.map((h) => h.uuid)).toEqual([sampleAddress.uuid]);
  });

  it('answers 400 to an invalid entity or query, and to a body that is not JSON', async () => {
    const api = client(ctx.sim);
    expect((await api.post('/search/structured', { entity: 'huis', query: {} })).status).toBe(400);
    expect((await api.post('/search/structured', { entity: 'adres', query: { nope: {} } })).status).toBe(400);
    const notJson = await api.post('/search/structured', '{"entity":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: { code: 400, message: 'Request body is not valid JSON' } });
  });
});

describe('POST /intentions/list', () => {
  it('returns, per location, the intentions of the requested products there', async () => {
    const res = await client(ctx.sim).post('/intentions/list', {
      uuids: [sampleAddress.uuid, uncoveredAddress.uuid],
      products: ['bestemmingsplanrapport', 'percelenrapport', 'no-such-product'],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Array<{
      uuid: string;
      intentions: Array<{ uuid: string; product: string; properties: object }>;
    }>;
    expect(body.map((e) => e.uuid)).toEqual([sampleAddress.uuid, uncoveredAddress.uuid]);
    expect(body[0]!.intentions.map((i) => i.product)).toEqual(['bestemmingsplanrapport', 'percelenrapport']);
    expect(body[0]!.intentions[0]).toEqual({
      uuid: intentionOf(ctx.sim, 'bestemmingsplanrapport'),
      product: 'bestemmingsplanrapport',
      properties: {
        datum: '2016-03-01',
        dossier_status: 'vastgesteld',
        enkelbestemming: true,
        plan_id: 'NL.IMRO.9999.BPPlaatsCentrum-VG01',
        title: 'bestemmingsplan vastgesteld 01-03-2016',
        plannaam: 'Plaats Centrum',
      },
    });
    expect(body[1]!.intentions).toEqual([]);
  });

  it('answers 400 when uuids or products is missing or a uuid is malformed', async () => {
    const api = client(ctx.sim);
    expect((await api.post('/intentions/list', { products: ['x'] })).status).toBe(400);
    expect((await api.post('/intentions/list', { uuids: [sampleAddress.uuid] })).status).toBe(400);
    expect((await api.post('/intentions/list', { uuids: ['nope'], products: [] })).status).toBe(400);
  });
});

describe('POST /jobs/order and GET /jobs/status', () => {
  it('creates one job per intention and reports progress rising one step at a time', async () => {
    const intention = intentionOf(ctx.sim, 'bestemmingsplanrapport');
    const res = await client(ctx.sim).post('/jobs/order', { uuids: [intention] });
    expect(res.status).toBe(200);
    const placed = (await res.json()) as Array<{ uuid: string; job: { uuid: string } }>;
    expect(placed).toEqual([{ uuid: intention, job: { uuid: expect.stringMatching(/^[0-9a-f-]{36}$/) } }]);
    const jobUuid = placed[0]!.job.uuid;
    const job = ctx.sim.jobs.get(jobUuid)!;
    expect(job).toMatchObject({ account: 'demo', product: 'bestemmingsplanrapport', intention, total: 6 });

    const seen: string[] = [];
    const poll = async () => {
      const body = (await (
        await client(ctx.sim).get(`/jobs/status?uuids%5B%5D=${jobUuid}`)
      ).json()) as Array<{
        uuid: string;
        status: string;
        progress: { current: number; total: number };
      }>;
      expect(body).toHaveLength(1);
      seen.push(`${body[0]!.status} ${body[0]!.progress.current}/${body[0]!.progress.total}`);
    };
    await poll();
    ctx.clock.set(job.startedAt);
    await poll();
    for (const d of job.stepDurations) {
      ctx.clock.advance(d);
      await poll();
    }
    expect(seen).toEqual([
      'initial 0/6',
      'in_progress 0/6',
      'in_progress 1/6',
      'in_progress 2/6',
      'in_progress 3/6',
      'in_progress 4/6',
      'in_progress 5/6',
      'finished 6/6',
    ]);
    expect(ctx.clock.now()).toBe(job.finishedAt);
  });

  it('accepts uuids[]=, uuids[0]=, repeated uuids= and comma-separated values, and leaves out unknown jobs', async () => {
    const a = await orderJob(ctx.sim);
    const b = await orderJob(ctx.sim, 'percelenrapport');
    const unknown = '0f0f0f0f-0000-4000-8000-000000000000';
    const uuidsOf = async (query: string) => {
      const res = await client(ctx.sim).get(`/jobs/status?${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as Array<{ uuid: string }>).map((s) => s.uuid);
    };
    expect(await uuidsOf(`uuids%5B%5D=${a}&uuids%5B%5D=${b}`)).toEqual([a, b]);
    expect(await uuidsOf(`uuids[]=${a}&uuids[]=${b}`)).toEqual([a, b]);
    expect(await uuidsOf(`uuids%5B0%5D=${b}&uuids%5B1%5D=${a}`)).toEqual([b, a]);
    expect(await uuidsOf(`uuids=${a}&uuids=${b}`)).toEqual([a, b]);
    expect(await uuidsOf(`uuids=${a},${b}`)).toEqual([a, b]);
    expect(await uuidsOf(`uuids[]=${a}&uuids[]=${unknown}&uuids[]=${a}`)).toEqual([a]);
    const statusRequests = ctx.sim.requests.entries('jobs/status');
    expect(statusRequests[statusRequests.length - 1]!.uuids).toEqual([a, unknown]);
  });

  it('answers 400 to a status request without uuids or with a malformed one', async () => {
    const api = client(ctx.sim);
    expect((await api.get('/jobs/status')).status).toBe(400);
    expect((await api.get('/jobs/status?uuids[]=not-a-uuid')).status).toBe(400);
  });

  it('refuses a whole order with an unknown or malformed intention, placing nothing', async () => {
    const good = intentionOf(ctx.sim, 'bestemmingsplanrapport');
    const api = client(ctx.sim);
    expect(
      (await api.post('/jobs/order', { uuids: [good, '0f0f0f0f-0000-4000-8000-000000000000'] })).status,
    ).toBe(400);
    expect((await api.post('/jobs/order', { uuids: [good, 'x'] })).status).toBe(400);
    expect((await api.post('/jobs/order', { uuids: [] })).status).toBe(400);
    expect((await api.post('/jobs/order', {})).status).toBe(400);
    expect(ctx.sim.jobs.size).toBe(0);
    expect(ctx.sim.accounts.usage('demo').ordered).toBe(0);
  });

  it('ends a job of test-failing-product in error', async () => {
    const uuid = await orderJob(ctx.sim, 'test-failing-product');
    const job = ctx.sim.jobs.get(uuid)!;
    ctx.clock.set(job.finishedAt);
    const [status] = (await (await client(ctx.sim).get(`/jobs/status?uuids[]=${uuid}`)).json()) as Array<{
      status: string;
    }>;
    expect(status!.status).toBe('error');
    expect((await client(ctx.sim).get(`/jobs/retrieve/${uuid}`)).status).toBe(404);
  });
});

describe('GET /jobs/retrieve/{uuid}', () => {
  it('is 404 before the job finished, then a real PDF with the documented headers', async () => {
    const uuid = await orderJob(ctx.sim);
    const api = client(ctx.sim);
    const early = await api.get(`/jobs/retrieve/${uuid}`);
    expect(early.status).toBe(404);
    expect(await early.json()).toEqual({
      error: { code: 404, message: expect.stringContaining('did not finish') },
    });

    ctx.clock.set(ctx.sim.jobs.get(uuid)!.finishedAt);
    const res = await api.get(`/jobs/retrieve/${uuid}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-transfer-encoding')).toBe('binary');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="20260105_bestemmingsplanrapport_voorbeeldstraat_2_1234ab_plaats_nl_imro_9999_bpplaatscentrum_vg01.pdf"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Bestemmingsplanrapport');
    expect(doc.getPageCount()).toBe(1);
  });

  it('answers 400 to a malformed uuid and 404 to an unknown job', async () => {
    expect((await client(ctx.sim).get('/jobs/retrieve/nope')).status).toBe(400);
    expect((await client(ctx.sim).get('/jobs/retrieve/0f0f0f0f-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('returns JSON for a -json product', async () => {
    const uuid = await orderJob(ctx.sim, 'eigendomsinformatie-json');
    ctx.clock.set(ctx.sim.jobs.get(uuid)!.finishedAt);
    const res = await client(ctx.sim).get(`/jobs/retrieve/${uuid}`);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="20260105_eigendomsinformatie_json_.*\.json"/,
    );
    expect(await res.json()).toMatchObject({ product: 'eigendomsinformatie-json', date: '2026-01-05' });
  });
});

describe('documents/list and documents/order', () => {
  it('lists the documents of a finished Kadaster job and orders them as brondocument jobs', async () => {
    const uuid = await orderJob(ctx.sim, 'uittreksel-kadastrale-kaart');
    const api = client(ctx.sim);
    expect((await api.get(`/documents/list/${uuid}`)).status).toBe(404);
    ctx.clock.set(ctx.sim.jobs.get(uuid)!.finishedAt);
    const list = await api.get(`/documents/list/${uuid}`);
    expect(list.status).toBe(200);
    const docs = (await list.json()) as Array<{ identificatie: string; IngeschrevenOp: { datum: string } }>;
    expect(docs.length).toBeGreaterThanOrEqual(2);
    expect(docs[0]).toMatchObject({
      identificatie: expect.stringMatching(/^NL\.IMKAD\.TIAStuk\.\d+$/),
      aard: expect.any(String),
      IngeschrevenOp: { datum: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), tijd: expect.any(String) },
      documentwaardes: { soortregister: { code: '2', waarde: 'Onroerende Zaken' } },
    });
    expect(await (await api.get(`/documents/list/${uuid}`)).json()).toEqual(docs);

    const order = await api.post('/documents/order', { uuids: [docs[0]!.identificatie] });
    expect(order.status).toBe(200);
    const placed = (await order.json()) as Array<{ uuid: string; job: { uuid: string } }>;
    expect(placed).toEqual([{ uuid: docs[0]!.identificatie, job: { uuid: expect.any(String) } }]);
    expect(ctx.sim.jobs.get(placed[0]!.job.uuid)).toMatchObject({
      product: 'brondocument',
      intention: docs[0]!.identificatie,
    });
    expect(ctx.sim.accounts.usage('demo').ordered).toBe(2);

    expect((await api.post('/documents/order', { uuids: ['NL.IMKAD.TIAStuk.0'] })).status).toBe(400);
  });

  it('lists nothing for a finished job of a product without documents', async () => {
    const uuid = await orderJob(ctx.sim, 'bestemmingsplankaart');
    ctx.clock.set(ctx.sim.jobs.get(uuid)!.finishedAt);
    expect(await (await client(ctx.sim).get(`/documents/list/${uuid}`)).json()).toEqual([]);
  });
});

describe('routing', () => {
  it('answers 404 to an unknown path and 405 with Allow to a wrong method', async () => {
    const res = await fetch(`${ctx.sim.url}/elsewhere`);
    expect(res.status).toBe(404);
    const wrong = await client(ctx.sim).post('/products/list', {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(ctx.sim.requests.countsByRoute()).toEqual({ unknown: 1, 'products/list': 1 });
  });

  it('answers 414 to a status URL longer than maxUrlLength', async () => {
    const uuids = Array.from({ length: 300 }, () => `uuids%5B%5D=${kikAddress.uuid}`).join('&');
    expect((await client(ctx.sim).get(`/jobs/status?${uuids}`)).status).toBe(414);
  });
});
