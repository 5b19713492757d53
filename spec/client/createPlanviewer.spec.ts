import * as util from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { isObservable, lastValueFrom, toArray } from 'rxjs';
import { addressSearch, createPlanviewer, PlanviewerConfigError, type PlanviewerOptions } from '../../src';
import { normalizePlanviewerOptions } from '../../src/client/createPlanviewer';
import { manualClock, sampleAddress, startSimulator, type Simulator } from '../../src/simulator';

const SECRET = 'sup3r-s3cret-värde';
const credentials = { key: 'demo', secret: SECRET };
const forbidden = [SECRET, Buffer.from(`demo:${SECRET}`, 'utf8').toString('base64')];

describe('createPlanviewer: options', () => {
  it.each<[string, PlanviewerOptions, string]>([
    ['a key with a colon', { credentials: { key: 'a:b', secret: 's' } }, 'credentials.key'],
    ['no secret', { credentials: { key: 'a', secret: '' } }, 'credentials.secret'],
    ['plain http to a remote host', { credentials, baseUrl: 'http://example.com' }, 'baseUrl'],
    ['credentials in the URL', { credentials, baseUrl: 'https://u:p@example.com' }, 'baseUrl'],
    ['a zero request timeout', { credentials, requestTimeoutMs: 0 }, 'requestTimeoutMs'],
    ['a zero status batch', { credentials, statusBatchSize: 0 }, 'statusBatchSize'],
    ['a fetch that is not a function', { credentials, fetch: 'no' as never }, 'fetch'],
    ['a scheduler without schedule()', { credentials, scheduler: {} as never }, 'scheduler'],
  ])('refuses %s with a PlanviewerConfigError naming the field', (_, options, field) => {
    const attempt = (): unknown => createPlanviewer(options);
    expect(attempt).toThrow(PlanviewerConfigError);
    try {
      attempt();
    } catch (e) {
      const error = e as PlanviewerConfigError;
      expect(error.name).toBe('InvalidInput');
      expect(error.error).toMatchObject({ _tag: 'InvalidInput', field });
      expect(error.message).toContain(field);
      for (const s of forbidden) expect(`${error.message}${error.stack ?? ''}`).not.toContain(s);
    }
    // The same check as data, for callers who prefer not to catch.
    expect(
      pipe(
        normalizePlanviewerOptions(options),
        E.mapLeft((l) => l.field),
      ),
    ).toEqual(E.left(field));
  });

  it('documents its defaults in settings, which are safe to log', () => {
    const pv = createPlanviewer({ credentials });
    expect(pv.settings).toEqual({
      keyId: 'demo',
      apiRoot: 'https://www.planviewer.nl/product_api/v1',
      requestTimeoutMs: 30_000,
      downloadIdleTimeoutMs: 30_000,
      userAgent: 'planviewer-rx/0.1.0',
      maxRedirects: 3,
      maxUrlLength: 8000,
      maxJsonBodyBytes: 10_000_000,
      maxConcurrentRequests: 8,
      statusBatchSize: 150,
    });
  });

  it('never shows the secret when the client itself is logged', () => {
    const pv = createPlanviewer({ credentials, baseUrl: 'http://127.0.0.1:9' });
    const renderings = [
      String(pv),
      JSON.stringify(pv),
      util.inspect(pv, { depth: 20, showHidden: true }),
      util.inspect(pv, { depth: 20, showHidden: true, customInspect: false }),
      util.inspect(pv.api, { depth: 20, showHidden: true, customInspect: false }),
    ];
    for (const text of renderings) for (const s of forbidden) expect(text).not.toContain(s);
  });

  it('exposes select as a stream (the poller looks again) and the one-shot as api.select', () => {
    const pv = createPlanviewer({ credentials });
    expect(isObservable(pv.select('7e6d5c4b-3a29-4f18-9e07-222222222222', 1))).toBe(true);
    expect(typeof pv.api.select('7e6d5c4b-3a29-4f18-9e07-222222222222', 1)).toBe('function');
  });
});

describe('createPlanviewer: one-shots and streams against the simulator', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ clock: manualClock() });
  });
  afterEach(() => sim.close());

  it('sends nothing until a task runs or a stream is subscribed', async () => {
    const pv = createPlanviewer({ credentials: { key: 'demo', secret: 'demo-secret' }, baseUrl: sim.url });
    const task = pv.products();
    const stream = pv.order$(sim.catalogue.intentionsAt(sampleAddress.uuid).map((i) => i.uuid));
    await new Promise((r) => setImmediate(r));
    expect(sim.requests.total).toBe(0);
    expect(E.isRight(await task())).toBe(true);
    expect(sim.requests.total).toBe(1);
    expect(stream).toBeDefined();
    expect(sim.requests.count('jobs/order')).toBe(0);
  });

  it('goes from an address to its intentions through the one-shots', async () => {
    const pv = createPlanviewer({ credentials: { key: 'demo', secret: 'demo-secret' }, baseUrl: sim.url });
    const found = await pipe(
      TE.fromEither(addressSearch({ postcode: '1234 ab', huisnummer: 2 })),
      TE.chain((search) => pv.searchLocations(search)),
      TE.chain((locations) => pv.intentions([locations[0]!.uuid], ['bestemmingsplanrapport'])),
    )();
    expect(found).toEqual(
      E.right([
        {
          uuid: sampleAddress.uuid,
          intentions: [expect.objectContaining({ product: 'bestemmingsplanrapport' })],
        },
      ]),
    );
  });

  it('reports a wrong secret as Unauthorized on the order stream, without ordering', async () => {
    const pv = createPlanviewer({ credentials: { key: 'demo', secret: 'wrong' }, baseUrl: sim.url });
    const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid);
    const events = await lastValueFrom(pv.order$([intention!.uuid]).pipe(toArray()));
    expect(events).toEqual([E.left(expect.objectContaining({ _tag: 'Unauthorized' }))]);
    expect(sim.jobs.size).toBe(0);
  });
});
