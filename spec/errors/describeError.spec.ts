import {
  aborted,
  badRequest,
  bodyTooLarge,
  decodeError,
  describeError,
  forbidden,
  invalidInput,
  jobFailed,
  jobNotFound,
  ledgerFailed,
  networkError,
  notFound,
  orderCapReached,
  orderBudgetExhausted,
  orderOutcomeUnknown,
  paymentRequired,
  rateLimited,
  resultNotAvailable,
  serverError,
  timeout,
  unauthorized,
  unexpectedStatus,
  withJob,
  type PlanviewerError,
  type PlanviewerErrorTag,
  type RequestSummary,
} from '../../src/errors';

const order: RequestSummary = { method: 'POST', url: 'https://www.planviewer.nl/product_api/v1/jobs/order' };
const status: RequestSummary = { method: 'GET', url: 'https://www.planviewer.nl/product_api/v1/jobs/status' };
const I1 = 'c1d2e3f4-0000-4a1b-8c2d-111111111111';
const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';

/** One value of each of the 18 tags, and the facts its sentence must mention. */
const examples: ReadonlyArray<readonly [PlanviewerErrorTag, PlanviewerError, readonly (string | RegExp)[]]> =
  [
    ['PaymentRequired', paymentRequired(order, [I1], ''), ['402', /payment on account/, I1, order.url]],
    [
      'OrderCapReached',
      orderCapReached(order, [I1], 'You are trying to order more products'),
      ['429', /daily order cap/i, 'You are trying to order more products', I1, 'POST'],
    ],
    ['Unauthorized', unauthorized(status, '{"error":{"code":401}}'), ['401', /access key/, status.url]],
    ['Forbidden', forbidden(status, ''), ['403', status.url]],
    ['BadRequest', badRequest(order, 'uuids is invalid'), ['400', 'uuids is invalid', order.url]],
    ['ResultNotAvailable', resultNotAvailable(status, ''), ['404', /not finished/]],
    ['NotFound', notFound(status, ''), ['404', status.url]],
    ['JobNotFound', jobNotFound(JOB, 3), [JOB, '3 status responses']],
    ['RateLimited', rateLimited(status, '', 2500), ['429', '2.5 s']],
    ['ServerError', serverError(status, 503, 'down'), ['503', status.url]],
    ['UnexpectedStatus', unexpectedStatus(status, 418, "I'm a teapot"), ['418', "I'm a teapot"]],
    [
      'NetworkError',
      networkError(status, false, 'connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'),
      ['ECONNREFUSED', 'did not reach', status.url],
    ],
    [
      'OrderOutcomeUnknown',
      orderOutcomeUnknown(order, [I1, 'i2', 'i3', 'i4', 'i5'], 'the server answered 502'),
      [
        /may or may not have been placed/,
        I1,
        'and 2 more',
        'the server answered 502',
        /NOT re-sent/,
        /dashboard/,
      ],
    ],
    ['Timeout', timeout(30_000, status), ['30 s', status.url]],
    ['Aborted', aborted(status), [/Aborted/, status.url]],
    [
      'DecodeError',
      decodeError(status, ['[0].job.uuid: expected string, got undefined'], '[{}]'),
      ['[0].job.uuid: expected string, got undefined', status.url],
    ],
    [
      'BodyTooLarge',
      bodyTooLarge(status, 10_000_000, 60_000_000),
      ['10000000 bytes', 'Content-Length 60000000', 'maxJsonBodyBytes', status.url],
    ],
    ['InvalidInput', invalidInput('jobs[2]', 'expected a uuid'), ['jobs[2]', 'expected a uuid']],
    ['JobFailed', jobFailed(JOB, { current: 3, total: 6 }), [JOB, '"error"', '3/6']],
    [
      'LedgerFailed',
      ledgerFailed('postgres', 'begin-order', 'connect ECONNREFUSED 127.0.0.1:5432', [I1]),
      ['postgres', 'begin-order', 'ECONNREFUSED', I1, /was not sent/],
    ],
    [
      'OrderBudgetExhausted',
      orderBudgetExhausted([I1], '2026-03-29', 7, 7),
      ['7 of 7', '2026-03-29', 'Europe/Amsterdam', I1, /not sent/],
    ],
  ];

describe('describeError', () => {
  it('has an example for each of the 21 tags', () => {
    expect(new Set(examples.map(([tag, e]) => (tag === e._tag ? tag : `mismatch ${tag}`))).size).toBe(21);
  });

  it.each(examples)('describes %s in one sentence with the key facts', (_, e, facts) => {
    const text = describeError(e);
    expect(text).toMatch(/^[A-Z].*\.$/s);
    let rest = text;
    for (const fact of facts) {
      if (typeof fact === 'string') expect(text).toContain(fact);
      else expect(text).toMatch(fact);
      rest = rest.replace(fact, '');
    }
    // Whatever is left is the library's own wording: no holes from missing fields.
    expect(rest).not.toMatch(/undefined|null|\[object Object\]|NaN/);
  });

  // Order errors happen before any job exists, so they have no job to name.
  const beforeAnyJob = new Set<PlanviewerErrorTag>([
    'PaymentRequired',
    'OrderCapReached',
    'OrderOutcomeUnknown',
    'OrderBudgetExhausted',
  ]);
  it.each(examples.filter(([tag]) => !beforeAnyJob.has(tag)))(
    'names the job of %s when one is attached',
    (_, e) => {
      expect(describeError(withJob(e, JOB))).toContain(JOB);
    },
  );

  it('describes a job deadline differently from a request timeout', () => {
    expect(describeError(timeout(600_000, undefined, 'in_progress'))).toBe(
      'Deadline of 600 s passed while the job was "in_progress"; it may still finish on the server: follow it again with job$.',
    );
  });

  it('says a network failure may have reached the server when it may have', () => {
    expect(describeError(networkError(status, true, 'socket hang up', 'ECONNRESET'))).toContain(
      'may have reached',
    );
  });

  it('lists at most five decode problems', () => {
    const errors = Array.from({ length: 8 }, (_, i) => `[${i}].uuid: expected string, got 1`);
    const text = describeError(decodeError(status, errors, ''));
    expect(text).toContain('[4].uuid');
    expect(text).not.toContain('[5].uuid');
    expect(text).toContain('(+3 more)');
  });
});
