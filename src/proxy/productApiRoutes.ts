import { isUuid } from '../endpoints/uuid';

/** The Product API calls a browser app may make through the proxy: method, path, and a uuid segment. */
const ROUTES: ReadonlyArray<{
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly uuid: boolean;
}> = [
  { method: 'GET', path: 'products/list', uuid: false },
  { method: 'POST', path: 'search/structured', uuid: false },
  { method: 'POST', path: 'intentions/list', uuid: false },
  { method: 'POST', path: 'jobs/order', uuid: false },
  { method: 'GET', path: 'jobs/status', uuid: false },
  { method: 'GET', path: 'jobs/retrieve', uuid: true },
  { method: 'GET', path: 'kik/waiting', uuid: true },
  { method: 'POST', path: 'kik/select', uuid: true },
  { method: 'GET', path: 'documents/list', uuid: true },
  { method: 'POST', path: 'documents/order', uuid: false },
];

/** Whether the proxy forwards a call, and if not, why. @internal */
export type RouteVerdict =
  | { readonly kind: 'forward' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'method not allowed'; readonly allow: string };

/**
 * Checks a path below `/product_api/v1/` (without the query) against the calls this library makes. A uuid
 * segment must be a uuid, so no `..`, encoded slash or other path can ride along to the API.
 *
 * @internal
 */
export const productApiRoute = (method: string, path: string): RouteVerdict => {
  const segments = path.split('/');
  const [first, second, third, ...rest] = segments;
  if (first === undefined || second === undefined || rest.length > 0) return { kind: 'unknown' };
  const candidates = ROUTES.filter(
    (r) => r.path === `${first}/${second}` && (r.uuid ? isUuid(third) : third === undefined),
  );
  if (candidates.length === 0) return { kind: 'unknown' };
  return candidates.some((r) => r.method === method)
    ? { kind: 'forward' }
    : { kind: 'method not allowed', allow: candidates.map((r) => r.method).join(', ') };
};
