import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
// Inside the repository, so that the consumer resolves rxjs, fp-ts and io-ts from our node_modules the way
// an application resolves its own copies of the peer dependencies.
const CONSUMER = path.join(ROOT, '.tmp', 'consumer');
const PACKAGE = path.join(CONSUMER, 'node_modules', 'planviewer-rx');
const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);

interface Report {
  readonly products: number;
  readonly files: number;
  readonly head: string;
  readonly isBlob: boolean;
  readonly size: number;
  readonly orders: number;
  readonly resolved: string;
}

const runConsumer = async (file: string): Promise<Report> => {
  const { stdout } = await run(process.execPath, [file], { cwd: CONSUMER, timeout: 20_000 });
  return JSON.parse(stdout.trim()) as Report;
};

describe('the built package, from a consumer', () => {
  beforeAll(async () => {
    await rm(CONSUMER, { recursive: true, force: true });
    await mkdir(PACKAGE, { recursive: true });
    // The real build (tsup.config.ts), into the consumer's node_modules, with the real package.json.
    await run(bin('tsup'), ['--out-dir', path.join(PACKAGE, 'dist'), '--silent'], {
      cwd: ROOT,
      timeout: 110_000,
    });
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as object;
    await writeFile(path.join(PACKAGE, 'package.json'), JSON.stringify(manifest));
    await cp(path.join(__dirname, 'consumer'), CONSUMER, { recursive: true });
  }, 120_000);

  afterAll(() => rm(CONSUMER, { recursive: true, force: true }));

  it.each(['consumer.cjs', 'consumer.mjs'])(
    '%s orders through the package and gets a real PDF Blob',
    async (file) => {
      expect(await runConsumer(file)).toEqual({
        products: expect.any(Number),
        files: 1,
        head: '%PDF-',
        isBlob: true,
        size: expect.any(Number),
        orders: 1,
        resolved: path.join(PACKAGE, 'dist', 'index.js'),
      });
    },
  );

  it('type-checks against the published declarations under both module conditions', async () => {
    await run(
      bin('tsc'),
      [
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        'types.cts',
        'types.mts',
      ],
      { cwd: CONSUMER, timeout: 60_000 },
    ).catch((e: { stdout?: string }) => {
      throw new Error(`tsc failed:\n${e.stdout ?? String(e)}`);
    });
  }, 60_000);
});
