import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/chromium';
import {
  manualClock,
  sampleAddress,
  startSimulator,
  type ManualClock,
  type Simulator,
} from '../../src/simulator';

// The reload scenario in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by
// playwright-core (which gives every launch a fresh profile folder). The page and the Product API share one loopback origin (this spec's server forwards
// /product_api/ to the simulator), as an app and its backend proxy would.

interface Seen {
  readonly tag: string;
  readonly job?: string;
  readonly size?: number;
  readonly text?: string;
}

const bundlePage = async (): Promise<string> => {
  const result = await build({
    entryPoints: [path.join(__dirname, 'browser', 'reloadPage.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
};

const serve = (script: string, sim: Simulator): Promise<http.Server> =>
  new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith('/product_api/')) {
        const upstream = http.request(
          `${sim.url}${req.url}`,
          { method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
        return;
      }
      if (req.url === '/page.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(script);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><script src="/page.js"></script></body></html>');
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

const events = (page: Page): Promise<Seen[]> =>
  page.evaluate(() => (window as unknown as { planviewer: { events: Seen[] } }).planviewer.events);

const waitFor = async (page: Page, what: (seen: Seen[]) => boolean, ms = 20_000): Promise<Seen[]> => {
  const until = Date.now() + ms;
  for (;;) {
    const seen = await events(page);
    if (what(seen)) return seen;
    if (Date.now() > until) throw new Error(`timed out; the page saw ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const chromiumAvailable = fs.existsSync(CHROMIUM);
if (!chromiumAvailable && process.env['CI'] !== undefined)
  throw new Error(`${CHROMIUM} is missing: .ci/run must install the Debian package chromium`);

(chromiumAvailable ? describe : describe.skip)('storageLedger in headless Chromium', () => {
  let sim: Simulator;
  let clock: ManualClock;
  let server: http.Server;
  let browser: Browser;

  beforeAll(async () => {
    clock = manualClock();
    sim = await startSimulator({ clock });
    server = await serve(await bundlePage(), sim);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', ...CHROMIUM_ARGS],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await sim?.close();
  });

  it('a page reloaded mid-order resumes its jobs from localStorage: 1 POST, each result downloaded once', async () => {
    const intentions = sim.catalogue
      .intentionsAt(sampleAddress.uuid, ['bestemmingsplanrapport', 'vraagprijsrapport'])
      .map((i) => i.uuid);
    expect(intentions).toHaveLength(2);
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await page.goto(origin);
    await page.evaluate((uuids) => {
      (window as unknown as { planviewer: { order: (u: string[]) => void } }).planviewer.order(uuids);
    }, intentions);
    const ordered = await waitFor(page, (seen) => seen.filter((e) => e.tag === 'Ordered').length === 2);
    const jobs = ordered.filter((e) => e.tag === 'Ordered').map((e) => e.job!);

    // The reload: the page, its client and its subscriptions are gone; localStorage is not.
    await page.reload();
    expect(await events(page)).toEqual([]);
    await page.evaluate(() => {
      (window as unknown as { planviewer: { resume: () => void } }).planviewer.resume();
    });
    clock.set(Math.max(...sim.jobs.list().map((j) => j.finishedAt)) + 1);
    const after = await waitFor(page, (seen) => seen.some((e) => e.tag === 'resume-complete'));

    expect(
      after
        .filter((e) => e.tag === 'Result')
        .map((e) => e.job)
        .sort(),
    ).toEqual([...jobs].sort());
    expect(after.filter((e) => e.text !== undefined)).toEqual([]);
    expect(sim.requests.count('jobs/order')).toBe(1);
    for (const job of jobs)
      expect(
        sim.requests.entries({ route: 'jobs/retrieve', status: 200 }).filter((e) => e.uuids.includes(job)),
      ).toHaveLength(1);
    // Both jobs are recorded as ended: a third load finds nothing to do.
    await page.reload();
    await page.evaluate(() => {
      (window as unknown as { planviewer: { resume: () => void } }).planviewer.resume();
    });
    const third = await waitFor(page, (seen) => seen.some((e) => e.tag === 'resume-complete'));
    expect(third).toEqual([{ tag: 'resume-complete' }]);
    expect(sim.requests.count('jobs/retrieve')).toBe(2);
    await context.close();
  });
});
