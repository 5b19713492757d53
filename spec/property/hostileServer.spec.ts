/**
 * Property-based tests (issue 10): generated hostile answers to every call of an order's life, fed
 * through the real client (http, api, jobs layers) by an in-memory fetch, in real time with tiny delays.
 *
 * Invariants, whatever the server says:
 * - nothing comes out of the RxJS error channel, and the stream completes;
 * - every intention sent gets an `Ordered` or a Left that names it (or the one Left of a failed order);
 * - every job ends exactly once, with a `Result` or a Left naming it, and nothing of it follows that;
 * - a Left names at most one job, and a job whose own answers were all healthy ends with its `Result`
 *   unless the whole order or every status request failed;
 * - the server sees at most one order POST per `order$`, even under `retry()` and a second subscriber;
 * - neither the secret nor the Basic token appears in any event, error or `describeError` sentence.
 *
 * Failures print fast-check's seed and path; rerun one with `FC_SEED=<seed> FC_PATH=<path>`.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { lastValueFrom, retry, toArray } from 'rxjs';
import { createPlanviewer } from '../../src/client/createPlanviewer';
import type { FetchLike, FetchResponseLike } from '../../src/config/FetchLike';
import { describeError, type PlanviewerError } from '../../src/errors';
import type { JobEvent } from '../../src/jobs';
import { BASIC, KEY, SECRET } from '../helpers/fixtures';
import { seedFromEnv } from './seedFromEnv';

const TOKEN = BASIC.slice('Basic '.length);
const I = (n: number): string => `c1d2e3f4-0000-4a1b-8c2d-${String(n).padStart(12, '0')}`;
const J = (n: number): string => `7e6d5c4b-3a29-4f18-9e07-${String(n).padStart(12, '0')}`;
const numberOf = (uuid: string): number => Number(uuid.slice(-12));

type Emission = E.Either<PlanviewerError, JobEvent>;

// -------------------------------------------------------------------------------------
// the generated server
// -------------------------------------------------------------------------------------

const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    '[',
    '[{"uuid":',
    'null',
    '{}',
    '<html>502</html>',
    `{"echo":"${BASIC}"}`,
    `"${SECRET}"`,
  ),
  fc.string({ maxLength: 40 }),
);

const progress = fc.oneof(
  fc.constant(undefined),
  fc.record({
    current: fc.oneof(fc.integer({ min: -100, max: 100 }), fc.constantFrom(1e308, -1e308, 0.5)),
    total: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom(1e308, 0)),
  }),
  fc.constantFrom('1/2', null, { current: '1', total: 2 }),
);

/** What one status answer says about one job. */
const statusEntry = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      status: fc.constantFrom(
        'initial',
        'in_progress',
        'queued',
        'waiting for user',
        'finished',
        'error',
        'FINISHED',
        '',
      ),
      progress,
      upper: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'missing' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'badShape' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'twice' as const }) },
);
type StatusEntry = typeof statusEntry extends fc.Arbitrary<infer A> ? A : never;

/** One status request: an answer of entries, or a failure of the request as a whole. */
const statusCall = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('entries' as const),
      entries: fc.array(statusEntry, { minLength: 4, maxLength: 4 }),
      extra: fc.constantFrom(
        [],
        [{ uuid: '../x', status: 'finished' }],
        [{ uuid: J(999), status: 'error' }],
        ['x', 3, null],
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('http' as const),
      status: fc.constantFrom(401, 404, 408, 418, 429, 500, 503),
      body: hostileText,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('body' as const), body: hostileText }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cut' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'huge' as const }) },
);
type StatusCall = typeof statusCall extends fc.Arbitrary<infer A> ? A : never;

