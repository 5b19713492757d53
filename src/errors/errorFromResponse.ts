import {
  badRequest,
  forbidden,
  notFound,
  orderCapReached,
  orderOutcomeUnknown,
  paymentRequired,
  rateLimited,
  resultNotAvailable,
  serverError,
  unauthorized,
  unexpectedStatus,
  type PlanviewerError,
  type RequestSummary,
} from './PlanviewerError';

/** Which call a response belongs to: the same status code means different things per call. @category model */
export type CallKind =
  | { readonly kind: 'order'; readonly intentions: readonly string[] }
  | { readonly kind: 'retrieve' }
  | { readonly kind: 'other' };

/** Bodies kept on errors are cut to this many characters so that a huge HTML error page stays out of logs. */
export const MAX_ERROR_BODY_CHARS = 500;

/** Cuts an error body to {@link MAX_ERROR_BODY_CHARS} characters. @internal */
export const truncateBody = (body: string): string =>
  body.length <= MAX_ERROR_BODY_CHARS
    ? body
    : `${body.slice(0, MAX_ERROR_BODY_CHARS)}… (${body.length} chars)`;

/**
 * The 429 body of an order is an array like `[{"error":"true","message":"…"}]`; other APIs use
 * `{"error":{"message":…}}`. Read whichever is there and fall back to the raw text.
 */
const serverMessage = (body: string): string => {
  try {
    const parsed: unknown = JSON.parse(body);
    const first = (Array.isArray(parsed) ? parsed[0] : parsed) as
      { readonly message?: unknown; readonly error?: { readonly message?: unknown } } | null | undefined;
    const message = [first?.message, first?.error?.message].find((m) => typeof m === 'string');
    if (message !== undefined) return message as string;
  } catch {
    // Not JSON: the raw text is the message.
  }
  return truncateBody(body);
};

/**
 * Maps a non-2xx response to its typed error. Pure: the caller has already read the body and
 * parsed `Retry-After`.
 *
 * @example
 * import assert from 'node:assert';
 * import { errorFromResponse } from './errorFromResponse';
 * const e = errorFromResponse({ method: 'POST', url: 'https://x/jobs/order' }, { kind: 'order', intentions: ['i'] }, 402, '', undefined);
 * assert.strictEqual(e._tag, 'PaymentRequired');
 *
 * @since 0.1.0
 * @category constructors
 */
export const errorFromResponse = (
  request: RequestSummary,
  call: CallKind,
  status: number,
  rawBody: string,
  retryAfterMs: number | undefined,
): PlanviewerError => {
  const body = truncateBody(rawBody);
  // A 5xx or 408 on an order proves nothing: the server may have placed it before failing.
  if (call.kind === 'order' && (status >= 500 || status === 408))
    return orderOutcomeUnknown(request, call.intentions, `the server answered ${status}`);
  switch (status) {
    case 400:
      return badRequest(request, body);
    case 401:
      return unauthorized(request, body);
    case 402:
      return paymentRequired(request, call.kind === 'order' ? call.intentions : [], body);
    case 403:
      return forbidden(request, body);
    case 404:
      return call.kind === 'retrieve' ? resultNotAvailable(request, body) : notFound(request, body);
    case 429:
      return call.kind === 'order'
        ? orderCapReached(request, call.intentions, truncateBody(serverMessage(rawBody)))
        : rateLimited(request, body, retryAfterMs);
    default:
      return status >= 500 || status === 408
        ? serverError(request, status, body, retryAfterMs)
        : unexpectedStatus(request, status, body);
  }
};
