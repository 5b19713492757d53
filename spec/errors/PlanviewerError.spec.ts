import {
  aborted,
  badRequest,
  decodeError,
  forbidden,
  invalidInput,
  isRetryable,
  jobFailed,
  jobNotFound,
  matchError,
  networkError,
  notFound,
  orderCapReached,
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

const get: RequestSummary = { method: 'GET', url: 'https://x/product_api/v1/jobs/status' };
const post: RequestSummary = { method: 'POST', url: 'https://x/product_api/v1/jobs/order' };

describe('isRetryable', () => {
  it.each<[string, PlanviewerError, boolean]>([
    ['RateLimited', rateLimited(get, '', 1000), true],
    ['ServerError on a GET', serverError(get, 503, ''), true],
    ['a request Timeout', timeout(30_000, get), true],
    ['a job deadline Timeout', timeout(60_000, undefined, 'in_progress'), false],
    ['NetworkError on a GET that reached the server', networkError(get, true, 'reset', 'ECONNRESET'), true],
    ['NetworkError on a GET that did not', networkError(get, false, 'refused', 'ECONNREFUSED'), true],
    ['NetworkError on a POST that did not reach the server', networkError(post, false, 'refused'), true],
    ['NetworkError on a POST that may have reached it', networkError(post, true, 'reset'), false],
    ['OrderOutcomeUnknown', orderOutcomeUnknown(post, ['i'], 'timeout'), false],
    ['OrderCapReached', orderCapReached(post, ['i'], 'cap'), false],
    ['PaymentRequired', paymentRequired(post, ['i'], ''), false],
    ['Unauthorized', unauthorized(get, ''), false],
    ['Forbidden', forbidden(get, ''), false],
    ['BadRequest', badRequest(get, ''), false],
    ['ResultNotAvailable', resultNotAvailable(get, ''), false],
    ['NotFound', notFound(get, ''), false],
    ['JobNotFound', jobNotFound('j', 3), false],
    ['UnexpectedStatus', unexpectedStatus(get, 418, ''), false],
    ['Aborted', aborted(get), false],
    ['DecodeError', decodeError(get, [], ''), true],
    ['DecodeError of a POST', decodeError({ method: 'POST', url: 'https://x/jobs/order' }, [], ''), false],
    ['InvalidInput', invalidInput('jobs', 'empty'), false],
    ['JobFailed', jobFailed('j'), false],
  ])('%s → %s', (_, e, expected) => {
    expect(isRetryable(e)).toBe(expected);
  });
});

describe('withJob', () => {
  it('names the job on an error that had none, without changing the original', () => {
    const original = unauthorized(get, '');
    const named = withJob(original, 'job-1');
    expect(named).toEqual({ ...original, job: 'job-1' });
    expect(original).not.toHaveProperty('job');
  });

  it('keeps the job an error already names', () => {
    expect(withJob(withJob(timeout(100, get), 'job-1'), 'job-2').job).toBe('job-1');
    expect(withJob(jobNotFound('job-1', 3), 'job-2').job).toBe('job-1');
    expect(withJob(jobFailed('job-1'), 'job-2').job).toBe('job-1');
  });
});

describe('matchError', () => {
  it('calls the handler of the tag', () => {
    const tagOf = matchError<PlanviewerErrorTag>({
      PaymentRequired: (e) => e._tag,
      OrderCapReached: (e) => e._tag,
      Unauthorized: (e) => e._tag,
      Forbidden: (e) => e._tag,
      BadRequest: (e) => e._tag,
      ResultNotAvailable: (e) => e._tag,
      NotFound: (e) => e._tag,
      JobNotFound: (e) => e._tag,
      RateLimited: (e) => e._tag,
      ServerError: (e) => e._tag,
      UnexpectedStatus: (e) => e._tag,
      NetworkError: (e) => e._tag,
      OrderOutcomeUnknown: (e) => e._tag,
      Timeout: (e) => e._tag,
      Aborted: (e) => e._tag,
      DecodeError: (e) => e._tag,
      InvalidInput: (e) => e._tag,
      JobFailed: (e) => e._tag,
    });
    expect(tagOf(timeout(5))).toBe('Timeout');
    expect(tagOf(jobFailed('j'))).toBe('JobFailed');
  });
});

describe('constructors', () => {
  it('leave optional fields out instead of setting them to undefined', () => {
    expect(Object.keys(timeout(5))).toEqual(['_tag', 'afterMs']);
    expect(Object.keys(aborted())).toEqual(['_tag']);
    expect(Object.keys(networkError(get, true, 'm'))).not.toContain('code');
    expect(Object.keys(serverError(get, 500, ''))).not.toContain('retryAfterMs');
    expect(Object.keys(jobFailed('j'))).toEqual(['_tag', 'job']);
  });
});
