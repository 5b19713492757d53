import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { FetchResponseLike } from '../config/FetchLike';
import { isLoopbackHost } from '../config/isLoopbackHost';
import type { NormalizedConfig } from '../config/normalizeConfig';
import { requestSummaryOf, urlOf, type RequestSpec } from '../endpoints/RequestSpec';
import { errorFromResponse, truncateBody } from '../errors/errorFromResponse';
import { redactError } from '../errors/redactSecrets';
import {
  aborted,
  networkError,
  orderOutcomeUnknown,
  timeout,
  type PlanviewerError,
  type RequestSummary,
} from '../errors/PlanviewerError';
import { describeNetworkFailure } from './networkFailure';
import { readTextPrefix } from './readBoundedText';
import { refusedRedirect } from './refusedRedirect';
import { limiterOf } from './requestLimiter';
import { isRefusedBeforeSending, requestRefusal } from './refusedBeforeSending';
import { parseRetryAfter } from './retryAfter';
import { mapLeft } from './taskEither';

/** Per-call options. @category model */
export interface CallOptions {
  /**
   * Aborting ends the call with `Aborted`; an order aborted after it went to fetch ends with
   * `OrderOutcomeUnknown` (it may have been sent).
   */
  readonly signal?: AbortSignal;
}

/** What a success reader gets besides the response. @internal */
export interface ReadContext {
  readonly request: RequestSummary;
  /** Call while bytes keep arriving: switches the request timeout to the idle timeout, re-armed each call. */
  readonly stillReceiving: () => void; /** Redacts the secret and the Basic token from text a reader keeps (a body, a file name). */
  readonly redact: (text: string) => string;
  /** Aborts with the request (the caller's abort, a timeout): a reader stops there, whatever the fetch does. */
  readonly signal: AbortSignal;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Of an error body only ~500 characters are kept: 1 MB of it is read at most (a 60 MB page is not). */
const ERROR_BODY_BYTES = 1024 * 1024;

/** A failure while reading a 2xx body that is not a network error (e.g. a truncated body). @internal */
export class BodyReadFailure extends Error {
  override readonly name = 'BodyReadFailure';
}

/** What a request that never left says about itself, so `describeError` reads "did not reach the server". */
const NOT_SENT = 'NOT_SENT';

/** A redirect a browser hid from us (`redirect: 'manual'` yields an opaque response with status 0). */
const isOpaqueRedirect = (response: FetchResponseLike): boolean =>
  response.type === 'opaqueredirect' || response.status === 0;

/**
 * The only place that calls `fetch`. Adds Basic auth (only ever to the configured origin), follows redirects
 * itself so credentials never cross to another origin (scheme, host or port) and a POST never changes origin,
 * enforces the timeout, honours the caller's AbortSignal, and turns every failure into a typed Left.
 *
 * A request that provably never left (the platform refused its arguments, or the caller aborted before it
 * went to fetch) is a `NetworkError` with `reachedServer: false` and code `NOT_SENT`, for an order too:
 * only a request that may have been sent makes an order's outcome unknown. In a browser a redirect is
 * opaque (no status, no Location), so it is reported as a `NetworkError` with code `REDIRECT`, never
 * followed blindly.
 *
 * `readSuccess` reads a 2xx body; whatever it throws is classified like any other network failure.
 *
 * @internal
 */
export const sendRequest = <A>(
  config: NormalizedConfig,
  spec: RequestSpec,
  readSuccess: (response: FetchResponseLike, context: ReadContext) => Promise<A>,
  options: CallOptions = {},
): TE.TaskEither<PlanviewerError, A> =>
  // The last line of defence: no error leaves the http layer with the secret or token in any string.
  mapLeft((e: PlanviewerError) => redactError(config.credentials?.secretForms() ?? [], e))(() =>
    // Waits for a slot of the client's concurrency limit first: the timeout starts when the request is
    // sent, and a request aborted while it waits was never sent (Aborted, even for an order).
    limiterOf(config).run(
      options.signal,
      () => E.left(aborted(requestSummaryOf(config.apiRoot, spec))),
      sendUnredacted(config, spec, readSuccess, options),
    ),
  );

const sendUnredacted =
  <A>(
    config: NormalizedConfig,
    spec: RequestSpec,
    readSuccess: (response: FetchResponseLike, context: ReadContext) => Promise<A>,
    options: CallOptions = {},
  ): TE.TaskEither<PlanviewerError, A> =>
  async () => {
    const request: RequestSummary = requestSummaryOf(config.apiRoot, spec);
    const isOrder = spec.call.kind === 'order';
    // A client of its own backend holds no secret, so there is nothing to redact.
    const redactWith = (text: string): string => config.credentials?.redact(text) ?? text;
    if (options.signal?.aborted === true) return E.left(aborted(request));

    const controller = new AbortController();
    let stopReason: 'caller' | 'timeout' | undefined;
    let timeoutMs = config.requestTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number): void => {
      if (timer !== undefined) clearTimeout(timer);
      timeoutMs = ms;
      timer = setTimeout(() => {
        stopReason ??= 'timeout';
        controller.abort();
      }, ms);
    };
    const onCallerAbort = (): void => {
      stopReason ??= 'caller';
      controller.abort();
    };
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    arm(config.requestTimeoutMs);
    let phase: 'sending' | 'reading' = 'sending';
    // Set right before fetch is called: until then nothing can have reached the server.
    let handedToFetch = false;

