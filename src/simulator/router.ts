/**
 * Which handler serves a method and path. Paths may end in a slash; the `{uuid}` segment is passed on
 * undecoded and validated by the handler (so a malformed one is a 400 from the API, not a 404 here).
 *
 * @internal
 */
import { API_PREFIX, type RouteId } from './routeIds';
import { listDocuments, orderDocuments } from './routes/documents';
import { listIntentions } from './routes/intentions';
import { jobStatus, placeOrder, retrieveResult } from './routes/jobs';
import { kikSelect, kikWaiting } from './routes/kik';
import { listProducts } from './routes/products';
import { searchStructured } from './routes/search';
import { type RouteHandler } from './state';

interface RouteDefinition {
  readonly id: Exclude<RouteId, 'unknown'>;
  readonly method: 'GET' | 'POST';
  readonly withUuid: boolean;
  readonly handler: RouteHandler;
}

const ROUTES: readonly RouteDefinition[] = [
  { id: 'products/list', method: 'GET', withUuid: false, handler: listProducts },
  { id: 'search/structured', method: 'POST', withUuid: false, handler: searchStructured },
  { id: 'intentions/list', method: 'POST', withUuid: false, handler: listIntentions },
  { id: 'jobs/order', method: 'POST', withUuid: false, handler: placeOrder },
  { id: 'jobs/status', method: 'GET', withUuid: false, handler: jobStatus },
  { id: 'jobs/retrieve', method: 'GET', withUuid: true, handler: retrieveResult },
  { id: 'kik/waiting', method: 'GET', withUuid: true, handler: kikWaiting },
  { id: 'kik/select', method: 'POST', withUuid: true, handler: kikSelect },
  { id: 'documents/list', method: 'GET', withUuid: true, handler: listDocuments },
  { id: 'documents/order', method: 'POST', withUuid: false, handler: orderDocuments },
];

export type RouteMatch =
  | { readonly route: 'unknown' }
  | { readonly route: RouteId; readonly handler: null; readonly allow: string }
  | { readonly route: RouteId; readonly handler: RouteHandler; readonly param: string | undefined };

export const matchRoute = (method: string, path: string): RouteMatch => {
  if (!path.startsWith(`${API_PREFIX}/`)) return { route: 'unknown' };
  const segments = path
    .slice(API_PREFIX.length + 1)
    .replace(/\/$/, '')
    .split('/');
  const id = `${segments[0] ?? ''}/${segments[1] ?? ''}`;
  const route = ROUTES.find((r) => r.id === id && segments.length === (r.withUuid ? 3 : 2));
  if (route === undefined) return { route: 'unknown' };
  if (route.method !== method) return { route: route.id, handler: null, allow: route.method };
  return { route: route.id, handler: route.handler, param: route.withUuid ? segments[2] : undefined };
};
