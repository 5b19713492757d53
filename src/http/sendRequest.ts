import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { FetchResponseLike } from '../config/FetchLike';
import { isLoopbackHost } from '../config/isLoopbackHost';
import type { NormalizedConfig } from '../config/normalizeConfig';
import { requestSummaryOf, urlOf, type RequestSpec } from '../endpoints/RequestSpec';
import { errorFromResponse, truncateBody } from '../errors/errorFromResponse';
import {
  aborted,
  networkError,
  orderOutcomeUnknown,
  timeout,
  type PlanviewerError,
  type RequestSummary,
} from '../errors/PlanviewerError';
import { describeNetworkFailure } from './networkFailure';
import { refusedRedirect } from './refusedRedirect';
import { parseRetryAfter } from './retryAfter';

/** Per-call options. @category model */
export interface CallOptions {
  /** Aborting ends the call with `Aborted` (an order with `OrderOutcomeUnknown`: it may have been sent). */
  readonly signal?: AbortSignal;
}

/** What a success reader gets besides the response. @internal */
export interface ReadContext {
  readonly request: RequestSummary;
  /** Call while bytes keep arriving: switches the request timeout to the idle timeout, re-armed each call. */
  readonly stillReceiving: () => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A failure while reading a 2xx body that is not a network error (e.g. a truncated body). @internal */
export class BodyReadFailure extends Error {
  override readonly name = 'BodyReadFailure';
}

/**
 * The only place that calls `fetch`. Adds Basic auth (only ever to the configured origin), follows redirects
 * itself so credentials never cross to another origin (scheme, host or port) and a POST never changes origin,
 * enforces the timeout, honours the caller's AbortSignal, and turns every failure into a typed Left.
 *
 * `readSuccess` reads a 2xx body; whatever it throws is classified like any other network failure.
 *
 * @internal
 */
export const sendRequest =
  <A>(
    config: NormalizedConfig,
    spec: RequestSpec,
    readSuccess: (response: FetchResponseLike, context: ReadContext) => Promise<A>,
    options: CallOptions = {},
  ): TE.TaskEither<PlanviewerError, A> =>
  async () => {
    const request: RequestSummary = requestSummaryOf(config.apiRoot, spec);
    const isOrder = spec.call.kind === 'order';
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
        if (withCredentials) headers['authorization'] = config.credentials.authorization();
        const response = await config.fetch(url, {
          method: spec.method,
          headers,
          ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
          redirect: 'manual',
          signal: controller.signal,
        });
        const hop: RequestSummary =
          url === urlOf(config.apiRoot, spec) ? request : { method: spec.method, url };

        if (REDIRECTS.has(response.status)) {
          const refusal = redirectRefusal(url, response, spec, redirects, config.maxRedirects);
          if (typeof refusal !== 'string') {
            await response.text().catch(() => '');
            return E.left(
              refusedRedirect(hop, spec, response.status, refusal.reason, response.headers.get('location')),
            );
          }
          await response.text().catch(() => '');
          url = refusal;
          continue;
        }
        if (response.status < 200 || response.status >= 300) {
          const body = await response.text().catch(() => '');
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
          return E.left(errorFromResponse(hop, spec.call, response.status, body, retryAfterMs));
        }
        phase = 'reading';
        const value = await readSuccess(response, {
          request: hop,
          stillReceiving: () => arm(config.downloadIdleTimeoutMs),
        });
        return E.right(value);
      }
    } catch (cause) {
      return E.left(classifyFailure(cause, request, spec, stopReason, phase, timeoutMs, isOrder));
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
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