    try {
      const apiOrigin = new URL(config.apiRoot).origin;
      let url = urlOf(config.apiRoot, spec);
      let withCredentials = true;
      for (let redirects = 0; ; redirects++) {
        const headers: Record<string, string> = {
          accept: spec.accept === 'json' ? 'application/json' : '*/*',
          'user-agent': config.userAgent,
        };
        if (spec.body !== undefined) headers['content-type'] = 'application/json';
        // Checked on every hop: credentials go to the configured origin only, and once dropped stay dropped.
        withCredentials = withCredentials && new URL(url).origin === apiOrigin;
        const body = spec.body === undefined ? {} : { body: JSON.stringify(spec.body) };
        const refusal = requestRefusal(url, { method: spec.method, headers, ...body });
        const hop: RequestSummary =
          url === urlOf(config.apiRoot, spec) ? request : { method: spec.method, url };
        if (refusal !== undefined)
          return E.left(networkError(hop, false, truncateBody(`not sent: ${refusal}`), NOT_SENT));
        // After the check: the Authorization value is base64 of validated input, and never in a message.
        if (withCredentials && config.credentials !== null)
          headers['authorization'] = config.credentials.authorization();
        // Called as a plain function: a fetch stored on an object throws "Illegal invocation" in browsers.
        const callFetch = config.fetch;
        handedToFetch = true;
        const response = await callFetch(url, {
          method: spec.method,
          headers,
          ...body,
          redirect: 'manual',
          signal: controller.signal,
        });

        // A redirect not followed leaves its body to the end of the request (the abort in `finally`).
        if (isOpaqueRedirect(response))
          return E.left(
            networkError(
              hop,
              true,
              'the server answered with a redirect, which browsers hide from this client: set baseUrl to the address that answers',
              'REDIRECT',
            ),
          );
        if (REDIRECTS.has(response.status)) {
          const refusal = redirectRefusal(url, response, spec, redirects, config.maxRedirects);
          if (typeof refusal !== 'string')
            return E.left(
              refusedRedirect(hop, spec, response.status, refusal.reason, response.headers.get('location')),
            );
          // Read to its end, so the connection serves the next hop.
          await response.text().catch(() => '');
          url = refusal;
          continue;
        }
        if (response.status < 200 || response.status >= 300) {
          // Redacted before anything cuts it to size: a server may echo the Authorization header.
          const body = redactWith(await readTextPrefix(response, ERROR_BODY_BYTES).catch(() => ''));
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
          return E.left(errorFromResponse(hop, spec.call, response.status, body, retryAfterMs));
        }
        phase = 'reading';
        const value = await readSuccess(response, {
          request: hop,
          stillReceiving: () => arm(config.downloadIdleTimeoutMs),
          redact: redactWith,
          signal: controller.signal,
        });
        return E.right(value);
      }
    } catch (cause) {
      return E.left(
        handedToFetch
          ? classifyFailure(cause, request, spec, stopReason, phase, timeoutMs, isOrder)
          : notSent(cause, request, stopReason),
      );
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
      // Ends the request if a body is left unread (an error page or a JSON answer cut at its cap, a reader
      // that failed): node-fetch 2 keeps the connection, and the partial body in its buffers, open until
      // the server closes it otherwise. A request whose body was read to the end is not affected.
      controller.abort();
    }
  };

