import type { CallKind } from '../errors/errorFromResponse';

/**
 * A request, described as data: built by the pure functions of `endpoints/`, sent by `http/`.
 *
 * @since 0.1.0
 * @category model
 */
export interface RequestSpec {
  readonly method: 'GET' | 'POST';
  /** Path below the API root, starting with '/', e.g. `/jobs/status`. */
  readonly path: string;
  /** Query pairs, in order; keys and values are percent-encoded when the URL is built. */
  readonly query?: ReadonlyArray<readonly [string, string]>;
  /** A JSON body (POST only). */
  readonly body?: unknown;
  /** JSON for every call but the result download. */
  readonly accept: 'json' | 'binary';
  /** Which call this is, so that a status code maps to the right error. */
  readonly call: CallKind;
}

/**
 * The absolute URL of a request: `uuids[]` style keys are encoded as `uuids%5B%5D`, as the docs show.
 *
 * @example
 * import { urlOf } from './RequestSpec';
 * urlOf('https://www.planviewer.nl/product_api/v1', { method: 'GET', path: '/jobs/status', query: [['uuids[]', 'a']], accept: 'json', call: { kind: 'other' } });
 * // 'https://www.planviewer.nl/product_api/v1/jobs/status?uuids%5B%5D=a'
 *
 * @since 0.1.0
 * @category utils
 */
export const urlOf = (apiRoot: string, spec: RequestSpec): string => {
  const query = (spec.query ?? [])
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `${apiRoot}${spec.path}${query === '' ? '' : `?${query}`}`;
};

const MAX_SUMMARY_URL_CHARS = 200;

/**
 * How a request is named in errors: method and URL, the URL cut to 200 characters (a status URL for a hundred
 * jobs would otherwise fill a log line).
 *
 * @internal
 */
export const requestSummaryOf = (apiRoot: string, spec: RequestSpec): { method: string; url: string } => {
  const url = urlOf(apiRoot, spec);
  return {
    method: spec.method,
    url: url.length <= MAX_SUMMARY_URL_CHARS ? url : `${url.slice(0, MAX_SUMMARY_URL_CHARS)}…`,
  };
};
