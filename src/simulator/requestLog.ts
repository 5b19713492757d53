/**
 * What the simulator was asked: a count per route and a log of requests, so a test can assert
 * "exactly one POST /jobs/order" or "N status requests for M jobs".
 *
 * Entries hold the account key, never the secret or the Authorization header.
 */
import { type FaultKind } from './faults';
import { type RouteId } from './routeIds';

/**
 * One request as the simulator saw it.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * const polls = sim.requests.entries({ route: 'jobs/status' });
 * const polled = new Set(polls.flatMap((e) => e.uuids)); // job uuids asked about
 * ```
 */
export interface RequestLogEntry {
  /** 1-based arrival number across all routes. */
  readonly seq: number;
  readonly route: RouteId;
  readonly method: string;
  /** URL path, e.g. `/product_api/v1/jobs/status`. */
  readonly path: string;
  /** Raw query string without `?` (percent-encoded as sent), or ''. */
  readonly query: string;
  /** Key of the authenticated account, or null. */
  readonly account: string | null;
  /** Whether the request carried no credentials, wrong ones, or valid ones. */
  readonly auth: 'none' | 'invalid' | 'valid';
  /** Simulated time of arrival (simulator clock). */
  readonly time: number;
  /** Real time of arrival, `Date.now()`. */
  readonly realTime: number;
  /**
   * The uuids the request named, once parsed: job uuids of a status request (in order, duplicates
   * removed), intention uuids of an order, document identificaties of a documents order, the path uuid of
   * retrieve/kik/documents list. Empty if not parsed (e.g. faulted before the body was read).
   */
  readonly uuids: readonly string[];
  /** The fault applied to this request, or null. */
  readonly fault: FaultKind | null;
  /** Response status once sent; null while in flight or when the connection was dropped without one. */
  readonly status: number | null;
}

/**
 * Filter for {@link RequestLog.count} and {@link RequestLog.entries}; every given field must match.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.requests.count({ route: 'jobs/order', account: 'demo', status: 200 });
 * ```
 */
export interface RequestFilter {
  readonly route?: RouteId;
  readonly method?: string;
  readonly account?: string | null;
  readonly status?: number | null;
  readonly fault?: FaultKind | null;
}

/**
 * The request counters and log of a simulator.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * expect(sim.requests.count('jobs/order')).toBe(1);
 * expect(sim.requests.countsByRoute()).toEqual({ 'jobs/order': 1, 'jobs/status': 4, 'jobs/retrieve': 1 });
 * ```
 */
export interface RequestLog {
  /** Requests matching a route or a filter (all requests without an argument). */
  count(filter?: RouteId | RequestFilter): number;
  /** Logged entries matching a route or a filter, oldest first (a copy). */
  entries(filter?: RouteId | RequestFilter): readonly RequestLogEntry[];
  /** Requests per route; routes never requested are absent. */
  countsByRoute(): Readonly<Partial<Record<RouteId, number>>>;
  /** Requests since start (or since the last {@link clear}). */
  readonly total: number;
  /** Forgets every entry and count; later entries continue the `seq` numbering. */
  clear(): void;
}

/** A log entry while the request is in flight. @internal */
export type MutableEntry = {
  -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K];
};

/** @internal */
export interface RequestRecorder extends RequestLog {
  record(entry: Omit<RequestLogEntry, 'seq' | 'uuids' | 'fault' | 'status'>): MutableEntry;
}

/**
 * `maxEntries` bounds the memory of a long benchmark: older entries are dropped, while {@link
 * RequestLog.total} and route counts stay exact. A filter other than a route counts kept entries only.
 *
 * @internal
 */
export const createRequestLog = (maxEntries: number = Number.POSITIVE_INFINITY): RequestRecorder => {
  let entries: MutableEntry[] = [];
  let counts = new Map<RouteId, number>();
  let total = 0;
  let seq = 0;

  const matches = (filter: RouteId | RequestFilter | undefined) => {
    if (filter === undefined) return () => true;
    const f: RequestFilter = typeof filter === 'string' ? { route: filter } : filter;
    return (e: RequestLogEntry): boolean =>
      (f.route === undefined || e.route === f.route) &&
      (f.method === undefined || e.method === f.method.toUpperCase()) &&
      (f.account === undefined || e.account === f.account) &&
      (f.status === undefined || e.status === f.status) &&
      (f.fault === undefined || e.fault === f.fault);
  };

  return {
    record: (fields) => {
      seq += 1;
      total += 1;
      counts.set(fields.route, (counts.get(fields.route) ?? 0) + 1);
      const entry: MutableEntry = { seq, ...fields, uuids: [], fault: null, status: null };
      entries.push(entry);
      // Trim in batches: shifting one element per request would be quadratic.
      if (entries.length > maxEntries * 1.25 + 100) entries = entries.slice(entries.length - maxEntries);
      return entry;
    },
    count: (filter) => {
      if (filter === undefined) return total;
      if (typeof filter === 'string') return counts.get(filter) ?? 0;
      return entries.filter(matches(filter)).length;
    },
    entries: (filter) => {
      const kept = entries.length > maxEntries ? entries.slice(entries.length - maxEntries) : entries;
      return kept.filter(matches(filter)).map((e) => ({ ...e }));
    },
    countsByRoute: () => Object.fromEntries(counts),
    get total() {
      return total;
    },
    clear: () => {
      entries = [];
      counts = new Map();
      total = 0;
    },
  };
};
