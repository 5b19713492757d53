import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtInAccounts, scaledClock, startSimulator, type Simulator } from '../../../src/simulator';

/** The repository root: child processes run there so ts-node finds tsconfig.json. */
export const REPO = path.resolve(__dirname, '..', '..', '..');

/** What a finished child process left behind. */
export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `planviewer` (or demo) child process, with its output so far. */
export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  readonly done: Promise<Finished>;
}

/**
 * Spawns `node -r ts-node/register/transpile-only <script> …args` in the repo root with pipes for
 * stdin/stdout/stderr (so never a TTY) and the given environment on top of this process's.
 */
export const spawnScript = (
  script: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Running => {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  child.stdin.end();
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }));
  });
  return { child, stdout: () => out, stderr: () => err, done };
};

/** Runs `planviewer …args` to the end. */
export const runPlanviewer = (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<Finished> => spawnScript('src/cli/main.ts', args, env).done;

/** Polls `check` every 20 ms until it returns a value other than undefined, or fails after `timeoutMs` (a
 * child process can take tens of seconds just to start on a loaded 2-core machine). */
export const waitFor = async <A>(
  what: string,
  check: () => A | undefined,
  timeoutMs = 60_000,
): Promise<A> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A fresh temporary folder, removed by the returned cleanup. */
export const tempDir = (): { readonly dir: string; readonly remove: () => void } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planviewer-cli-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

/** Every regular file under `dir`, recursively, as absolute paths. */
export const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((d) => {
    const full = path.join(d.parentPath, d.name);
    return d.isFile() ? [full] : [];
  });

/** The ledger's lines in `outDir`, parsed. */
export const ledgerLines = (outDir: string): Array<Record<string, unknown>> => {
  const file = path.join(outDir, 'planviewer-ledger.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
};

/** Whether a file is a PDF: starts with `%PDF-` and has an end-of-file marker. */
export const isPdf = (file: string): boolean => {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.toString('latin1').includes('%%EOF');
};

/** Simulated seconds per real second in the CLI specs; the CLI gets the same as `--sim-speed`. */
export const SIM_SPEED = 50;

/** What {@link useCliSimulator} gives each test: a fresh simulator and a fresh temporary folder. */
export interface CliFixture {
  readonly sim: Simulator;
  readonly dir: string;
}

/**
 * Registers beforeEach/afterEach hooks that start a simulator on a scaled clock with an extra account
 * `cli` (password `secret`) and make a temporary folder, and close and remove both after each test.
 */
export const useCliSimulator = (secret: string): CliFixture => {
  let sim: Simulator | undefined;
  let tmp: ReturnType<typeof tempDir> | undefined;
  beforeEach(async () => {
    sim = await startSimulator({
      clock: scaledClock(SIM_SPEED),
      accounts: [...builtInAccounts, { key: 'cli', secret }],
    });
    tmp = tempDir();
  });
  afterEach(async () => {
    await sim?.close();
    tmp?.remove();
  });
  const current = <A>(value: A | undefined): A => {
    if (value === undefined) throw new Error('useCliSimulator: only available inside a test');
    return value;
  };
  return {
    get sim() {
      return current(sim);
    },
    get dir() {
      return current(tmp).dir;
    },
  };
};
