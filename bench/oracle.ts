import { quantile } from './measures';

/** One point of a requests-vs-delay curve. */
export interface CurvePoint {
  readonly label: string;
  readonly requestsPerJob: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** Delay bounds the oracle is computed for, ms. */
export const ORACLE_BOUNDS_MS = [0, 100, 250, 500, 1_000, 2_000] as const;

/**
 * The lower bound: an oracle that knows every job's finish and polls, batched, at the fewest instants
 * that notice every finish within `bound` ms (the greedy cover: a poll `bound` after the earliest finish
 * not yet noticed, which is optimal for covering points with windows of one width). Each instant carries
 * its jobs in requests of at most `batchSize`. No poller without foresight notices every finish within
 * `bound` for fewer requests; its p95 is at most `bound`.
 *
 * @example
 * oracleCurve([[1_000, 1_200, 5_000]], 150); // bound 250: polls at 1 250 and 5 250, 0.67 requests/job
 */
export const oracleCurve = (
  finishSets: readonly (readonly number[])[],
  batchSize: number,
  bounds: readonly number[] = ORACLE_BOUNDS_MS,
): CurvePoint[] =>
  bounds.map((bound) => {
    let requests = 0;
    let jobs = 0;
    const delays: number[] = [];
    for (const set of finishSets) {
      const finishes = [...set].sort((x, y) => x - y);
      jobs += finishes.length;
      for (let i = 0; i < finishes.length;) {
        const pollAt = finishes[i]! + bound;
        let j = i;
        while (j < finishes.length && finishes[j]! <= pollAt) delays.push(pollAt - finishes[j++]!);
        requests += Math.ceil((j - i) / batchSize);
        i = j;
      }
    }
    return {
      label: `oracle ≤ ${bound / 1_000} s`,
      requestsPerJob: jobs === 0 ? NaN : requests / jobs,
      p95Ms: quantile(delays, 0.95),
      maxMs: delays.length === 0 ? NaN : Math.max(...delays),
    };
  });
