/**
 * Seeded randomness for the benchmark, so every strategy sees the same workload and the same jitter draws
 * in every run.
 */

/** A source of floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: small and fast; its 32-bit state is plenty for picking products and jitter.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // the same first number in every run
 */
export const seededRandom = (seed: number): Random => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

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
