/**
 * Faults: the ways a real server and network misbehave, switchable per route while the simulator runs.
 *
 * "Work" below means what the request does to the simulator's state: an order placed, a job resumed. A
 * fault marked "after the work" lets that happen and then spoils the response, which is exactly the case
 * a client must never answer with a second order.
 *
 * Delays and stalls are in real milliseconds: they are about the client's sockets and timeouts, not about
 * Planviewer's back office, so they do not follow the simulator clock.
 */
import { seededRandom, type Random } from './random';
import { type RouteId } from './routeIds';

/**
 * One kind of misbehaviour.
 *
 * - `serverError`: a 5xx (default 503) with a short body; by default before the work (nothing happens),
 *   with `afterWork: true` after it (e.g. an order placed, then a 502 from a proxy).
 * - `delay`: wait `ms` real milliseconds, then behave normally; `afterWork: true` waits between doing the
 *   work and answering. The work is done even if the client has given up by then.
 * - `stalledBody`: do the work, send the status line, headers (with the full Content-Length) and the first
 *   `afterBytes` bytes (default: half the body), then send nothing more. After `ms` (if given) the
 *   connection is destroyed; otherwise it stays open until the client gives up or the simulator closes.
 * - `resetBeforeWork`: destroy the connection (TCP reset) on arrival; nothing happens.
 * - `resetAfterWork`: do the work, then reset instead of answering: the order is placed, its response lost.
 * - `malformedJson`: do the work, then answer with the status and headers it would have had and a
 *   truncated, unparseable JSON body.
 * - `wrongShape`: do the work, then answer 200 with valid JSON of the wrong shape (default
 *   `{"unexpected":true}`, or `body`).
 * - `tooManyRequests`: answer 429 with `Retry-After` (default `1`, seconds or an HTTP date) and the
 *   documented 429 array body; nothing happens.
 * - `redirect`: answer `status` (default 307) with `Location`: `location` joined with the request's path
 *   and query (`keepPath`, default true) or `location` as given; nothing happens.
 *
 * @example
 * ```ts
 * import type { Fault, Simulator } from 'planviewer-rx/simulator';
 * declare const other: Simulator;
 * const lostOrder: Fault = { kind: 'resetAfterWork' };
 * const slow: Fault = { kind: 'delay', ms: 2_000 };
 * const elsewhere: Fault = { kind: 'redirect', location: other.url }; // other port, same host
 * ```
 */
export type Fault =
  | {
      readonly kind: 'serverError';
      readonly status?: number;
      readonly afterWork?: boolean;
      readonly body?: string;
    }
  | { readonly kind: 'delay'; readonly ms: number; readonly afterWork?: boolean }
  | { readonly kind: 'stalledBody'; readonly afterBytes?: number; readonly ms?: number }
  | { readonly kind: 'resetBeforeWork' }
  | { readonly kind: 'resetAfterWork' }
  | { readonly kind: 'malformedJson' }
  | { readonly kind: 'wrongShape'; readonly body?: unknown }
  | { readonly kind: 'tooManyRequests'; readonly retryAfter?: number | string }
  | {
      readonly kind: 'redirect';
      readonly location: string;
      readonly status?: 301 | 302 | 303 | 307 | 308;
      readonly keepPath?: boolean;
    };

/**
 * The name of a {@link Fault}.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.requests.count({ fault: 'resetAfterWork' });
 * ```
 */
export type FaultKind = Fault['kind'];

/**
 * When a fault applies. A rule sees every request whose route and method match; `nth` and `probability`
 * narrow that down (both given: both must hold); `times` caps how often it fires. Without `nth` and
 * `probability` it fires on every matching request. When several rules fire, the first added wins.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * // The 2nd and 3rd status requests after this rule was added get a 503:
 * sim.faults.add({ route: 'jobs/status', nth: [2, 3], fault: { kind: 'serverError' } });
 * // One order in ten loses its response, at most twice, reproducibly for a given seed:
 * sim.faults.add({ route: 'jobs/order', probability: 0.1, times: 2, fault: { kind: 'resetAfterWork' } });
 * ```
 */