const orderEntry = fc.constantFrom('ok', 'ok', 'ok', 'upper', 'badUuid', 'missing', 'twice', 'noJob');
const orderAnswer = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('entries' as const),
      entries: fc.array(orderEntry, { minLength: 4, maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('http' as const),
      status: fc.constantFrom(303, 400, 401, 402, 403, 429, 500, 502),
      body: hostileText,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('body' as const), body: hostileText }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cut' as const }) },
);

const hostileFilename = fc.oneof(
  fc.constantFrom(
    'attachment; filename="../../etc/passwd"',
    "attachment; filename*=UTF-8''..%2F..%2Fplanviewer-ledger.jsonl",
    'attachment; filename="C:\\\\Windows\\\\x.pdf"',
    "attachment; filename*=UTF-8''%00%0d%0a.pdf",
    `attachment; filename="${TOKEN}.pdf"`,
    'attachment; filename=""',
    'inline',
  ),
  // What a server can put in a header at all: no control characters, Latin-1 only (the rest percent-encoded).
  fc
    .string({ maxLength: 30 })
    .map(
      (s) =>
        `attachment; filename="${s.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, '?')}"; filename*=UTF-8''${encodeURIComponent(s)}`,
    ),
);
const retrieveAnswer = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('file' as const), disposition: hostileFilename }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'short' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('http' as const),
      status: fc.constantFrom(404, 500, 503),
      body: hostileText,
    }),
  },
);

