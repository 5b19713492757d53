import * as E from 'fp-ts/lib/Either.js';
import { statusBatches, urlOf } from '../../src/endpoints';

const uuidOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const jobs = (n: number): string[] => Array.from({ length: n }, (_, i) => uuidOf(i));
const ROOT = 'https://www.planviewer.nl/product_api/v1';
const LONG_ROOT = `https://proxy.example.com/${'p'.repeat(100)}/product_api/v1`;

const uuidsOf = (url: string): string[] =>
  new URL(url).search
    .slice(1)
    .split('&')
    .map((pair) => {
      const [k, v] = pair.split('=');
      expect(k).toBe('uuids%5B%5D');
      return decodeURIComponent(v as string);
    });

describe('statusBatches', () => {
  it.each([
    [ROOT, 1, 8000],
    [ROOT, 163, 8000],
    [ROOT, 164, 8000],
    [ROOT, 250, 2000],
    [ROOT, 1000, 8000],
    [ROOT, 7, 200],
    [LONG_ROOT, 100, 300],
    [LONG_ROOT, 333, 1000],
  ])(
    'keeps every URL within the limit and every uuid once, in order (%s, %i jobs, max %i)',
    (root, n, max) => {
      const asked = jobs(n);
      const r = statusBatches(root, asked, max);
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
      const urls = r.right.map((spec) => urlOf(root, spec));
      for (const url of urls) expect(url.length).toBeLessThanOrEqual(max);
      expect(urls.flatMap(uuidsOf)).toEqual(asked);
      for (const spec of r.right)
        expect(spec).toMatchObject({ method: 'GET', path: '/jobs/status', accept: 'json' });
    },
  );

  it('uses as few requests as the limit allows', () => {
    const r = statusBatches(ROOT, jobs(250), 2000);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    const sizes = r.right.map((spec) => spec.query?.length ?? 0);
    // Each batch but the last is full: one more uuid would not fit.
    for (const spec of r.right.slice(0, -1)) {
      const url = urlOf(ROOT, spec);
      expect(url.length + '&uuids%5B%5D='.length + 36).toBeGreaterThan(2000);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(250);
    expect(r.right.length).toBeGreaterThan(1);
  });

  it('sends one request when everything fits', () => {
    expect(E.map((specs: readonly unknown[]) => specs.length)(statusBatches(ROOT, jobs(10), 8000))).toEqual(
      E.right(1),
    );
  });

  it.each<[string, unknown, string]>([
    ['an empty list', [], 'jobs'],
    ['a bad uuid', [uuidOf(1), '../x'], 'jobs[1]'],
    ['a duplicate', [uuidOf(1), uuidOf(1)], 'jobs[1]'],
  ])('refuses %s', (_, value, field) => {
    const r = statusBatches(ROOT, value as string[], 8000);
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'InvalidInput', field });
  });
});
