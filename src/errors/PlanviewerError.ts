/**
 * Every failure the client can report, as readonly tagged data.
 *
 * Errors are values (`Either` lefts), never thrown. Each carries the context a person needs to act on it
 * (method, URL without credentials, HTTP status, job or intention uuids) and never a credential.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The request an error happened on. The URL never carries credentials; Basic auth lives in a header
 * that no error keeps.
 *
 * @category model
 */
export interface RequestSummary {
  readonly method: string;
  readonly url: string;
}

/** Job context: set when an error ends one job of a stream. @category model */
interface JobContext {
  /** The job this error ended, when it happened while following a job. */
  readonly job?: string;
}

/** 402: the account does not have "payment on account" enabled, so nothing can be ordered. @category model */
export interface PaymentRequired extends JobContext {
  readonly _tag: 'PaymentRequired';
  readonly request: RequestSummary;
  readonly intentions: readonly string[];
  readonly body: string;
}

/** 429 on an order: the daily order cap (plus grace) is reached; the order was not placed. @category model */
export interface OrderCapReached extends JobContext {
  readonly _tag: 'OrderCapReached';
  readonly request: RequestSummary;
  readonly intentions: readonly string[];
  /** The server's own message, e.g. "You are trying to order more products than…". */
  readonly message: string;
}

/** 401: missing or wrong access key id / secret. @category model */
export interface Unauthorized extends JobContext {
  readonly _tag: 'Unauthorized';
  readonly request: RequestSummary;
  readonly body: string;
}

/** 403: these credentials may not see this job (another application's job, or a disabled key). @category model */
export interface Forbidden extends JobContext {
  readonly _tag: 'Forbidden';
  readonly request: RequestSummary;
  readonly body: string;
}

/** 400: the server refused the request as invalid. @category model */
export interface BadRequest extends JobContext {
  readonly _tag: 'BadRequest';
  readonly request: RequestSummary;
  /** The response body, truncated. */
  readonly body: string;
}

/** 404 on retrieve: the job has not finished (successfully), so there is no result to download. @category model */
export interface ResultNotAvailable extends JobContext {
  readonly _tag: 'ResultNotAvailable';
  readonly request: RequestSummary;
  readonly body: string;
}

/** Any other 404. @category model */
export interface NotFound extends JobContext {
  readonly _tag: 'NotFound';
  readonly request: RequestSummary;
  readonly body: string;
}

/** A job the status endpoint stopped reporting, several polls in a row. @category model */
export interface JobNotFound {
  readonly _tag: 'JobNotFound';
  readonly job: string;
  /** How many status responses in a row left the job out. */
  readonly misses: number;
}

/** 429 anywhere but on an order: slow down. Retried automatically by the poller. @category model */
export interface RateLimited extends JobContext {
  readonly _tag: 'RateLimited';
  readonly request: RequestSummary;
  /** From the `Retry-After` header, when the server sent one. */
  readonly retryAfterMs?: number;
  readonly body: string;
}

/** 5xx (and 408): the server failed; safe to retry for GETs, never for an order. @category model */
export interface ServerError extends JobContext {
  readonly _tag: 'ServerError';
  readonly request: RequestSummary;
  readonly status: number;
  readonly retryAfterMs?: number;
  readonly body: string;
}

/** A status code the Product API does not document for this call. @category model */
export interface UnexpectedStatus extends JobContext {
  readonly _tag: 'UnexpectedStatus';
  readonly request: RequestSummary;
  readonly status: number;
  readonly body: string;
}

/**
 * The network failed. `reachedServer` says whether the request can have reached the server: `false` only
 * when the failure proves nothing was sent (connection refused, DNS failure), so only then is a retry of a
 * non-idempotent call safe.
 *
 * @category model
 */
export interface NetworkError extends JobContext {
  readonly _tag: 'NetworkError';
  readonly request: RequestSummary;
  readonly reachedServer: boolean;
  /** The system error code (`ECONNREFUSED`, `ECONNRESET`, …) when there is one. */
  readonly code?: string;
  readonly message: string;
}

/**
 * An order POST may or may not have been placed (the connection broke after sending, it timed out, the
 * server answered 5xx, answered 303, or answered without an entry for some intentions). It is never
 * re-sent: check the Planviewer dashboard before ordering again.
 *
 * @category model
 */
