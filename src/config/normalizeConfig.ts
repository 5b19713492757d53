import * as E from 'fp-ts/lib/Either.js';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';
import { redactError, secretForms } from '../errors/redactSecrets';
import { Credentials, type CredentialsInput } from './Credentials';
import { defaultFetch } from './defaultFetch';
import type { FetchLike } from './FetchLike';
import { isLoopbackHost } from './isLoopbackHost';
import { functionOption, MAX_TIMER_MS, numberOption, WHOLE } from './optionChecks';

/** The library version, sent in the default User-Agent. @internal */
export const LIBRARY_VERSION = '0.1.0';

/**
 * What `createPlanviewer` accepts. `credentials` are required unless `baseUrl` points at your own backend
 * (a browser app talking to `planviewer-rx/proxy`, which adds them on the server).
 *
 * @since 0.1.0
 * @category model
 */
export interface PlanviewerConfig {
  /**
   * The access key id and secret of your Application (dashboard → API Applicaties → Nieuwe Access Key).
   * Leave them out in a browser: the secret must stay on your server (see docs/browser-and-angular.md).
   */
  readonly credentials?: CredentialsInput;
  /**
   * The host, optionally with a path prefix; `/product_api/v1` is appended. In a browser it may be a path
   * of the page's own origin, such as `'/planviewer'`.
   * @default 'https://www.planviewer.nl'
   */
  readonly baseUrl?: string;
  /**
   * The fetch implementation. It is called as a plain function (never as a method of this config), so
   * `globalThis.fetch` works as it is.
   * @default the platform's `fetch`; cross-fetch where there is none
   */
  readonly fetch?: FetchLike;
  /**
   * How long one request may take, headers and body, before it fails with `Timeout`
   * (an order with `OrderOutcomeUnknown`). Downloads get the same budget to their first byte and then
   * {@link PlanviewerConfig.downloadIdleTimeoutMs} between chunks.
   * @default 30000
   */
  readonly requestTimeoutMs?: number;
  /**
   * How long a download may go without receiving a byte.
   * @default 30000
   */
  readonly downloadIdleTimeoutMs?: number;
  /**
   * Sent as `User-Agent` (Node only; browsers set their own).
   * @default 'planviewer-rx/<version>'
   */
  readonly userAgent?: string;
  /**
   * Redirects followed per request. Redirects are followed by this library, not by fetch, so that
   * `Authorization` is dropped on any change of origin and a POST never changes origin.
   * @default 3
   */
  readonly maxRedirects?: number;
  /**
   * Most characters in one status URL; a status call for more jobs is split into several requests.
   * @default 8000
   */
  readonly maxUrlLength?: number;
  /**
   * Most bytes of one JSON answer (status, order, products, search…). A larger answer is a `BodyTooLarge`
   * error, read no further than the limit. Result files (downloads) have no such limit.
   * @default 10000000
   */
  readonly maxJsonBodyBytes?: number;
  /**
   * Most requests of this client in flight at once (status, order, downloads, every one-shot call).
   * Further requests wait their turn before they are sent; their request timeout starts when they are
   * sent, so an order that waited in the queue and never left is never `OrderOutcomeUnknown`.
   * @default 8
   */
  readonly maxConcurrentRequests?: number;
}

/**
 * The validated config with every default filled in.
 *
 * @since 0.1.0
 * @category model
 */
export interface NormalizedConfig {
  /** `null` for a client of your own backend, which adds the credentials itself. */
  readonly credentials: Credentials | null;
  /** Origin plus API prefix, e.g. `https://www.planviewer.nl/product_api/v1`, without a trailing slash. */
  readonly apiRoot: string;
  readonly fetch: FetchLike;
  readonly requestTimeoutMs: number;
  readonly downloadIdleTimeoutMs: number;
  readonly userAgent: string;
  readonly maxRedirects: number;
  readonly maxUrlLength: number;
  readonly maxJsonBodyBytes: number;
  readonly maxConcurrentRequests: number;
}

const API_PREFIX = '/product_api/v1';

/** Each numeric option, a whole number: its default, least and most value (no most: `Infinity`). */
const NUMBER_OPTIONS = {
  requestTimeoutMs: [30_000, 1, MAX_TIMER_MS],
  downloadIdleTimeoutMs: [30_000, 1, MAX_TIMER_MS],
  maxRedirects: [3, 0, Infinity],
  maxUrlLength: [8000, 200, Infinity],
  maxJsonBodyBytes: [10_000_000, 1024, Infinity],
  maxConcurrentRequests: [8, 1, 1000],
} as const;

/** Hosts of the real Product API, which nobody may call without credentials. */
const isPlanviewerHost = (hostname: string): boolean => /(^|\.)planviewer\.nl\.?$/i.test(hostname);

