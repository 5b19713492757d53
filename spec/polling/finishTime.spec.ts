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
