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
 * The tagged union of every failure.
 *
 * @example
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
  | InvalidInput
  | JobFailed;

/** Every tag of {@link PlanviewerError}. @category model */
export type PlanviewerErrorTag = PlanviewerError['_tag'];

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** @category constructors */
export const paymentRequired = (
  request: RequestSummary,
  intentions: readonly string[],
  body: string,
): PaymentRequired => ({ _tag: 'PaymentRequired', request, intentions, body });

/** @category constructors */
export const orderCapReached = (
  request: RequestSummary,
  intentions: readonly string[],
  message: string,
): OrderCapReached => ({ _tag: 'OrderCapReached', request, intentions, message });

/** @category constructors */
export const unauthorized = (request: RequestSummary, body: string): Unauthorized => ({
  _tag: 'Unauthorized',
  request,
  body,
});

/** @category constructors */
export const forbidden = (request: RequestSummary, body: string): Forbidden => ({
  _tag: 'Forbidden',
  request,
  body,
});

/** @category constructors */
export const badRequest = (request: RequestSummary, body: string): BadRequest => ({
  _tag: 'BadRequest',
  request,
  body,
});

/** @category constructors */
export const resultNotAvailable = (request: RequestSummary, body: string): ResultNotAvailable => ({
  _tag: 'ResultNotAvailable',
  request,
  body,
});

/** @category constructors */
export const notFound = (request: RequestSummary, body: string): NotFound => ({
  _tag: 'NotFound',
  request,
  body,
});

/** @category constructors */
export const jobNotFound = (job: string, misses: number): JobNotFound => ({
  _tag: 'JobNotFound',
  job,
  misses,
});

/** @category constructors */
export const rateLimited = (
  request: RequestSummary,
  body: string,
  retryAfterMs: number | undefined,
): RateLimited =>
  retryAfterMs === undefined
    ? { _tag: 'RateLimited', request, body }
    : { _tag: 'RateLimited', request, body, retryAfterMs };

/** @category constructors */
export const serverError = (
  request: RequestSummary,
  status: number,
  body: string,
  retryAfterMs?: number,
): ServerError =>
  retryAfterMs === undefined
    ? { _tag: 'ServerError', request, status, body }
    : { _tag: 'ServerError', request, status, body, retryAfterMs };

/** @category constructors */
export const unexpectedStatus = (
  request: RequestSummary,
  status: number,
  body: string,
): UnexpectedStatus => ({
  _tag: 'UnexpectedStatus',
  request,
  status,
  body,
});

/** @category constructors */
export const networkError = (
  request: RequestSummary,
  reachedServer: boolean,
  message: string,
  code?: string,
): NetworkError =>
  code === undefined
    ? { _tag: 'NetworkError', request, reachedServer, message }
    : { _tag: 'NetworkError', request, reachedServer, message, code };

/** @category constructors */
export const orderOutcomeUnknown = (
  request: RequestSummary | undefined,
  intentions: readonly string[],
  reason: string,
  location?: string,
): OrderOutcomeUnknown => ({
  _tag: 'OrderOutcomeUnknown',
  ...(request === undefined ? {} : { request }),
  intentions,
  reason,
  ...(location === undefined ? {} : { location }),
});

/** @category constructors */
export const timeout = (afterMs: number, request?: RequestSummary, lastStatus?: string): Timeout => ({
  _tag: 'Timeout',
  afterMs,
  ...(request === undefined ? {} : { request }),
  ...(lastStatus === undefined ? {} : { lastStatus }),
});

/** @category constructors */
export const aborted = (request?: RequestSummary): Aborted =>
  request === undefined ? { _tag: 'Aborted' } : { _tag: 'Aborted', request };

/** @category constructors */
export const decodeError = (
  request: RequestSummary,
  errors: readonly string[],
  body: string,
): DecodeError => ({
  _tag: 'DecodeError',
  request,
  errors,
  body,
});

/** @category constructors */
export const invalidInput = (field: string, reason: string): InvalidInput => ({
  _tag: 'InvalidInput',
  field,
  reason,
});

/** @category constructors */
export const jobFailed = (
  job: string,
  progress?: { readonly current: number; readonly total: number },
  intention?: string,
): JobFailed => ({
  _tag: 'JobFailed',
  job,
  ...(progress === undefined ? {} : { progress }),
  ...(intention === undefined ? {} : { intention }),
});

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Names the job an error ended. Errors that always name their job keep the one they have.
 *
 * @example
 * import { withJob, unauthorized } from 'planviewer-rx';
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
 * import { matchError, timeout } from 'planviewer-rx';
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
      return e.request.method === 'GET' || !e.reachedServer;
    case 'DecodeError':
      // A GET is idempotent: an odd or truncated body (a proxy's page, a cut connection) may well read
      // fine next time. An order's answer is never fetched again.
      return e.request.method === 'GET';
    default:
      return false;
  }
};