/** The next URL of a redirect, or why it is refused. */
const redirectRefusal = (
  from: string,
  response: FetchResponseLike,
  spec: RequestSpec,
  redirects: number,
  maxRedirects: number,
): string | { readonly reason: string } => {
  const location = response.headers.get('location');
  if (location === null) return { reason: 'redirect without a Location header' };
  if (redirects >= maxRedirects) return { reason: `more than ${maxRedirects} redirects` };
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return { reason: `redirect to an invalid URL` };
  }
  if (next.protocol !== 'https:' && !(next.protocol === 'http:' && isLoopbackHost(next.hostname)))
    return { reason: `refused redirect to insecure ${next.protocol}//${next.host}` };
  if (spec.method === 'POST') {
    // A POST (an order!) is only re-sent where it was meant to go, and only when the method is kept.
    if (next.origin !== new URL(from).origin)
      return { reason: `refused redirect of a POST to another origin (${next.origin})` };
    if (response.status !== 307 && response.status !== 308)
      return { reason: `refused ${response.status} redirect of a POST (it would turn into a GET)` };
  }
  return next.toString();
};

/** A failure before fetch was called: nothing can have been sent, an order included. */
const notSent = (
  cause: unknown,
  request: RequestSummary,
  stopReason: 'caller' | 'timeout' | undefined,
): PlanviewerError =>
  stopReason === 'caller'
    ? aborted(request)
    : networkError(
        request,
        false,
        truncateBody(`not sent: ${cause instanceof Error ? cause.message : String(cause)}`),
        NOT_SENT,
      );

const classifyFailure = (
  cause: unknown,
  request: RequestSummary,
  spec: RequestSpec,
  stopReason: 'caller' | 'timeout' | undefined,
  phase: 'sending' | 'reading',
  timeoutMs: number,
  isOrder: boolean,
): PlanviewerError => {
  const intentions = spec.call.kind === 'order' ? spec.call.intentions : [];
  // Checked first: a fetch that refused its arguments has sent nothing, even if an abort came after.
  if (phase === 'sending' && isRefusedBeforeSending(cause))
    return networkError(
      request,
      false,
      truncateBody(`not sent: ${cause instanceof Error ? cause.message : String(cause)}`),
      NOT_SENT,
    );
  if (stopReason === 'caller')
    return isOrder
      ? orderOutcomeUnknown(request, intentions, 'aborted by the caller after sending')
      : aborted(request);
  if (stopReason === 'timeout')
    return isOrder
      ? orderOutcomeUnknown(request, intentions, `no complete answer within ${timeoutMs} ms`)
      : timeout(timeoutMs, request);
  if (cause instanceof BodyReadFailure)
    return isOrder
      ? orderOutcomeUnknown(request, intentions, cause.message)
      : networkError(request, true, truncateBody(cause.message));
  const failure = describeNetworkFailure(cause);
  const nothingSent = failure.provesNothingSent && phase === 'sending';
  if (isOrder && !nothingSent)
    return orderOutcomeUnknown(
      request,
      intentions,
      `${failure.code ?? 'network failure'} ${phase === 'sending' ? 'while sending' : 'while reading the answer'}`,
    );
  return networkError(request, !nothingSent, truncateBody(failure.message), failure.code);
};