const scenario = fc.record({
  intentions: fc.integer({ min: 1, max: 4 }),
  order: orderAnswer,
  statuses: fc.array(statusCall, { maxLength: 6 }),
  retrieves: fc.array(retrieveAnswer, { minLength: 4, maxLength: 4 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer A> ? A : never;

const respond = (
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): FetchResponseLike =>
  new Response(status === 204 ? null : (body as BodyInit), {
    status,
    headers,
  }) as unknown as FetchResponseLike;

/** A body whose connection breaks half-way. */
const cutBody = (status: number, text: string, headers: Record<string, string> = {}): FetchResponseLike => {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
      controller.error(new TypeError('terminated'));
    },
  });
  return new Response(stream, {
    status,
    headers: { ...headers, 'content-length': String(bytes.length) },
  }) as unknown as FetchResponseLike;
};

interface Server {
  readonly fetch: FetchLike;
  readonly orderPosts: () => number;
  /** Jobs with an odd status entry or download of their own (the others are healthy). */
  readonly sick: Set<string>;
}

const hostileServer = (s: Scenario): Server => {
  let posts = 0;
  let statusCalls = 0;
  const sick = new Set<string>();
  const entryFor = (job: string, e: StatusEntry): unknown[] => {
    if (e.kind === 'missing') return [];
    if (e.kind === 'badShape') return [{ uuid: job, status: 7, progress: 'x' }];
    if (e.kind === 'twice')
      return [
        { uuid: job, status: 'in_progress' },
        { uuid: job, status: 'error' },
      ];
    const uuid = e.upper ? job.toUpperCase() : job;
    return [{ uuid, status: e.status, ...(e.progress === undefined ? {} : { progress: e.progress }) }];
  };
  for (const call of s.statuses)
    if (call.kind === 'entries')
      call.entries.forEach((e, i) => {
        if (
          e.kind !== 'status' ||
          !['initial', 'in_progress', 'finished'].includes(e.status) ||
          e.progress !== undefined
        )
          sick.add(J(i));
      });
  s.retrieves.forEach((r, i) => {
    if (r.kind !== 'file') sick.add(J(i));
  });

  const statusAnswer = (call: StatusCall | undefined, asked: readonly string[]): FetchResponseLike => {
    if (call === undefined)
      return respond(
        200,
        JSON.stringify(
          asked.map((uuid) => ({ uuid, status: 'finished', progress: { current: 1, total: 1 } })),
        ),
      );
    switch (call.kind) {
      case 'http':
        return respond(call.status, call.body, call.status === 429 ? { 'retry-after': '0' } : {});
      case 'body':
        return respond(200, call.body);
      case 'cut':
        return cutBody(200, JSON.stringify(asked.map((uuid) => ({ uuid, status: 'finished' }))));
      case 'huge':
        return respond(200, `[${'{"uuid":"x","status":"in_progress"},'.repeat(200)}{}]`);
      case 'entries':
        return respond(
          200,
          JSON.stringify([
            ...asked.flatMap((uuid) => {
              const e = call.entries[numberOf(uuid)];
              return e === undefined ? [] : entryFor(uuid, e);
            }),
            ...call.extra,
          ]),
        );
    }
  };

  const fetch: FetchLike = async (input, init) => {
    if (init.signal.aborted) throw new DOMException('aborted', 'AbortError');
    const url = new URL(input);
    const path = url.pathname.replace('/product_api/v1', '');
    if (init.headers['authorization'] !== BASIC) return respond(401, 'no credentials');
    if (init.method === 'POST' && path === '/jobs/order') {
      posts++;
      const sent = (JSON.parse(init.body ?? '{}') as { uuids: string[] }).uuids;
      const a = s.order;
      if (a.kind === 'http')
        return respond(
          a.status,
          `${a.body} ${init.headers['authorization']}`,
          a.status === 303 ? { location: `/jobs/status?uuids[]=${J(0)}` } : {},
        );
      if (a.kind === 'body') return respond(200, a.body);
      if (a.kind === 'cut')
        return cutBody(200, JSON.stringify(sent.map((uuid) => ({ uuid, job: { uuid: J(numberOf(uuid)) } }))));
      return respond(
        200,
        JSON.stringify(
          sent.flatMap((uuid, i) => {
            const job = J(numberOf(uuid));
            switch (a.entries[i]) {
              case 'upper':
                return [{ uuid, job: { uuid: job.toUpperCase() } }];
              case 'badUuid':
                return [{ uuid, job: { uuid: '../x' } }];
              case 'missing':
                return [];
              case 'twice':
                return [
                  { uuid, job: { uuid: job } },
                  { uuid, job: { uuid: job } },
                ];
              case 'noJob':
                return [{ uuid }];
              default:
                return [{ uuid, job: { uuid: job } }];
            }
          }),
        ),
      );
    }
    if (init.method === 'GET' && path === '/jobs/status') {
      const asked = url.searchParams.getAll('uuids[]');
      return statusAnswer(s.statuses[statusCalls++], asked);
    }
    const retrieve = /^\/jobs\/retrieve\/(.+)$/.exec(path);
    if (init.method === 'GET' && retrieve !== null) {
      const r = s.retrieves[numberOf(retrieve[1] ?? '')];
      if (r === undefined || r.kind === 'file')
        return respond(200, new Uint8Array([37, 80, 68, 70]), {
          'content-type': 'application/pdf',
          'content-disposition': r?.disposition ?? 'attachment; filename="r.pdf"',
        });
      if (r.kind === 'short')
        return cutBody(200, 'only half of a pdf', { 'content-type': 'application/pdf' });
      return respond(r.status, `${r.body} ${init.headers['authorization']}`);
    }
    if (init.method === 'GET' && path.startsWith('/kik/waiting/'))
      return respond(200, JSON.stringify({ locaties: { '1': `A ${SECRET}` }, message: `Which? ${TOKEN}` }));
    return respond(404, 'no such route');
  };
  return { fetch, orderPosts: () => posts, sick };
};

// -------------------------------------------------------------------------------------
// the invariants
// -------------------------------------------------------------------------------------

const clientFor = (server: Server) =>
  createPlanviewer({
    credentials: { key: KEY, secret: SECRET },
    fetch: server.fetch,
    maxJsonBodyBytes: 4096,
    polling: {
      initialDelayMs: 1,
      minDelayMs: 1,
      precisionMs: 1,
      maxDelayMs: 4,
      jitterRatio: 0,
      expectedStepMs: 2,
    },
    retry: { baseDelayMs: 1, maxDelayMs: 4 },
  });

const expectNoSecret = (what: string, text: string): void => {
  for (const secret of [SECRET, TOKEN, TOKEN.slice(0, 12)])
    if (text.includes(secret)) throw new Error(`${what} shows the secret or token: ${text.slice(0, 300)}`);
};

const checkRun = (
  s: Scenario,
  sick: ReadonlySet<string>,
  sent: readonly string[],
  events: readonly Emission[],
): void => {
  // No secret anywhere.
  for (const e of events) {
    expectNoSecret(
      'an event',
      JSON.stringify(
        E.isRight(e) && e.right._tag === 'Result' ? { ...e.right, file: { ...e.right.file, blob: null } } : e,
      ),
    );
    if (E.isLeft(e)) expectNoSecret('describeError', describeError(e.left));
  }
  const lefts = events.filter(E.isLeft).map((e) => e.left);
  const orderLevel = lefts.filter(
    (l) => l.job === undefined && !('intentions' in l && l.intentions?.length === 1 && sent.length > 1),
  );
  const ordered = new Map<string, string>();
  const ended = new Map<string, Emission>();
  for (const e of events) {
    const job = E.isLeft(e) ? e.left.job : e.right.job;
    if (E.isRight(e) && e.right._tag === 'Ordered') {
      ordered.set(e.right.job, e.right.intention);
      continue;
    }
    if (job === undefined) continue;
    // Nothing of a job after its end; a job ends once.
    if (ended.has(job)) throw new Error(`job ${job} emitted after its end: ${JSON.stringify(e)}`);
    if (E.isLeft(e) || e.right._tag === 'Result' || e.right._tag === 'Finished') ended.set(job, e);
  }
  // Every job that was ordered ended.
  for (const job of ordered.keys()) if (!ended.has(job)) throw new Error(`job ${job} never ended`);
  // Every intention: Ordered, or a Left that names it.
  const namedByLeft = new Set(lefts.flatMap((l) => ('intentions' in l ? l.intentions : [])));
  if (orderLevel.length === 0 || ordered.size > 0)
    for (const intention of sent) {
      const hasJob = [...ordered.values()].some((i) => i.toLowerCase() === intention.toLowerCase());
      if (!hasJob && !namedByLeft.has(intention))
        throw new Error(`intention ${intention} neither Ordered nor named by a Left`);
    }
  // A healthy job of a placed order ends with its Result, unless status requests as a whole failed.
  const wholeFailures = s.statuses.some((c) => c.kind !== 'entries');
  if (!wholeFailures)
    for (const [job, end] of ended)
      if (!new Set([...Array(4).keys()].map(J)).has(job) || s.order.kind !== 'entries') continue;
      else if (!sick.has(job) && !(E.isRight(end) && end.right._tag === 'Result'))
        throw new Error(`healthy job ${job} ended with ${JSON.stringify(end)}`);
};

const run = async (s: Scenario): Promise<{ server: Server; runs: Emission[][] }> => {
  const server = hostileServer(s);
  const pv = clientFor(server);
  const sent = Array.from({ length: s.intentions }, (_, i) => I(i));
  const order$ = pv.order$(sent, { deadlineMs: 2_000 });
  // A retry() around the order$ and a second subscriber to it: still one POST, the same jobs.
  const runs = await Promise.all([
    lastValueFrom(order$.pipe(retry(2), toArray())),
    lastValueFrom(order$.pipe(toArray())),
  ]);
  return { server, runs };
};

describe('order$ against a generated hostile server (property)', () => {
  it('keeps every invariant', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { server, runs } = await run(s);
        expect(server.orderPosts()).toBe(1);
        const sent = Array.from({ length: s.intentions }, (_, i) => I(i));
        for (const events of runs) checkRun(s, server.sick, sent, events);
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 60), ...seedFromEnv() },
    );
  }, 120_000);
});
