import { addressSearch } from '../../src/endpoints';
import type { PlanviewerError, PlanviewerErrorTag } from '../../src/errors';
import {
  API_PREFIX,
  apiFor,
  decodeErrorsOf,
  BASIC,
  fetchImplementations,
  INTENTION,
  JOB,
  leftOf,
  LOCATION,
  rightOf,
  uuidOf,
} from '../helpers/fixtures';
import { sendJson, sendText, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';
import type { ProductApi } from '../../src/api';
import type * as TE from 'fp-ts/lib/TaskEither.js';

const PRODUCTS = [
  { slug: 'percelenrapport', name: 'Percelenrapport' },
  { slug: 'eigendomsinformatie', name: 'Eigendomsinformatie' },
];
const LOCATIONS = [
  {
    score: 48.2,
    uuid: LOCATION,
    title: 'Voorbeeldstraat 2, 1234AB Plaats',
    properties: {
      type: 'adres',
      postcode: '1234AB',
      huisnummer: '2',
      huisnummertoevoeging: null,
      huisletter: null,
      openbareruimtenaam: 'Voorbeeldstraat',
      woonplaatsnaam: 'Plaats',
    },
  },
];
const INTENTIONS = [
  {
    uuid: LOCATION,
    intentions: [
      {
        uuid: INTENTION,
        product: 'bestemmingsplanrapport',
        properties: { datum: '2016-03-01', plan_id: 'NL.IMRO.0000.BP0001-VG01', enkelbestemming: true },
      },
    ],
  },
];
const ORDERED = [{ uuid: INTENTION, job: { uuid: JOB } }];
const STATUS = [{ uuid: JOB, status: 'finished', progress: { current: 6, total: 6 } }];
const WAITING = {
  locaties: { '1': 'Dorp A 100 Kerkweg 8 a 1234AB Plaats t.n.v. A. Jansen', '2': 'Dorp A 101 Kerkweg 8' },
  message: 'Which of the found locations must be used to complete te order?',
};
const DOCUMENT_ID = 'NL.IMKAD.TIAStuk.00000000000001';
const DOCUMENTS = [
  {
    identificatie: DOCUMENT_ID,
    aard: 'Migratie Koers',
    IngeschrevenOp: { datum: '1990-01-01', tijd: '00:00:00' },
  },
];
const ADDRESS_SEARCH = rightOf(addressSearch({ postcode: '1234 ab', huisnummer: 2 }));

/** One call per endpoint, the route it must hit, what the server answers and what the caller gets. */
interface EndpointCase {
  readonly name: string;
  readonly call: (api: ProductApi) => TE.TaskEither<PlanviewerError, unknown>;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: unknown;
  readonly answer: unknown;
  readonly result: unknown;
}

const endpoints: readonly EndpointCase[] = [
  {
    name: 'products',
    call: (api) => api.products(),
    method: 'GET',
    url: `${API_PREFIX}/products/list`,
    answer: PRODUCTS,
    result: PRODUCTS,
  },
  {
    name: 'searchLocations',
    call: (api) => api.searchLocations(ADDRESS_SEARCH),
    method: 'POST',
    url: `${API_PREFIX}/search/structured`,
    body: {
      entity: 'adres',
      query: {
        bool: {
          must: [
            { field: { fields: ['postcode'], query: '1234AB', method: 'match' } },
            { field: { fields: ['huisnummer'], query: '2', method: 'match' } },
          ],
        },
      },
    },
    answer: LOCATIONS,
    result: LOCATIONS,
  },
  {
    name: 'intentions',
    call: (api) => api.intentions([LOCATION], ['bestemmingsplanrapport']),
    method: 'POST',
    url: `${API_PREFIX}/intentions/list`,
    body: { uuids: [LOCATION], products: ['bestemmingsplanrapport'] },
    answer: INTENTIONS,
    result: INTENTIONS,
  },
  {
    name: 'order',
    call: (api) => api.order([INTENTION]),
    method: 'POST',
    url: `${API_PREFIX}/jobs/order`,
    body: { uuids: [INTENTION] },
    answer: ORDERED,
    result: ORDERED,
  },
  {
    name: 'status',
    call: (api) => api.status([JOB]),
    method: 'GET',
    url: `${API_PREFIX}/jobs/status?uuids%5B%5D=${JOB}`,
    answer: STATUS,
    result: STATUS,
  },
  {
    name: 'waiting',
    call: (api) => api.waiting(JOB),
    method: 'GET',
    url: `${API_PREFIX}/kik/waiting/${JOB}`,
    answer: WAITING,
    result: WAITING,
  },
  {
    name: 'select',
    call: (api) => api.select(JOB, 2),
    method: 'POST',
    url: `${API_PREFIX}/kik/select/${JOB}`,
    body: { select: [2] },
    answer: { whatever: 'undocumented' },
    result: undefined,
  },
  {
    name: 'documents',
    call: (api) => api.documents(JOB),
    method: 'GET',
    url: `${API_PREFIX}/documents/list/${JOB}`,
    answer: DOCUMENTS,
    result: DOCUMENTS,
  },
  {
    name: 'orderDocuments',
    call: (api) => api.orderDocuments([DOCUMENT_ID]),
    method: 'POST',
    url: `${API_PREFIX}/documents/order`,
    body: { uuids: [DOCUMENT_ID] },
    answer: [{ uuid: DOCUMENT_ID, job: { uuid: JOB } }],
    result: [{ uuid: DOCUMENT_ID, job: { uuid: JOB } }],
  },
];

const pathOf = (url: string): string => url.split('?')[0] as string;

describe.each(fetchImplementations)('createProductApi over loopback HTTP with %s', (_, fetch) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  describe('every endpoint', () => {
    it.each(endpoints)('$name sends the documented request and decodes the answer', async (c) => {
      server.route(c.method, pathOf(c.url), (_, res) => sendJson(res, 200, c.answer));
      const result = await c.call(apiFor(server, fetch))();
      expect(rightOf(result)).toEqual(c.result);
      expect(server.requests).toHaveLength(1);
      const [seen] = server.requests;
      expect(seen).toMatchObject({ method: c.method, url: c.url });
      expect(seen?.headers).toMatchObject({
        authorization: BASIC,
        accept: 'application/json',
        'user-agent': 'planviewer-rx/0.1.0',
      });
      if (c.body === undefined) {
        expect(seen?.body).toBe('');
        expect(seen?.headers['content-type']).toBeUndefined();
      } else {
        expect(seen?.headers['content-type']).toBe('application/json');
        expect(JSON.parse(seen?.body ?? '')).toEqual(c.body);
      }
    });

    it('retrieve asks for any content type with the credentials', async () => {
      server.route('GET', `${API_PREFIX}/jobs/retrieve/${JOB}`, (_, res) => sendText(res, 200, '%PDF-1.7'));
      rightOf(await apiFor(server, fetch).retrieve(JOB)());
      expect(server.requests[0]).toMatchObject({ method: 'GET', url: `${API_PREFIX}/jobs/retrieve/${JOB}` });
      expect(server.requests[0]?.headers).toMatchObject({ authorization: BASIC, accept: '*/*' });
    });

    it('select accepts a 204 without a body', async () => {
      server.route('POST', `${API_PREFIX}/kik/select/${JOB}`, (_, res) => {
        res.writeHead(204).end();
      });
      expect(rightOf(await apiFor(server, fetch).select(JOB, 1)())).toBeUndefined();
    });

    it('sends under a path prefix and with the configured user agent', async () => {
      server.route('GET', `/proxy${API_PREFIX}/products/list`, (_, res) => sendJson(res, 200, []));
      const api = apiFor(server, fetch, { baseUrl: `${server.origin}/proxy/`, userAgent: 'my-app/2.0' });
      expect(rightOf(await api.products()())).toEqual([]);
      expect(server.requests[0]?.headers['user-agent']).toBe('my-app/2.0');
    });
  });

  describe('input checks', () => {
    it.each<[string, (api: ProductApi) => TE.TaskEither<PlanviewerError, unknown>, string]>([
      ['status of no jobs', (api) => api.status([]), 'jobs'],
      ['retrieve of a path', (api) => api.retrieve('../../admin'), 'job'],
      ['an order of a duplicate', (api) => api.order([INTENTION, INTENTION]), 'intentions[1]'],
      ['select of choice 0', (api) => api.select(JOB, 0), 'index'],
      ['intentions without products', (api) => api.intentions([LOCATION], []), 'products'],
    ])('refuses %s without sending anything', async (_, call, field) => {
      const result = await call(apiFor(server, fetch))();
      expect(leftOf(result)).toMatchObject({ _tag: 'InvalidInput', field });
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('status codes', () => {
    const order = (api: ProductApi) => api.order([INTENTION]);
    const products = (api: ProductApi) => api.products();
    const retrieve = (api: ProductApi) => api.retrieve(JOB);
    const status = (api: ProductApi) => api.status([JOB]);
    const routes = {
      order: ['POST', `${API_PREFIX}/jobs/order`],
      products: ['GET', `${API_PREFIX}/products/list`],
      retrieve: ['GET', `${API_PREFIX}/jobs/retrieve/${JOB}`],
      status: ['GET', `${API_PREFIX}/jobs/status`],
    } as const;
    const calls = { order, products, retrieve, status };

    it.each<[keyof typeof calls, number, string, PlanviewerErrorTag, Record<string, unknown>]>([
      ['products', 400, 'bad', 'BadRequest', { body: 'bad' }],
      ['order', 400, 'invalid uuids', 'BadRequest', { body: 'invalid uuids' }],
      [
        'products',
        401,
        '{"error":{"code":401,"message":"Unauthorized"}}',
        'Unauthorized',
        { body: '{"error":{"code":401,"message":"Unauthorized"}}' },
      ],
      ['order', 402, '', 'PaymentRequired', { intentions: [INTENTION] }],
      ['retrieve', 403, '', 'Forbidden', {}],
      ['retrieve', 404, 'not finished', 'ResultNotAvailable', { body: 'not finished' }],
      ['status', 404, '', 'NotFound', {}],
      ['status', 408, '', 'ServerError', { status: 408 }],
      [
        'order',
        408,
        '',
        'OrderOutcomeUnknown',
        { intentions: [INTENTION], reason: 'the server answered 408' },
      ],
      [
        'order',
        429,
        '[{"error":"true","message":"You are trying to order more products than allowed today"}]',
        'OrderCapReached',
        { intentions: [INTENTION], message: 'You are trying to order more products than allowed today' },
      ],
      ['status', 429, 'slow down', 'RateLimited', { retryAfterMs: 7000 }],
      ['products', 500, 'oops', 'ServerError', { status: 500, body: 'oops', retryAfterMs: 7000 }],
      ['retrieve', 502, '', 'ServerError', { status: 502 }],
      ['status', 503, '', 'ServerError', { status: 503 }],
      [
        'order',
        500,
        '',
        'OrderOutcomeUnknown',
        { intentions: [INTENTION], reason: 'the server answered 500' },
      ],
      ['order', 503, '', 'OrderOutcomeUnknown', { intentions: [INTENTION] }],
      ['products', 418, "I'm a teapot", 'UnexpectedStatus', { status: 418, body: "I'm a teapot" }],
    ])('%s answered %i with body %j gives %s', async (name, code, body, tag, fields) => {
      const [method, path] = routes[name];
      server.route(method, path, (_, res) => sendText(res, code, body, { 'retry-after': '7' }));
      const e = leftOf(await calls[name](apiFor(server, fetch))());
      expect(e).toMatchObject({ _tag: tag, ...fields });
      expect('request' in e && e.request?.url).toMatch(new RegExp(`^${server.origin}${path}`));
      expect(server.requests).toHaveLength(1);
    });

    it('cuts a huge error page to 500 characters', async () => {
      const page = `<html>${'x'.repeat(100_000)}</html>`;
      server.route('GET', `${API_PREFIX}/products/list`, (_, res) => sendText(res, 400, page));
      const e = leftOf(await apiFor(server, fetch).products()());
      expect(e._tag).toBe('BadRequest');
      expect((e as { body: string }).body).toBe(`${page.slice(0, 500)}… (${page.length} chars)`);
    });
  });

  describe('response shapes', () => {
    it.each<[string, string, string]>([
      [
        'a wrong shape',
        '[{"slug":"a","name":"A"},{"slug":1,"name":"B"}]',
        '[1].slug: expected string, got 1',
      ],
      ['an object instead of a list', '{"error":"nope"}', '(root): expected ProductList'],
      ['malformed JSON', '[{"slug":', '(root): not JSON'],
      ['an HTML page', '<html>maintenance</html>', '(root): not JSON'],
    ])('turns %s into a DecodeError naming the path', async (_, body, line) => {
      server.route('GET', `${API_PREFIX}/products/list`, (_r, res) => sendText(res, 200, body));
      const e = leftOf(await apiFor(server, fetch).products()());
      expect(e).toMatchObject({
        _tag: 'DecodeError',
        request: { method: 'GET', url: `${server.origin}${API_PREFIX}/products/list` },
        body,
      });
      expect(decodeErrorsOf(e)[0]).toContain(line);
    });

    it('names the nested path of a bad order answer', async () => {
      server.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) =>
        sendJson(res, 200, [{ uuid: JOB, status: 'finished', progress: { current: '6', total: 6 } }]),
      );
      const e = leftOf(await apiFor(server, fetch).status([JOB])());
      expect(e).toMatchObject({
        _tag: 'DecodeError',
        errors: ['[0].progress.current: expected number, got "6"'],
      });
    });

    it('accepts an unknown status string', async () => {
      server.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) =>
        sendJson(res, 200, [{ uuid: JOB, status: 'queued' }]),
      );
      expect(rightOf(await apiFor(server, fetch).status([JOB])())).toEqual([{ uuid: JOB, status: 'queued' }]);
    });
  });

  describe('status of many jobs', () => {
    const jobs = Array.from({ length: 250 }, (_, i) => uuidOf(i + 1));
    const STRANGER = uuidOf(999_999);

    /** Answers with the asked jobs in reverse order, plus a job nobody asked about. */
    const shuffledStatus = (missing: ReadonlySet<string> = new Set()) =>
      server.route('GET', `${API_PREFIX}/jobs/status`, (req, res) => {
        const asked = new URL(req.url, server.origin).searchParams.getAll('uuids[]');
        const answer = [...asked]
          .reverse()
          .filter((uuid) => !missing.has(uuid))
          .map((uuid, i) => ({
            uuid,
            status: i % 2 === 0 ? 'in_progress' : 'finished',
            progress: { current: 1, total: 2 },
          }));
        sendJson(res, 200, [{ uuid: STRANGER, status: 'finished' }, ...answer]);
      });

    it('splits the call under maxUrlLength and matches the answers by uuid', async () => {
      shuffledStatus();
      const statuses = rightOf(await apiFor(server, fetch, { maxUrlLength: 2000 }).status(jobs)());
      expect(server.requests.length).toBeGreaterThan(1);
      for (const req of server.requests) {
        expect(`${server.origin}${req.url}`.length).toBeLessThanOrEqual(2000);
        expect(req.url).toMatch(/^\/product_api\/v1\/jobs\/status\?uuids%5B%5D=[^&]+(&uuids%5B%5D=[^&]+)*$/);
        expect(req.headers.authorization).toBe(BASIC);
      }
      const sent = server.requests.flatMap((req) =>
        new URL(req.url, server.origin).searchParams.getAll('uuids[]'),
      );
      expect(sent).toEqual(jobs);
      expect(statuses.map((s) => s.uuid)).toEqual(jobs);
      expect(statuses.every((s) => s.status === 'in_progress' || s.status === 'finished')).toBe(true);
    });

    it('leaves out the jobs the server left out', async () => {
      shuffledStatus(new Set([jobs[0] as string, jobs[249] as string]));
      const statuses = rightOf(await apiFor(server, fetch, { maxUrlLength: 2000 }).status(jobs)());
      expect(statuses.map((s) => s.uuid)).toEqual(jobs.slice(1, 249));
    });

    it('matches a job answered in upper case, and gives it in its canonical lower case', async () => {
      server.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) =>
        sendJson(res, 200, [{ uuid: JOB.toUpperCase(), status: 'initial' }]),
      );
      expect(rightOf(await apiFor(server, fetch).status([JOB])())).toEqual([
        { uuid: JOB, status: 'initial' },
      ]);
      expect(rightOf(await apiFor(server, fetch).status([JOB.toUpperCase()])())).toEqual([
        { uuid: JOB, status: 'initial' },
      ]);
    });

    it('fails the whole call when one batch fails, and stops there', async () => {
      server.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) =>
        server.requests.length === 2 ? sendText(res, 503, 'busy') : sendJson(res, 200, []),
      );
      const e = leftOf(await apiFor(server, fetch, { maxUrlLength: 2000 }).status(jobs)());
      expect(e).toMatchObject({ _tag: 'ServerError', status: 503 });
      expect(server.requests).toHaveLength(2);
    });
  });
});
