/**
 * Names of the API's routes, used to count requests and to aim faults.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.requests.count('jobs/order'); // POST /product_api/v1/jobs/order requests so far
 * sim.faults.add({ route: 'jobs/status', nth: 1, fault: { kind: 'serverError' } });
 * ```
 */
export const ROUTE_IDS = [
  'products/list',
  'search/structured',
  'intentions/list',
  'jobs/order',
  'jobs/status',
  'jobs/retrieve',
  'kik/waiting',
  'kik/select',
  'documents/list',
  'documents/order',
  /** Any path that is not an API route (answered 404). */
  'unknown',
] as const;

/**
 * One of {@link ROUTE_IDS}: the API path below `/product_api/v1/`, without its uuid parameter.
 *
 * @example
 * ```ts
 * import { RouteId } from 'planviewer-rx/simulator';
 * const route: RouteId = 'jobs/retrieve'; // GET /product_api/v1/jobs/retrieve/{uuid}
 * ```
 */
export type RouteId = (typeof ROUTE_IDS)[number];

/**
 * The path prefix of every route.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * import { API_PREFIX } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * `${sim.url}${API_PREFIX}/products/list` === `${sim.apiUrl}/products/list`; // true
 * ```
 */
export const API_PREFIX = '/product_api/v1';
