import type { FetchLike } from '../../src/config/FetchLike';
import type { Random } from '../random';

/**
 * What a strategy gets for one run: where the simulator is, the shared counting fetch, the workload, and
 * a callback for the moment it notices a job ended.
 *
 * @example
 * const context: StrategyContext = { baseUrl, apiUrl, key, secret, fetch, orders, random, now, noticed };
 */
export interface StrategyContext {
  /** The simulator's origin (a client's `baseUrl`). */
  readonly baseUrl: string;
  /** `baseUrl` + `/product_api/v1`. */
  readonly apiUrl: string;
  readonly key: string;
  readonly secret: string;
  /** Every request of every strategy goes through this one fetch (in-flight counting, same HTTP stack). */
  readonly fetch: FetchLike;
  /** The orders to place, one after another, first thing (see `workloadOrders`). */
  readonly orders: readonly (readonly string[])[];
  /** Seeded jitter for strategies that accept a source (ours); the others use the seeded `Math.random`. */
  readonly random: Random;
  /** Virtual now. */
  readonly now: () => number;
  /** Call when the strategy has seen a job's final status (`finished` or `error`). */
  readonly noticed: (job: string, status: string) => void;
}

/**
 * One way of following N jobs to their end. `run` orders the workload, follows every job and resolves
 * when it has noticed each one's end.
 *
 * @example
 * const fixed: Strategy = { id: 'c', label: 'fixed 1 s loop', run: async (ctx) => { … } };
 */
export interface Strategy {
  /** Short id used in the table and results.json: `a` … `e`. */
  readonly id: string;
  readonly label: string;
  readonly run: (context: StrategyContext) => Promise<void>;
}