export interface OrderOutcomeUnknown extends JobContext {
  readonly _tag: 'OrderOutcomeUnknown';
  /** Absent when the order call itself succeeded but its answer has no (readable) entry for these intentions. */
  readonly request?: RequestSummary;
  readonly intentions: readonly string[];
  readonly reason: string;
  /** The `Location` of a redirect the server answered the order with (e.g. a 303 "see other"), resolved. */
  readonly location?: string;
}

/** A request took longer than the request timeout, or a job passed its deadline. @category model */
export interface Timeout extends JobContext {
  readonly _tag: 'Timeout';
  readonly request?: RequestSummary;
  readonly afterMs: number;
  /** For a job deadline: the last status seen. */
  readonly lastStatus?: string;
}

/** The caller aborted (AbortSignal) before the work completed. @category model */
export interface Aborted extends JobContext {
  readonly _tag: 'Aborted';
  readonly request?: RequestSummary;
}

/** A response body did not have the documented shape. @category model */
export interface DecodeError extends JobContext {
  readonly _tag: 'DecodeError';
  readonly request: RequestSummary;
  /** One line per problem, each naming the path, e.g. `[0].job.uuid: expected string, got undefined`. */
  readonly errors: readonly string[];
  readonly body: string;
}

/**
 * A JSON body was larger than `maxJsonBodyBytes`: reading stopped there (the rest was never held in
 * memory). Transient for a GET (a status answer is asked again, within the retry budget). @category model
 */
export interface BodyTooLarge extends JobContext {
  readonly _tag: 'BodyTooLarge';
  readonly request: RequestSummary;
  /** The configured limit. */
  readonly limitBytes: number;
  /** The announced `Content-Length`, when the server gave one. */
  readonly contentLength?: number;
}

/** Input refused before any request was sent (a malformed uuid, an empty list, a bad option). @category model */
export interface InvalidInput extends JobContext {
  readonly _tag: 'InvalidInput';
  /** What was wrong, e.g. `jobs[2]`, `credentials.key`, `baseUrl`. */
  readonly field: string;
  readonly reason: string;
}

/** The job ended with status `error` on the server. @category model */
export interface JobFailed {
  readonly _tag: 'JobFailed';
  readonly job: string;
  readonly intention?: string;
  readonly progress?: { readonly current: number; readonly total: number };
}

/**
 * A ledger (the durable record of orders and jobs, see docs/ledgers-and-workers.md) could not be read or
 * written. Before an order this means nothing was sent; while following a job it means the job was paused
 * (it stays unfinished in the ledger, and `resume$` picks it up when the ledger is back).
 *
 * @category model
 */
export interface LedgerFailed extends JobContext {
  readonly _tag: 'LedgerFailed';
  /** What we tried: `begin-order`, `answer-order`, `end-job`, `claim`, `renew-lease`, `release`, `budget`. */
  readonly operation: string;
  /** Which ledger, for people (`file /srv/out/planviewer-ledger.jsonl`, `postgres`, `localStorage`). */
  readonly ledger: string;
  readonly reason: string;
  /** The intentions of the order concerned, when there is one. */
  readonly intentions?: readonly string[];
}

/**
 * The client-side daily order budget (`orderBudget.perDay`) has no room for this order: nothing was sent.
 * The day is a calendar day in Europe/Amsterdam, as the server's cap.
 *
 * @category model
 */
export interface OrderBudgetExhausted extends JobContext {
  readonly _tag: 'OrderBudgetExhausted';
  readonly intentions: readonly string[];
  /** The budget's day, `YYYY-MM-DD` in Europe/Amsterdam. */
  readonly day: string;
  readonly perDay: number;
  /** Products already ordered (or reserved by orders in flight) on that day. */
  readonly used: number;
}

/**
 * The tagged union of every failure.
 *
 * @example
 * import assert from 'node:assert';
 * import { paymentRequired, type PlanviewerError } from 'planviewer-rx';
 * const e: PlanviewerError = paymentRequired({ method: 'POST', url: 'https://x/jobs/order' }, ['i-1'], '');
 * assert.strictEqual(e._tag, 'PaymentRequired');
 *
 * @category model
 */
