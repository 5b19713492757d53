import { normalQuantile, trapezoidQuantile } from '../../src/polling';

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959964],
    [0.025, -1.959964],
    [0.03, -1.880794],
    [0.999, 3.090232],
    [0.001, -3.090232],
  ])('Φ⁻¹(%p) = %p', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 5);
  });

  // Reference values from Wichura's AS 241 (Python's statistics.NormalDist.inv_cdf), accurate to 1e-16:
  // the tail (continued fraction), the middle (series) and both sides of where they meet (x = -3).
  it.each([
    [1e-100, -21.27345356096532],
    [1e-9, -5.9978070150076865],
    [0.0001, -3.71901648545568],
    [0.00135, -2.999976992703393],
    [0.0014, -2.98888226731579],
    [0.02425, -1.9729610513118845],
    [0.03, -1.8807936081512509],
    [0.45, -0.125661346855074],
    [0.97, 1.8807936081512509],
  ])('Φ⁻¹(%p) = %p to ten digits', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 10);
  });

  it('answers the same when asked again (remembered), is symmetric, and NaN for NaN', () => {
    expect(normalQuantile(0.2)).toBe(normalQuantile(0.2));
    expect(normalQuantile(0.8)).toBeCloseTo(-normalQuantile(0.2), 12);
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  it('is ±Infinity at the ends', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('trapezoidQuantile', () => {
  it.each([
    ['no start uncertainty: a uniform', 0, 10, 0.3, 3],
    ['the median of a symmetric trapezoid', 2, 10, 0.5, 6],
    ['in the rising ramp: sqrt(2·p·w·h)', 2, 10, 0.1, 2],
    ['in the falling ramp', 2, 10, 0.9, 10],
    ['order of the widths does not matter', 10, 2, 0.1, 2],
    ['a negative start window counts as none: the uniform alone', -1, 10, 0.3, 3],
  ])('%s', (_name, w, h, p, q) => {
    expect(trapezoidQuantile(w, h, p)).toBeCloseTo(q, 9);
  });

  it('agrees with sampling', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const samples = Array.from({ length: 20_000 }, () => 3 * random() + 8 * random()).sort((a, b) => a - b);
    for (const p of [0.02, 0.1, 0.5, 0.9]) {
      expect(trapezoidQuantile(3, 8, p)).toBeCloseTo(samples[Math.floor(p * samples.length)] ?? NaN, 1);
    }
  });
});
