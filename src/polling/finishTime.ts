/**
 * Quantiles of the time a job may still need. Only what the poller uses: a normal approximation for
 * sums of several steps (the central limit theorem is good enough past two uniform steps) and the exact
 * trapezoid for "a step of unknown start plus one step" (the last step, where precision matters most).
 *
 * @since 0.1.0
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

const normalDensity = (x: number): number => Math.exp((-x * x) / 2) / SQRT_2PI;

/**
 * Φ(x) for x ≤ 0: the Taylor series near the middle, Laplace's continued fraction in the tail (where the
 * series would cancel). Both are exact to about 1e-14 relative: no table of fitted coefficients, which
 * would weigh more in a browser bundle than all of this.
 */
const normalLowerTail = (x: number): number => {
  if (x < -3) {
    let fraction = -x;
    for (let k = 200; k > 0; k--) fraction = -x + k / fraction;
    return normalDensity(x) / fraction;
  }
  let term = x;
  let sum = x;
  for (let n = 1; n < 80; n++) sum += (term *= (-x * x) / 2 / n) / (2 * n + 1);
  return 0.5 + sum / SQRT_2PI;
};

// The planner asks for a few probabilities (a policy's risk, the last-step aim) again and again.
const quantiles = new Map<number, number>();

/**
 * The standard normal quantile (inverse CDF), exact to about 1e-12: Newton's method on Φ from the tail's
 * asymptote. Remembered per `p`.
 *
 * @example
 * import { normalQuantile } from './finishTime';
 * Math.round(normalQuantile(0.975) * 100) / 100; // 1.96
 *
 * @category utils
 */
export const normalQuantile = (p: number): number => {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  let z = quantiles.get(p);
  if (z !== undefined) return z;
  const u = -2 * Math.log(p);
  z = -Math.sqrt(Math.max(0, u - Math.log(2 * Math.PI * u)));
  for (let i = 0, step = 1; i < 100 && Math.abs(step) > 1e-12; i++) {
    step = (normalLowerTail(z) - p) / normalDensity(z);
    z -= step;
  }
  if (quantiles.size < 64) quantiles.set(p, z);
  return z;
};

/**
 * The `p`-quantile of `U[0, w] + U[0, h]` (a trapezoid): when the last step started somewhere in a
 * window of width `w` (between two polls) and lasts its minimum plus up to `h` more.
 *
 * @example
 * import { trapezoidQuantile } from './finishTime';
 * trapezoidQuantile(0, 10, 0.5); // 5
 *
 * @category utils
 */
export const trapezoidQuantile = (w: number, h: number, p: number): number => {
  const short = Math.min(w, h);
  const long = Math.max(w, h);
  if (short <= 0) return p * long;
  const ramp = short / (2 * long);
  if (p <= ramp) return Math.sqrt(2 * p * short * long);
  if (p <= 1 - ramp) return short / 2 + p * long;
  return short + long - Math.sqrt(2 * (1 - p) * short * long);
};
