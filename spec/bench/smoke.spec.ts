/**
 * `npm run bench -- --smoke`: the whole benchmark at toy sizes, in a child process (its fake timers and
 * seeded Math.random never touch this Jest worker), writing into a temp folder, never into docs/.
 */
import * as childProcess from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchResults } from '../../bench/BenchResults';

const ROOT = path.join(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs', 'benchmarks.md');

const mtimeOf = (file: string): number | undefined => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

describe('bench --smoke', () => {
  let out: string;
  let results: BenchResults;
  let markdown: string;
  const docsBefore = mtimeOf(DOCS);

  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'planviewer-bench-'));
    childProcess.execFileSync(
      process.execPath,
      ['--expose-gc', '-r', 'ts-node/register/transpile-only', 'bench/main.ts', '--smoke', '--out', out],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 90_000 },
    );
    results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as BenchResults;
    markdown = readFileSync(path.join(out, 'benchmarks.md'), 'utf8');
  }, 120_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('measures every strategy at every smoke size, with sane values', () => {
    expect(results.meta.smoke).toBe(true);
    const strategies = [...new Set(results.polling.map((r) => r.strategy))].sort();
    expect(strategies).toEqual(['a', 'b', 'c', 'd', 'e', 's1', 's2', 's3', 's4', 's5']);
    for (const r of results.polling) {
      expect(r.n).toBeLessThanOrEqual(10);
      expect(r.statusRequests).toBeGreaterThan(0);
      expect(r.detectionMs.mean).toBeGreaterThanOrEqual(0);
      expect(r.detectionMs.p95).toBeGreaterThanOrEqual(0);
      expect(r.detectionMs.max).toBeGreaterThanOrEqual(r.detectionMs.p95);
      expect(r.timersAlivePeak).toBeGreaterThanOrEqual(1);
    }
  });

  it('sends no more requests with planviewer-rx (a) than with the fixed 1 s loop (c)', () => {
    for (const n of new Set(results.polling.map((r) => r.n))) {
      const a = results.polling.find((r) => r.strategy === 'a' && r.n === n)!;
      const c = results.polling.find((r) => r.strategy === 'c' && r.n === n)!;
      expect(a.statusRequests).toBeLessThanOrEqual(c.statusRequests);
    }
  });

  it('runs the fixed loop on the virtual clock: one request per job per second, finish seen within 1 s', () => {
    for (const c of results.polling.filter((r) => r.strategy === 'c')) {
      expect(c.requestsPerJobSecond).toBeCloseTo(1, 1);
      expect(c.detectionMs.max).toBeLessThan(1_000);
    }
  });

  it('reports the scale and download records and every target', () => {
    expect(results.scale?.run.statusRequests).toBeGreaterThan(0);
    expect(results.scale?.heapPerJobBytes).toEqual(expect.any(Number));
    expect(results.download?.ours.medianMBps).toBeGreaterThan(0);
    expect(results.download?.raw.medianMBps).toBeGreaterThan(0);
    expect(results.targets).toHaveLength(6);
    expect(results.oracle?.map((o) => o.n)).toEqual([1, 10]);
    expect(markdown).toContain('# Benchmarks');
    expect(markdown).toContain('](benchmarks-polling.svg)');
    const chart = readFileSync(path.join(out, 'benchmarks-polling.svg'), 'utf8');
    expect(chart.startsWith('<svg')).toBe(true);
    expect(chart).toContain('oracle');
    expect(markdown).toContain('smoke run');
  });

  it('writes nothing into docs/', () => {
    expect(mtimeOf(DOCS)).toBe(docsBefore);
  });
});