export type PlanviewerError =
  | PaymentRequired
  | OrderCapReached
  | Unauthorized
  | Forbidden
  | BadRequest
  | ResultNotAvailable
  | NotFound
  | JobNotFound
  | RateLimited
  | ServerError
  | UnexpectedStatus
  | NetworkError
  | OrderOutcomeUnknown
  | Timeout
  | Aborted
  | DecodeError
  | BodyTooLarge
  | InvalidInput
  | JobFailed
  | LedgerFailed
  | OrderBudgetExhausted;

/** Every tag of {@link PlanviewerError}. @category model */
export type PlanviewerErrorTag = PlanviewerError['_tag'];

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A constructor of one error: its arguments become the fields named by `keys`, in that order, after the
 * `_tag`; an argument left `undefined` leaves its (optional) field out.
 */
const tagged = <F extends (...args: never[]) => PlanviewerError>(
  _tag: ReturnType<F>['_tag'],
  ...keys: readonly (keyof ReturnType<F>)[]
): F =>
  ((...values: readonly unknown[]) => {
    const e: Record<string | number | symbol, unknown> = { _tag };
    keys.forEach((key, i) => {
      if (values[i] !== undefined) e[key] = values[i];
    });
    return e;
  }) as unknown as F;

/** @category constructors */
export const paymentRequired = /* @__PURE__ */ tagged<
  (request: RequestSummary, intentions: readonly string[], body: string) => PaymentRequired
>('PaymentRequired', 'request', 'intentions', 'body');

/** @category constructors */
export const orderCapReached = /* @__PURE__ */ tagged<
  (request: RequestSummary, intentions: readonly string[], message: string) => OrderCapReached
>('OrderCapReached', 'request', 'intentions', 'message');

/** @category constructors */
export const unauthorized = /* @__PURE__ */ tagged<(request: RequestSummary, body: string) => Unauthorized>(
  'Unauthorized',
  'request',
  'body',
);

/** @category constructors */
export const forbidden = /* @__PURE__ */ tagged<(request: RequestSummary, body: string) => Forbidden>(
  'Forbidden',
  'request',
  'body',
);

/** @category constructors */
export const badRequest = /* @__PURE__ */ tagged<(request: RequestSummary, body: string) => BadRequest>(
  'BadRequest',
  'request',
  'body',
);

/** @category constructors */
export const resultNotAvailable = /* @__PURE__ */ tagged<
  (request: RequestSummary, body: string) => ResultNotAvailable
>('ResultNotAvailable', 'request', 'body');

/** @category constructors */
export const notFound = /* @__PURE__ */ tagged<(request: RequestSummary, body: string) => NotFound>(
  'NotFound',
  'request',
  'body',
);

/** @category constructors */
export const jobNotFound = /* @__PURE__ */ tagged<(job: string, misses: number) => JobNotFound>(
  'JobNotFound',
  'job',
  'misses',
);

/** @category constructors */
export const rateLimited = /* @__PURE__ */ tagged<
  (request: RequestSummary, body: string, retryAfterMs: number | undefined) => RateLimited
>('RateLimited', 'request', 'body', 'retryAfterMs');

/** @category constructors */
export const serverError = /* @__PURE__ */ tagged<
  (request: RequestSummary, status: number, body: string, retryAfterMs?: number) => ServerError
>('ServerError', 'request', 'status', 'body', 'retryAfterMs');

/** @category constructors */
export const unexpectedStatus: (request: RequestSummary, status: number, body: string) => UnexpectedStatus =
  /* @__PURE__ */ tagged('UnexpectedStatus', 'request', 'status', 'body') as (
    request: RequestSummary,
    status: number,
    body: string,
  ) => UnexpectedStatus;

/** @category constructors */
export const networkError = /* @__PURE__ */ tagged<
  (request: RequestSummary, reachedServer: boolean, message: string, code?: string) => NetworkError
>('NetworkError', 'request', 'reachedServer', 'message', 'code');

/** @category constructors */
export const orderOutcomeUnknown = /* @__PURE__ */ tagged<
  (
    request: RequestSummary | undefined,
    intentions: readonly string[],
    reason: string,
    location?: string,
  ) => OrderOutcomeUnknown
>('OrderOutcomeUnknown', 'request', 'intentions', 'reason', 'location');

/** @category constructors */
export const timeout = /* @__PURE__ */ tagged<
  (afterMs: number, request?: RequestSummary, lastStatus?: string) => Timeout
