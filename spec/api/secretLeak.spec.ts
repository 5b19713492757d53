import * as util from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { normalizeConfig, type NormalizedConfig, type PlanviewerConfig } from '../../src/config';
import {
  describeError,
  jobFailed,
  jobNotFound,
  withJob,
  type PlanviewerError,
  type PlanviewerErrorTag,
} from '../../src/errors';
import {
  API_PREFIX,
  apiFor,
  BASIC,
  configFor,
  fetchImplementations,
  INTENTION,
  JOB,
  KEY,
  leftOf,
  SECRET,
} from '../helpers/fixtures';
import { closedPort, sendText, startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const TOKEN = BASIC.slice('Basic '.length);
// The first 12 characters of the token too: a token cut in half by truncation is still half a credential.
const FORBIDDEN = [
  SECRET,
  TOKEN,
  TOKEN.slice(0, 12),
  encodeURIComponent(SECRET),
  Buffer.from(SECRET).toString('base64'),
];

/** Every way a value commonly ends up in a log. */
const renderings = (value: unknown): Record<string, string> => ({
  String: String(value),
  'JSON.stringify': JSON.stringify(value) ?? '',
  'util.inspect showHidden': util.inspect(value, { depth: 10, showHidden: true }),
  'util.inspect without custom inspect': util.inspect(value, {
    depth: 10,
    showHidden: true,
    customInspect: false,
  }),
  'template literal': `${String(value)}`,
});

const expectNoSecret = (label: string, value: unknown, extra: Record<string, string> = {}): void => {
  for (const [how, text] of Object.entries({ ...renderings(value), ...extra }))
    for (const secret of FORBIDDEN)
      if (text.includes(secret)) throw new Error(`${label}: ${how} shows the secret or token: ${text}`);
};

const expectErrorHasNoSecret = (e: PlanviewerError): void => {
  expectNoSecret(e._tag, e, { describeError: describeError(e) });
  expectNoSecret(`${e._tag} with job`, withJob(e, JOB), { describeError: describeError(withJob(e, JOB)) });
};

describe('the normalized config', () => {
  let config: NormalizedConfig;
  beforeAll(() => {
    config = configFor({ origin: 'https://www.planviewer.nl' }, globalThis.fetch as never);
  });

  it('still sends the right header', () => {
    expect(config.credentials?.authorization()).toBe(BASIC);
  });

  it('shows neither the secret nor the token however it is logged', () => {
    expectNoSecret('config', config);
    expectNoSecret('credentials', config.credentials);
    expectNoSecret('spread config', { ...config });
    expectNoSecret('spread credentials', { ...config.credentials });
    for (const key of Object.keys(config))
      expectNoSecret(`config.${key}`, config[key as keyof NormalizedConfig]);
    expectNoSecret('Object.entries', Object.entries(config));
    expectNoSecret('Object.assign of the credentials', Object.assign({}, config.credentials));
  });

  it('shows the key id, so that a log says which key was used', () => {
    expect(JSON.stringify(config)).toContain(KEY);
    expect(util.inspect(config)).toContain(KEY);
  });

  it('refusals of a config never echo the secret', () => {
    const refusals: Partial<PlanviewerConfig>[] = [
      { baseUrl: 'http://example.com' },
      { baseUrl: `https://${KEY}:${SECRET}@www.planviewer.nl` },
      { baseUrl: `https://${KEY}:${SECRET}@www.planviewer.nl:99999` },
      { requestTimeoutMs: -1 },
      { credentials: { key: `${KEY}:x`, secret: SECRET } },
      { credentials: { key: KEY, secret: `${SECRET}\n` } },
    ];
    for (const refusal of refusals) {
      const r = normalizeConfig({ credentials: { key: KEY, secret: SECRET }, ...refusal });
      if (E.isRight(r)) throw new Error(`expected a refusal of ${JSON.stringify(Object.keys(refusal))}`);
      expectErrorHasNoSecret(r.left);
    }
  });
});

describe.each(fetchImplementations)('errors produced over loopback HTTP with %s', (_, fetch) => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(() => server.close());

  const answer = (method: string, path: string, status: number, body = 'nope') =>
    server.route(method, path, (_r, res) => sendText(res, status, body, { 'retry-after': '3' }));

  it('carry no credential, for every tag', async () => {
    const api = apiFor(server, fetch, { requestTimeoutMs: 200 });
    const seen = new Map<PlanviewerErrorTag, PlanviewerError>();
    const record = (e: PlanviewerError): void => {
      seen.set(e._tag, e);
      expectErrorHasNoSecret(e);
    };

    answer('POST', `${API_PREFIX}/jobs/order`, 402);
    record(leftOf(await api.order([INTENTION])()));
    answer(
      'POST',
      `${API_PREFIX}/jobs/order`,
      429,
      '[{"error":"true","message":"You are trying to order more"}]',
    );
    record(leftOf(await api.order([INTENTION])()));
    answer('POST', `${API_PREFIX}/jobs/order`, 500);
    record(leftOf(await api.order([INTENTION])()));
    server.route('POST', `${API_PREFIX}/jobs/order`, () => undefined);
    record(leftOf(await api.order([INTENTION])()));
    answer('GET', `${API_PREFIX}/products/list`, 401, '{"error":{"code":401,"message":"Unauthorized"}}');
    record(leftOf(await api.products()()));
    answer('GET', `${API_PREFIX}/jobs/retrieve/${JOB}`, 403);
    record(leftOf(await api.retrieve(JOB)()));
    answer('POST', `${API_PREFIX}/search/structured`, 400);
    record(leftOf(await api.searchLocations({ entity: 'adres', query: {} })()));
    answer('GET', `${API_PREFIX}/jobs/retrieve/${JOB}`, 404);
    record(leftOf(await api.retrieve(JOB)()));
    answer('GET', `${API_PREFIX}/kik/waiting/${JOB}`, 404);
    record(leftOf(await api.waiting(JOB)()));
    answer('GET', `${API_PREFIX}/jobs/status`, 429);
    record(leftOf(await api.status([JOB])()));
    answer('GET', `${API_PREFIX}/documents/list/${JOB}`, 503);
    record(leftOf(await api.documents(JOB)()));
    answer('GET', `${API_PREFIX}/products/list`, 418);
    record(leftOf(await api.products()()));
    answer('GET', `${API_PREFIX}/products/list`, 200, '[{"slug":1}]');
    record(leftOf(await api.products()()));
    server.route('GET', `${API_PREFIX}/products/list`, () => undefined);
    record(leftOf(await api.products()()));
    const controller = new AbortController();
    const aborting = api.products({ signal: controller.signal })();
    setTimeout(() => controller.abort(), 20).unref();
    record(leftOf(await aborting));
    record(leftOf(await api.status(['../x'])()));
    const port = await closedPort();
    record(leftOf(await apiFor({ origin: `http://127.0.0.1:${port}` }, fetch).products()()));
    // These two come from the job streams, not from HTTP: built the way the poller builds them.
    record(withJob(jobNotFound(JOB, 3), JOB));
    record(jobFailed(JOB, { current: 2, total: 6 }, INTENTION));

    expect([...seen.keys()].sort()).toEqual(
      [
        'Aborted',
        'BadRequest',
        'DecodeError',
        'Forbidden',
        'InvalidInput',
        'JobFailed',
        'JobNotFound',
        'NetworkError',
        'NotFound',
        'OrderCapReached',
        'OrderOutcomeUnknown',
        'PaymentRequired',
        'RateLimited',
        'ResultNotAvailable',
        'ServerError',
        'Timeout',
        'Unauthorized',
        'UnexpectedStatus',
      ].sort(),
    );
    // The server did receive the credentials: the errors just do not keep them.
    expect(server.requests.every((r) => r.headers.authorization === BASIC)).toBe(true);
  });

  it('a redirect refusal and a connection reset carry no credential either', async () => {
    const api = apiFor(server, fetch);
    server.route('GET', `${API_PREFIX}/products/list`, (_r, res) => {
      res.writeHead(302, { location: 'http://example.com/x', 'content-length': 0 }).end();
    });
    expectErrorHasNoSecret(leftOf(await api.products()()));
    server.route('GET', `${API_PREFIX}/products/list`, (_r, _res, req) => {
      req.socket.destroy();
    });
    expectErrorHasNoSecret(leftOf(await api.products()()));
  });
});

