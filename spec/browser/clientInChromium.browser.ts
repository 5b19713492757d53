/**
 * The browser build of the client (the package's `browser` condition, bundled by esbuild as an app would)
 * in real Chromium: the failures of issue 9 as a browser produces them, not as a test double imitates them.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const APP = path.join(ROOT, '.tmp', 'browser-client');
const PACKAGE = path.join(APP, 'node_modules', 'planviewer-rx');
const INTENTION = 'c1d2e3f4-0000-4a1b-8c2d-111111111111';

describe('the browser build in Chromium', () => {
  let bundle: string;
  let server: http.Server;
  let origin: string;
  const requests: string[] = [];
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    await rm(APP, { recursive: true, force: true });
    await mkdir(PACKAGE, { recursive: true });
    await run(
      path.join(ROOT, 'node_modules', '.bin', 'tsup'),
      ['--config', 'build/tsup.browser.config.ts', '--out-dir', path.join(PACKAGE, 'dist'), '--silent'],
      { cwd: ROOT, timeout: 60_000 },
    );
    await writeFile(path.join(PACKAGE, 'package.json'), await readFile(path.join(ROOT, 'package.json')));
    await writeFile(path.join(APP, 'package.json'), '{ "name": "browser-client", "private": true }\n');
    await writeFile(
      path.join(APP, 'app.mjs'),
      "import * as pv from 'planviewer-rx';\nwindow.planviewer = pv;\n",
    );
    const built = await build({
      entryPoints: [path.join(APP, 'app.mjs')],
      absWorkingDir: APP,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    bundle = built.outputFiles[0]!.text;

    server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      requests.push(`${req.method} ${url}`);
      if (url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><script src="/app.js"></script>');
      } else if (url === '/app.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(bundle);
      } else if (url.startsWith('/ok/product_api/v1/products/list')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('[]');
      } else if (url.startsWith('/moved/')) {
        res.writeHead(307, { location: url.replace('/moved/', '/ok/') });
        res.end();
      } else {
        res.writeHead(599);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(origin);
    await page.waitForFunction(() => 'planviewer' in window);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await rm(APP, { recursive: true, force: true });
  });

  beforeEach(() => {
    requests.length = 0;
  });

  /** Runs `body` in the page with the package as `pv`; returns what it returns (JSON-safe). */
  const inPage = <A>(body: string): Promise<A> =>
    page.evaluate(`(async () => { const pv = window.planviewer; ${body} })()`) as Promise<A>;

  it("works with the default fetch and with the window's fetch given in the config", async () => {
    const results = await inPage<unknown[]>(`
      const byDefault = await pv.createPlanviewer({ baseUrl: '/ok' }).products()();
      const given = await pv.createPlanviewer({ baseUrl: '/ok', fetch: window.fetch }).products()();
      return [byDefault, given];`);
    expect(results).toEqual([
      { _tag: 'Right', right: [] },
      { _tag: 'Right', right: [] },
    ]);
  });

  it("reports a fetch Chromium refuses ('Illegal invocation') on an order as not sent, and sends nothing", async () => {
    const result = await inPage<{ _tag: string; left: Record<string, unknown> }>(`
      const misbound = { fetch: window.fetch };
      const wrong = (url, init) => misbound.fetch(url, init); // fetch called as a method of another object
      return pv.createPlanviewer({ baseUrl: '/ok', fetch: wrong }).order(['${INTENTION}'])();`);
    expect(result.left).toMatchObject({ _tag: 'NetworkError', reachedServer: false, code: 'NOT_SENT' });
    expect(String(result.left['message'])).toMatch(/Illegal invocation/);
    expect(requests).toEqual([]);
  });

  it('reports a redirect, which Chromium hides, as a typed REDIRECT error, never UnexpectedStatus 0', async () => {
    const result = await inPage<{ _tag: string; left: Record<string, unknown> }>(
      `return pv.createPlanviewer({ baseUrl: '/moved' }).products()();`,
    );
    expect(result.left).toMatchObject({ _tag: 'NetworkError', code: 'REDIRECT', reachedServer: true });
    expect(requests).toEqual(['GET /moved/product_api/v1/products/list']);
  });

  it('refuses a client without credentials for the real Planviewer origin, saying what to do', async () => {
    const message = await inPage<string>(`
      try { pv.createPlanviewer({}); return 'created'; } catch (e) { return e.message; }`);
    expect(message).toMatch(/needs credentials.*never ship the secret.*planviewer-rx\/proxy/s);
  });
});
