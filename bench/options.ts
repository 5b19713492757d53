import * as path from 'node:path';

/** What `npm run bench` was asked to do. */
export interface BenchOptions {
  /** Seconds, not minutes: N ≤ 10, a small scale run and a small download. For the test suite. */
  readonly smoke: boolean;
  /** Where results.json and benchmarks.md go; by default bench/results.json and docs/benchmarks.md. */
  readonly out?: string;
  /** N → repetitions of the polling runs. */
  readonly sizes: ReadonlyMap<number, number>;
  readonly scaleJobs: number;
  readonly downloadBytes: number;
  readonly downloadRepetitions: number;
}

/** Repetitions per N for the real run: small N repeat so one product draw does not decide them. */
const FULL_SIZES: ReadonlyMap<number, number> = new Map([
  [1, 60],
  [10, 10],
  [100, 3],
  [1_000, 1],
]);
const SMOKE_SIZES: ReadonlyMap<number, number> = new Map([
  [1, 2],
  [10, 1],
]);

/**
 * Parses `--smoke` and `--out <dir>` (or `--out=<dir>`); anything else is an error, so a typo never runs
 * the ten-minute bench by accident.
 *
 * @example
 * parseBenchOptions(['--smoke', '--out', '/tmp/bench']).smoke; // true
 */
export const parseBenchOptions = (argv: readonly string[]): BenchOptions => {
  let smoke = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--smoke') smoke = true;
    else if (arg === '--out') out = argv[++i];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else throw new Error(`unknown argument ${arg} (expected --smoke, --out <dir>)`);
    if (out === '') throw new Error('--out needs a directory');
  }
  if (argv.includes('--out') && out === undefined) throw new Error('--out needs a directory');
  return {
    smoke,
    ...(out === undefined ? {} : { out: path.resolve(out) }),
    sizes: smoke ? SMOKE_SIZES : FULL_SIZES,
    scaleJobs: smoke ? 100 : 10_000,
    downloadBytes: smoke ? 2_000_000 : 50_000_000,
    downloadRepetitions: smoke ? 1 : 21,
  };
};