export interface FaultRule {
  /** Route(s) it applies to. @default '*' (every route, including unknown paths) */
  readonly route?: RouteId | readonly RouteId[] | '*';
  /** HTTP method it applies to, e.g. 'POST'. @default any */
  readonly method?: string;
  readonly fault: Fault;
  /** 1-based number(s) of the matching requests, counted from when the rule was added. */
  readonly nth?: number | readonly number[];
  /** Chance (0..1) per matching request, drawn from the simulator's seed. */
  readonly probability?: number;
  /** Fire at most this many times. */
  readonly times?: number;
}

/**
 * A rule in force, with its counters.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * const fault = sim.faults.add({ route: 'jobs/order', fault: { kind: 'resetAfterWork' }, times: 1 });
 * // …
 * fault.applied; // 1
 * fault.remove();
 * ```
 */
export interface ActiveFault {
  readonly id: number;
  readonly rule: FaultRule;
  /** Matching requests seen. */
  readonly seen: number;
  /** Times it fired. */
  readonly applied: number;
  remove(): void;
}

/**
 * Switch faults on and off while the simulator runs.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.faults.add({ route: 'jobs/retrieve', fault: { kind: 'stalledBody', ms: 500 } });
 * sim.faults.clear();
 * ```
 */
export interface FaultController {
  add(rule: FaultRule): ActiveFault;
  remove(fault: ActiveFault | number): void;
  clear(): void;
  list(): readonly ActiveFault[];
}

/** @internal */
export interface FaultPicker extends FaultController {
  /** Counts the request against every matching rule; the fault of the first that fires, or null. */
  pick(route: RouteId, method: string): Fault | null;
}

/** @internal */
export const createFaults = (seed: string | number, initial: readonly FaultRule[] = []): FaultPicker => {
  const random: Random = seededRandom(seed, 'faults');
  let rules: Array<ActiveFault & { seen: number; applied: number }> = [];
  let nextId = 1;

  const add = (rule: FaultRule): ActiveFault => {
    validate(rule);
    const id = nextId++;
    const active = {
      id,
      rule,
      seen: 0,
      applied: 0,
      remove: () => {
        rules = rules.filter((r) => r.id !== id);
      },
    };
    rules.push(active);
    return active;
  };
  for (const rule of initial) add(rule);

  return {
    add,
    remove: (fault) => {
      const id = typeof fault === 'number' ? fault : fault.id;
      rules = rules.filter((r) => r.id !== id);
    },
    clear: () => {
      rules = [];
    },
    list: () => [...rules],
    pick: (route, method) => {
      let chosen: Fault | null = null;
      for (const active of rules) {
        const { rule } = active;
        if (!routeMatches(rule.route, route)) continue;
        if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue;
        active.seen += 1;
        if (chosen !== null) continue;
        if (rule.times !== undefined && active.applied >= rule.times) continue;
        if (
          rule.nth !== undefined &&
          !(typeof rule.nth === 'number' ? [rule.nth] : rule.nth).includes(active.seen)
        ) {
          continue;
        }
        if (rule.probability !== undefined && !(random() < rule.probability)) continue;
        active.applied += 1;
        chosen = rule.fault;
      }
      return chosen;
    },
  };
};

const routeMatches = (wanted: FaultRule['route'], route: RouteId): boolean =>
  wanted === undefined ||
  wanted === '*' ||
  (typeof wanted === 'string' ? wanted === route : wanted.includes(route));

const validate = (rule: FaultRule): void => {
  const fail = (why: string): never => {
    throw new TypeError(`simulator fault ${JSON.stringify(rule)}: ${why}`);
  };
  const { fault } = rule;
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    fail('probability must be between 0 and 1');
  }
  if (fault.kind === 'delay' && !(fault.ms >= 0)) fail('delay needs ms >= 0');
  if (
    fault.kind === 'serverError' &&
    fault.status !== undefined &&
    !(fault.status >= 500 && fault.status <= 599)
  ) {
    fail('serverError status must be 5xx');
  }
  if (fault.kind === 'redirect') {
    try {
      new URL(fault.location);
    } catch {
      fail('redirect location must be an absolute URL');
    }
  }
};
