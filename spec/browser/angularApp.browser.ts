/**
 * The Angular example (examples/angular) as a person uses it: built with the Angular CLI against the
 * packed planviewer-rx, served by its own server.mjs (the app plus planviewer-rx/proxy) in front of the
 * simulator, and driven in headless Chromium. Asserts what the person sees: bars that advance, a link to
 * a real PDF for every job, and one POST per order at the API.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { demoAccount, scaledClock, startSimulator, type Simulator } from '../../src/simulator';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples', 'angular');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** The simulator's clock runs this much faster than real time; the page polls as much sooner. */
const SPEED = 5;
/** The example orders three batches (one POST each) holding four products at the sample address. */
const ORDERS = 3;
const JOBS = 4;

const elapsed = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Starts `node server.mjs` and resolves with the URL it prints once it listens. */
const startServer = (sim: Simulator): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd: EXAMPLE,
    env: {
      ...process.env,
      PORT: '0',
      PLANVIEWER_TARGET: sim.url,
      PLANVIEWER_KEY: demoAccount.key,
      PLANVIEWER_SECRET: demoAccount.secret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', (url) => resolve({ child, url }));
    child.once('exit', (code) => reject(new Error(`server.mjs exited with ${code}`)));
  });
};

/** Every few milliseconds, what each job row shows: its label and its "current/total" text. */
const recordRows = (): void => {
  const seen: Record<string, string[]> = {};
  (window as unknown as { seenRows: typeof seen }).seenRows = seen;
  setInterval(() => {
    for (const row of Array.from(document.querySelectorAll<HTMLElement>('.job'))) {
      const job = row.dataset['job'] ?? '?';
      const count = row.querySelector('.count')?.textContent?.trim() ?? '';
      const list = (seen[job] ??= []);
      if (list[list.length - 1] !== count) list.push(count);
    }
  }, 10);
};

describe('the Angular example in headless Chromium', () => {
  const started = Date.now();
  let buildOutput = '';
  let sim: Simulator;
  let server: { child: ChildProcess; url: string } | undefined;
  let context: BrowserContext | undefined;
  let userDataDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    if (!existsSync(path.join(EXAMPLE, 'node_modules', '@angular', 'build')))
      throw new Error('examples/angular has no node_modules: run `npm ci` there first');
    let since = Date.now();
    await run('npm', ['run', 'build'], { cwd: ROOT, timeout: 240_000 });
    console.log(`npm run build: ${elapsed(since)}`);
    since = Date.now();
    await run(process.execPath, ['use-local-package.mjs'], { cwd: EXAMPLE, timeout: 60_000 });
    const ng = await run(
      process.execPath,
      [path.join('node_modules', '@angular', 'cli', 'bin', 'ng.js'), 'build'],
      {
        cwd: EXAMPLE,
        timeout: 240_000,
        env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    buildOutput = `${ng.stdout}\n${ng.stderr}`;
    console.log(`ng build: ${elapsed(since)}`);

    sim = await startSimulator({ clock: scaledClock(SPEED), seed: 5 });
    server = await startServer(sim);
    userDataDir = await mkdtemp(path.join(tmpdir(), 'planviewer-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    server?.child.kill('SIGTERM');
    await sim?.close();
    if (userDataDir !== undefined) await rm(userDataDir, { recursive: true, force: true });
    console.log(`browser test, build included: ${elapsed(started)}`);
  });

  it('builds with the Angular CLI without a single CommonJS warning', () => {
    expect(buildOutput).toMatch(/Application bundle generation complete/);
    expect(buildOutput.match(/is not ESM|CommonJS/g) ?? []).toEqual([]);
    expect(buildOutput).not.toMatch(/WARNING/);
  });

  it('shows bars that advance and ends every job with a link to a real PDF, one POST per order', async () => {
    const since = Date.now();
    const page: Page = await context!.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.addInitScript(recordRows);
    await page.goto(`${server!.url}/?simulatorSpeed=${SPEED}`);
    await page.getByRole('button', { name: 'Order' }).click();

    await page
      .locator('a.result')
      .nth(JOBS - 1)
      .waitFor({ timeout: 60_000 });
    expect(await page.locator('.job').count()).toBe(JOBS);
    expect(await page.locator('.error').count()).toBe(0);

    const links = await page
      .locator('a.result')
      .evaluateAll((anchors) =>
        anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.getAttribute('download') })),
      );
    expect(links).toHaveLength(JOBS);
    for (const link of links) {
      expect(link.href).toMatch(/^blob:/);
      expect(link.download).toMatch(/\.pdf$/);
      // What the browser would save: the bytes behind the link, fetched inside the page.
      const file = await page.evaluate(async (href) => {
        const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
        return { head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.byteLength };
      }, link.href);
      expect(file.head).toBe('%PDF-');
      expect(file.size).toBeGreaterThan(500);
    }

    const seen = await page.evaluate(
      () => (window as unknown as { seenRows: Record<string, string[]> }).seenRows,
    );
    console.log(`what each bar showed: ${JSON.stringify(seen)}`);
    expect(Object.keys(seen)).toHaveLength(JOBS);
    for (const counts of Object.values(seen)) {
      const steps = counts.map((c) => c.split('/').map(Number) as [number, number]);
      const [current, total] = steps[steps.length - 1]!;
      expect(current).toBe(total);
      // Advancing: the bar showed at least one step between empty and full on the way.
      expect(steps.some(([c, t]) => c > 0 && c < t)).toBe(true);
    }

    expect(sim.requests.count('jobs/order')).toBe(ORDERS);
    expect(
      sim.requests
        .entries()
        .filter((r) => r.route === 'jobs/order')
        .every((r) => r.method === 'POST'),
    ).toBe(true);
    expect(sim.requests.count('jobs/retrieve')).toBe(JOBS);
    expect(pageErrors).toEqual([]);
    console.log(`in the browser: ${elapsed(since)}`);
  });
});
