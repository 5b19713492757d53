/**
 * Quantiles of the time a job may still need. Only what the poller uses: a normal approximation for
 * sums of several steps (the central limit theorem is good enough past two uniform steps) and the exact
 * trapezoid for "a step of unknown start plus one step" (the last step, where precision matters most).
 *
 * @since 0.1.0
 */

const horner = (coefficients: readonly number[], x: number): number =>
  coefficients.reduce((sum, c) => sum * x + c, 0);

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155922313, 1,
];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];
const P_LOW = 0.02425;

/**
 * The standard normal quantile (inverse CDF), Acklam's rational approximation (relative error < 1.2e-9).
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
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(Math.min(p, 1 - p)));
    const x = horner(C, q) / horner(D, q);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(A, r) * q) / horner(B, r);
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
