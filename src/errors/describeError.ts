import { matchError, type PlanviewerError, type RequestSummary } from './PlanviewerError';

const list = (uuids: readonly string[]): string =>
  uuids.length <= 3 ? uuids.join(', ') : `${uuids.slice(0, 3).join(', ')} and ${uuids.length - 3} more`;
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/**
 * What happened and what to do, without where: {@link describeError} adds the request and the job to every
 * sentence the same way (the job only where the sentence does not already name it).
 */
const sentence = matchError<string>({
  PaymentRequired: (e) =>
    `Payment required (402): this account has no "payment on account", so ${e.intentions.length === 0 ? 'nothing was ordered' : `the order of ${list(e.intentions)} was not placed`}. Ask Planviewer to enable it`,
  OrderCapReached: (e) =>
    `Daily order cap reached (429): the order of ${list(e.intentions)} was not placed. Server says: "${e.message}". Ask Planviewer for a higher cap or order tomorrow`,
  Unauthorized: () => `Unauthorized (401): the access key id or secret is wrong, deactivated or deleted`,
  Forbidden: () => `Forbidden (403): not allowed for these credentials (another application's job?)`,
  BadRequest: (e) => `Bad request (400): the server refused the request${e.body === '' ? '' : `: ${e.body}`}`,
  ResultNotAvailable: () => `Result not available (404): the job has not finished successfully`,
  NotFound: () => `Not found (404)`,
  JobNotFound: (e) =>
    `Job ${e.job} was missing from ${e.misses} status responses in a row: unknown to the server (or to these credentials)`,
  RateLimited: (e) =>
    `Rate limited (429)${e.retryAfterMs === undefined ? '' : `, retry after ${seconds(e.retryAfterMs)}`}`,
  ServerError: (e) => `Server error (${e.status})`,
  UnexpectedStatus: (e) => `Unexpected HTTP status ${e.status}${e.body === '' ? '' : `: ${e.body}`}`,
  NetworkError: (e) =>
    `Network error${e.code === undefined ? '' : ` ${e.code}`}: ${e.message}; the request ${e.reachedServer ? 'may have reached' : 'did not reach'} the server`,
  OrderOutcomeUnknown: (e) =>
    `Order outcome unknown: the order of ${list(e.intentions)} may or may not have been placed (${e.reason}). It was NOT re-sent; check the Planviewer dashboard before ordering again`,
  Timeout: (e) =>
    e.lastStatus === undefined
      ? `Timed out after ${seconds(e.afterMs)}`
      : `Deadline of ${seconds(e.afterMs)} passed while the job was "${e.lastStatus}"; it may still finish on the server: follow it again with job$`,
  Aborted: () => `Aborted by the caller`,
  DecodeError: (e) =>
    `Unexpected response shape: ${e.errors.slice(0, 5).join('; ')}${e.errors.length > 5 ? ` (+${e.errors.length - 5} more)` : ''}`,
  BodyTooLarge: (e) =>
    `Response body over the limit of ${e.limitBytes} bytes${e.contentLength === undefined ? '' : ` (Content-Length ${e.contentLength})`}, not read further (raise maxJsonBodyBytes if the server is right)`,
  InvalidInput: (e) => `Invalid input ${e.field}: ${e.reason}`,
  JobFailed: (e) =>
    `Job ${e.job} failed on the server (status "error"${e.progress === undefined ? '' : ` at step ${e.progress.current}/${e.progress.total}`})`,
  LedgerFailed: (e) =>
    `Ledger ${e.ledger} failed (${e.operation}): ${e.reason}${e.intentions === undefined ? '' : `; the order of ${list(e.intentions)} was not sent`}${e.job === undefined ? '' : `; job ${e.job} stays unfinished in the ledger for resume$ once the ledger is back`}`,
  OrderBudgetExhausted: (e) =>
    `Order budget exhausted: ${e.used} of ${e.perDay} products already ordered on ${e.day} (Europe/Amsterdam); the order of ${list(e.intentions)} was not sent. Order tomorrow or raise orderBudget.perDay`,
});

/**
 * One sentence for people: what happened, where, and what to do about it. Never contains a credential.
 *
 * @example
 * import assert from 'node:assert';
 * import { describeError, orderCapReached } from 'planviewer-rx';
 * const text = describeError(orderCapReached({ method: 'POST', url: 'https://x/jobs/order' }, ['i-1'], 'Too many'));
 * assert.match(text, /daily order cap/);
 *
 * @since 0.1.0
 * @category destructors
 */
export const describeError = (e: PlanviewerError): string => {
  const text = sentence(e);
  const { request, job } = e as { readonly request?: RequestSummary; readonly job?: string };
  const at = request === undefined ? '' : ` (${request.method} ${request.url})`;
  return `${text}${at}${job === undefined || text.includes(job) ? '' : ` [job ${job}]`}.`;
};
