import * as path from 'node:path';
import { WORKLOAD_SEED, WORKLOADS, type WorkloadName } from './workload';

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
  /** Workload seed of the main run (repetition k uses seed + k). @default WORKLOAD_SEED */
  readonly seed: number;
  /** Step model of the main run. @default 'catalogue' */
  readonly workload: WorkloadName;
  /** Seeds of the robustness runs (every step model each); none in a smoke run. */
  readonly robustnessSeeds: readonly number[];
}

/** The second seed of the robustness runs: any other seed would do; this one was picked before any run. */
export const SECOND_SEED = 7;

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
 * Parses `--smoke`, `--out <dir>`, `--seed <n>` and `--workload <name>` (each also as `--name=value`);
 * anything else is an error, so a typo never runs the fifteen-minute bench by accident.
 *
 * @example
 * parseBenchOptions(['--smoke', '--out', '/tmp/bench']).smoke; // true
 */
export const parseBenchOptions = (argv: readonly string[]): BenchOptions => {
  let smoke = false;
  let out: string | undefined;
  let seed = WORKLOAD_SEED;
  let workload: WorkloadName = 'catalogue';
  const value = (arg: string, name: string, i: number): [string, number] =>
    arg === name ? [argv[i + 1] ?? '', i + 1] : [arg.slice(name.length + 1), i];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--smoke') smoke = true;
    else if (arg === '--out') out = argv[++i];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const [text, next] = value(arg, '--seed', i);
      i = next;
      seed = Number(text);
      if (!Number.isSafeInteger(seed) || seed < 0)
        throw new Error(`--seed needs a whole number, got ${text}`);
    } else if (arg === '--workload' || arg.startsWith('--workload=')) {
      const [text, next] = value(arg, '--workload', i);
      i = next;
      if (!(text in WORKLOADS))
        throw new Error(`--workload must be one of ${Object.keys(WORKLOADS).join(', ')}, got ${text}`);
      workload = text as WorkloadName;
    } else
      throw new Error(
        `unknown argument ${arg} (expected --smoke, --out <dir>, --seed <n>, --workload catalogue|independent|paced)`,
      );
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
    seed,
    workload,
    robustnessSeeds: smoke ? [] : [seed, seed === SECOND_SEED ? SECOND_SEED + 1 : SECOND_SEED],
  };
};
