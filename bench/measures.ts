import { getHeapStatistics } from 'node:v8';

/** Mean, 95th percentile and maximum of a sample. */
export interface Spread {
  readonly mean: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * The q-quantile (0..1) by the nearest-rank method: always a value that occurred, never an interpolation.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2
 */
export const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
};

/**
 * The median.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export const median = (values: readonly number[]): number => quantile(values, 0.5);

/**
 * Mean, p95 and max.
 *
 * @example
 * spread([0, 500, 1000]); // { mean: 500, p95: 1000, max: 1000 }
 */
export const spread = (values: readonly number[]): Spread => ({
  mean: values.length === 0 ? NaN : values.reduce((sum, v) => sum + v, 0) / values.length,
  p95: quantile(values, 0.95),
  max: values.length === 0 ? NaN : values.reduce((m, v) => Math.max(m, v), -Infinity),
});

/**
 * Heap in use now, in bytes. `v8.getHeapStatistics` rather than `process.memoryUsage()`, which also reads
 * the RSS from the OS and would cost more than the thing measured when sampled at every step.
 *
 * @example
 * const before = heapUsed();
 */
export const heapUsed = (): number => getHeapStatistics().used_heap_size;

/**
 * Collects garbage if the process runs with `--expose-gc` (`npm run bench` does); a no-op otherwise.
 *
 * @example
 * collectGarbage();
 * const settled = heapUsed();
 */
export const collectGarbage = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
};

/**
 * A running maximum.
 *
 * @example
 * const peak = runningMax();
 * peak.see(3); peak.see(2); peak.value(); // 3
 */
export const runningMax = (): { see: (v: number) => void; value: () => number } => {
  let max = -Infinity;
  return { see: (v) => void (max = Math.max(max, v)), value: () => max };
};
