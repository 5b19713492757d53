/**
 * Seeded randomness for the benchmark, so every strategy sees the same workload and the same jitter draws
 * in every run.
 */

import { mulberry32, type Random } from '../src/simulator/random';

export type { Random };

/**
 * The simulator's mulberry32, seeded directly with a number: one generator for the whole project.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // the same first number in every run
 */
export const seededRandom = (seed: number): Random => mulberry32(seed);

/**
 * Replaces `Math.random` with a seeded source until the returned function is called. The anchors draw their
 * jitter from `Math.random` (smithy's waiter does) and cannot be handed a source, so this is the only way to
 * make their runs repeatable.
 *
 * @example
 * const restore = seedMathRandom(7);
 * try { runStrategy(); } finally { restore(); }
 */
export const seedMathRandom = (seed: number): (() => void) => {
  const original = Math.random;
  Math.random = seededRandom(seed);
  return () => {
    Math.random = original;
  };
};