const apiRootOf = (baseUrl: string, withCredentials: boolean): E.Either<InvalidInput, string> => {
  let url: URL;
  try {
    // Relative to the page's address in a browser (where a `baseUrl` may be a path); absolute elsewhere.
    url = new URL(baseUrl, (globalThis as { location?: { href?: string } }).location?.href);
  } catch {
    // Shown without anything up to an '@': a mistyped URL may still hold user:password.
    return E.left(
      invalidInput('baseUrl', `not a URL: ${JSON.stringify(String(baseUrl).replace(/^.*@/s, '…@'))}`),
    );
  }
  if (url.username !== '' || url.password !== '')
    return E.left(invalidInput('baseUrl', 'put credentials in `credentials`, not in the URL'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return E.left(
      invalidInput('baseUrl', `only https (or http to loopback) is supported, got ${url.protocol}`),
    );
  if (!withCredentials && isPlanviewerHost(url.hostname))
    return E.left(
      invalidInput(
        'credentials',
        `${url.hostname} needs credentials: { credentials: { key, secret } } on a server; in a browser never ship the secret: point baseUrl at your backend (e.g. '/planviewer') running planviewer-rx/proxy (docs/browser-and-angular.md)`,
      ),
    );
  if (withCredentials && url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return E.left(
      invalidInput('baseUrl', `refusing to send credentials over plain http to ${url.hostname}; use https`),
    );
  if (url.search !== '' || url.hash !== '')
    return E.left(invalidInput('baseUrl', 'a query string or fragment is not allowed'));
  const path = url.pathname.replace(/\/+$/, '');
  const root = path.endsWith(API_PREFIX) ? path : `${path}${API_PREFIX}`;
  return E.right(`${url.origin}${root}`);
};

/**
 * Validates a config and fills in the defaults, in one place. Every problem is an `InvalidInput` naming
 * the field; nothing is sent before the config is valid.
 *
 * @example
 * import { normalizeConfig } from './normalizeConfig';
 * const r = normalizeConfig({ credentials: { key: 'id', secret: 's' }, baseUrl: 'http://example.com' });
 * // r is Left(InvalidInput baseUrl: refusing to send credentials over plain http…)
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalizeConfig = (config: PlanviewerConfig): E.Either<InvalidInput, NormalizedConfig> =>
  E.mapLeft((e: InvalidInput) => redactError(inputSecretForms(config), e))(normalizeUnredacted(config));

/** The secret's forms from the raw input, so that a refusal (e.g. of a baseUrl holding it) never shows it. */
const inputSecretForms = (config: PlanviewerConfig): readonly string[] => {
  const given: unknown = (config as { credentials?: unknown } | null)?.credentials;
  const { key, secret } = (typeof given === 'object' && given !== null ? given : {}) as Record<
    string,
    unknown
  >;
  return typeof secret === 'string' && secret !== ''
    ? secretForms(typeof key === 'string' ? key : '', secret)
    : [];
};

const normalizeUnredacted = (config: PlanviewerConfig): E.Either<InvalidInput, NormalizedConfig> => {
  if (typeof config !== 'object' || config === null)
    return E.left(invalidInput('config', 'expected an object'));
  const notAFetch = functionOption('fetch', config.fetch, 'a fetch function');
  if (notAFetch !== undefined) return E.left(notAFetch);
  if (
    config.userAgent !== undefined &&
    (typeof config.userAgent !== 'string' || /[\r\n]/.test(config.userAgent))
  )
    return E.left(invalidInput('userAgent', 'expected a single-line string'));
  const withCredentials = config.credentials !== undefined;
  // The first problem in this order: credentials, baseUrl, then the numbers as listed.
  const credentials = withCredentials
    ? Credentials.from(config.credentials)
    : E.right<InvalidInput, Credentials | null>(null);
  if (E.isLeft(credentials)) return credentials;
  const apiRoot = apiRootOf(config.baseUrl ?? 'https://www.planviewer.nl', withCredentials);
  if (E.isLeft(apiRoot)) return apiRoot;
  const numbers: Record<string, number> = {};
  for (const [field, [fallback, min, max]] of Object.entries(NUMBER_OPTIONS)) {
    const value = config[field as keyof typeof NUMBER_OPTIONS];
    const problem = numberOption(field, value, min, max, WHOLE);
    if (problem !== undefined) return E.left(problem);
    numbers[field] = value ?? fallback;
  }
  return E.right({
    credentials: credentials.right,
    apiRoot: apiRoot.right,
    ...(numbers as Pick<NormalizedConfig, keyof typeof NUMBER_OPTIONS>),
    fetch: config.fetch ?? defaultFetch(),
    userAgent: config.userAgent ?? `planviewer-rx/${LIBRARY_VERSION}`,
  });
};