describe('a server that echoes the credentials back (issue 10, item 7)', () => {
  const PHP_ESCAPED_TOKEN = TOKEN.replace(/\//g, '\\/');
  const echoes = [
    ['the Authorization header', `{"error":"bad request","headers":{"Authorization":"${BASIC}"}}`],
    ['the PHP-escaped header', `{"headers":{"Authorization":"Basic ${PHP_ESCAPED_TOKEN}"}}`],
    [
      'the secret in PHP-escaped JSON',
      JSON.stringify({ password: SECRET }).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    ],
    // Cut to 500 characters, a body would keep the first half of the token if it were redacted after the cut.
    ['the token across the cut', `${'x'.repeat(480)}${BASIC}${'y'.repeat(100)}`],
  ] as const;

  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(() => server.close());

  it.each(echoes)('keeps no trace of %s in any error body or message', async (_, body) => {
    const api = apiFor(server, globalThis.fetch as never);
    for (const status of [400, 401, 403, 418, 500]) {
      server.route('GET', `${API_PREFIX}/products/list`, (_r, res) => sendText(res, status, body));
      expectErrorHasNoSecret(leftOf(await api.products()()));
    }
    server.route('POST', `${API_PREFIX}/jobs/order`, (_r, res) => sendText(res, 200, body));
    expectErrorHasNoSecret(leftOf(await api.order([INTENTION])()));
    server.route('POST', `${API_PREFIX}/jobs/order`, (_r, res) => sendText(res, 503, body));
    expectErrorHasNoSecret(leftOf(await api.order([INTENTION])()));
    server.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) => sendText(res, 200, `[${body}]`));
    // An entry that names no job is left out; whatever comes back must be clean.
    expectNoSecret('status answer', await api.status([JOB])());
    server.route('GET', `${API_PREFIX}/jobs/status`, (_r, res) =>
      sendText(res, 200, JSON.stringify([{ uuid: JOB, status: 7, echo: body }])),
    );
    expectErrorHasNoSecret(leftOf(await api.status([JOB])()));
  });

  it('keeps the token out of a result file name and out of a redirect Location', async () => {
    const api = apiFor(server, globalThis.fetch as never);
    server.route('GET', `${API_PREFIX}/jobs/retrieve/${JOB}`, (_r, res) =>
      sendText(res, 200, 'pdf', { 'content-disposition': `attachment; filename="${TOKEN}.pdf"` }),
    );
    const file = await api.retrieve(JOB)();
    expectNoSecret('the file name', E.isRight(file) ? file.right.filename : file.left);
    server.route('POST', `${API_PREFIX}/jobs/order`, (_r, res) => {
      res.writeHead(303, { location: `/seen?auth=${encodeURIComponent(BASIC)}`, 'content-length': 0 }).end();
    });
    expectErrorHasNoSecret(leftOf(await api.order([INTENTION])()));
  });

  it('a config refused for a baseUrl that holds the secret does not show it', () => {
    for (const baseUrl of [
      `https://www.planviewer.nl:99999/?s=${SECRET}`,
      `htps//${SECRET}.planviewer.nl`,
      `https://www.planviewer.nl/?key=${encodeURIComponent(SECRET)}`,
    ]) {
      const r = normalizeConfig({ credentials: { key: KEY, secret: SECRET }, baseUrl });
      if (E.isRight(r)) throw new Error(`expected a refusal of ${baseUrl}`);
      expectErrorHasNoSecret(r.left);
    }
  });
});