>('Timeout', 'afterMs', 'request', 'lastStatus');

/** @category constructors */
export const aborted = /* @__PURE__ */ tagged<(request?: RequestSummary) => Aborted>('Aborted', 'request');

/** @category constructors */
export const decodeError: (request: RequestSummary, errors: readonly string[], body: string) => DecodeError =
  /* @__PURE__ */ tagged('DecodeError', 'request', 'errors', 'body') as (
    request: RequestSummary,
    errors: readonly string[],
    body: string,
  ) => DecodeError;

/** @category constructors */
export const bodyTooLarge = /* @__PURE__ */ tagged<
  (request: RequestSummary, limitBytes: number, contentLength?: number) => BodyTooLarge
>('BodyTooLarge', 'request', 'limitBytes', 'contentLength');

/** @category constructors */
export const invalidInput = /* @__PURE__ */ tagged<(field: string, reason: string) => InvalidInput>(
  'InvalidInput',
  'field',
  'reason',
);

/** @category constructors */
export const jobFailed = /* @__PURE__ */ tagged<
  (
    job: string,
    progress?: { readonly current: number; readonly total: number },
    intention?: string,
  ) => JobFailed
>('JobFailed', 'job', 'progress', 'intention');

/** @category constructors */
export const ledgerFailed = /* @__PURE__ */ tagged<
  (ledger: string, operation: string, reason: string, intentions?: readonly string[]) => LedgerFailed
>('LedgerFailed', 'ledger', 'operation', 'reason', 'intentions');

/** @category constructors */
export const orderBudgetExhausted = /* @__PURE__ */ tagged<
  (intentions: readonly string[], day: string, perDay: number, used: number) => OrderBudgetExhausted
>('OrderBudgetExhausted', 'intentions', 'day', 'perDay', 'used');

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Names the job an error ended. Errors that always name their job keep the one they have.
 *
 * @example
 * import assert from 'node:assert';
 * import { withJob } from './PlanviewerError';
 * import { unauthorized } from 'planviewer-rx';
 * const e = withJob(unauthorized({ method: 'GET', url: 'https://x' }, ''), 'job-1');
 * assert.strictEqual(e.job, 'job-1');
 *
 * @category combinators
 */
export const withJob = <E extends PlanviewerError>(e: E, job: string): E =>
  e.job === undefined ? { ...e, job } : e;

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/** One handler per tag. @category destructors */
export type PlanviewerErrorHandlers<R> = {
  readonly [K in PlanviewerErrorTag]: (e: Extract<PlanviewerError, { _tag: K }>) => R;
};

/**
 * Exhaustive pattern match: the compiler insists on a handler for every tag.
 *
 * @example
 * import { matchError, timeout, type PlanviewerErrorHandlers } from 'planviewer-rx';
 * declare const everyOtherTagHandler: Omit<PlanviewerErrorHandlers<number>, 'Timeout'>;
 * const n = matchError<number>({ ...everyOtherTagHandler, Timeout: (e) => e.afterMs })(timeout(5000));
 *
 * @category destructors
 */
export const matchError =
  <R>(handlers: PlanviewerErrorHandlers<R>) =>
  (e: PlanviewerError): R =>
    (handlers[e._tag] as (e: PlanviewerError) => R)(e);

/**
 * Whether a retry of the same call can succeed without anyone changing anything. Never true for
 * an order whose outcome is unknown, nor for the daily cap, payment or credential errors. True for an
 * undecodable answer to a GET (status, waiting): the next answer may read fine.
 *
 * @category destructors
 */
export const isRetryable = (e: PlanviewerError): boolean => {
  switch (e._tag) {
    case 'RateLimited':
    case 'ServerError':
    case 'Timeout':
      return e._tag !== 'Timeout' || e.lastStatus === undefined;
    case 'NetworkError':
      // A redirect a browser hid is an answer, not a hiccup: asking again gets the same redirect.
      return e.code !== 'REDIRECT' && (e.request.method === 'GET' || !e.reachedServer);
    case 'DecodeError':
    case 'BodyTooLarge':
      // A GET is idempotent: an odd or truncated body (a proxy's page, a cut connection) may well read
      // fine next time. An order's answer is never fetched again.
      return e.request.method === 'GET';
    default:
      return false;
  }
};
