import { execFile } from 'node:child_process';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  measureAppImports,
  measureBrowserBundle,
  type BrowserBundleSizes,
} from '../../build/measureBrowserBundle';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
// Inside the repository, so the peers resolve from our node_modules as an app's own copies would.
const APP = path.join(ROOT, '.tmp', 'browser-bundle');
const PACKAGE = path.join(APP, 'node_modules', 'planviewer-rx');

/**
 * The budgets of docs/browser-and-angular.md, in gzipped bytes (1 kB = 1000 bytes), for the whole root
 * entry. The ledgers, budget stores and the code behind `order$(…, { ledger })`, `resume$` and
 * `orderBudget` come with `planviewer-rx/ledger` (or the Node entries), so they are held apart: an app pays
 * for them when it imports a ledger. Each budget is the size measured plus about 300 bytes, or issue 9's
 * target where that is less: 33 kB with rxjs, fp-ts and io-ts, 20 kB without (19.99 kB measured).
 */
const BUDGET_WITH_PEERS = 31_150;
const BUDGET_WITHOUT_PEERS = 20_000;
/**
 * What an app that orders imports (the Angular example's service: find the address, order, show errors,
 * keep the files), tree-shaken as a bundler does. Issue 9's targets (33 kB with the peers, 20 kB without)
 * are met with room; held at what it measures plus about 300 bytes.
 */
const ORDERING_APP = ['createPlanviewer', 'addressSearch', 'describeError', 'results'];
const APP_BUDGET_WITH_PEERS = 30_600;
const APP_BUDGET_WITHOUT_PEERS = 19_700;
const LEDGER_BUDGET_WITH_PEERS = 36_800;
const LEDGER_BUDGET_WITHOUT_PEERS = 24_750;

describe('the browser bundle of the package', () => {
  let sizes: BrowserBundleSizes;
  let withLedger: BrowserBundleSizes;
  let orderingApp: BrowserBundleSizes;

  beforeAll(async () => {
    await rm(APP, { recursive: true, force: true });
    await mkdir(PACKAGE, { recursive: true });
    // The real browser build, resolved through the real package.json's `browser` condition.
    await run(
      path.join(ROOT, 'node_modules', '.bin', 'tsup'),
      ['--config', 'build/tsup.browser.config.ts', '--out-dir', path.join(PACKAGE, 'dist'), '--silent'],
      { cwd: ROOT, timeout: 60_000 },
    );
    await writeFile(path.join(PACKAGE, 'package.json'), await readFile(path.join(ROOT, 'package.json')));
    sizes = await measureBrowserBundle(APP);
    withLedger = await measureBrowserBundle(APP, ['planviewer-rx', 'planviewer-rx/ledger']);
    orderingApp = await measureAppImports(APP, ORDERING_APP);
  }, 90_000);

  afterAll(() => rm(APP, { recursive: true, force: true }));

  it('resolves the package through its browser condition', () => {
    expect(sizes.withPeers.inputs).toContain('node_modules/planviewer-rx/dist/index.browser.mjs');
  });

  it('holds no CommonJS module, from the package or its dependencies', () => {
    expect(sizes.withPeers.commonJsInputs).toEqual([]);
    expect(sizes.withoutPeers.commonJsInputs).toEqual([]);
    expect(
      sizes.withPeers.inputs.filter((i) => /cross-fetch|content-disposition|node-fetch/.test(i)),
    ).toEqual([]);
    expect(sizes.withPeers.inputs.filter((i) => /\/(fp-ts|io-ts)\/lib\//.test(i))).toEqual([]);
  });

  it(`stays within ${BUDGET_WITH_PEERS / 1000} kB gzipped with rxjs, fp-ts and io-ts`, () => {
    expect(sizes.withPeers.gzipBytes).toBeLessThanOrEqual(BUDGET_WITH_PEERS);
  });

  it(`stays within ${BUDGET_WITHOUT_PEERS / 1000} kB gzipped without the peers`, () => {
    expect(sizes.withoutPeers.gzipBytes).toBeLessThanOrEqual(BUDGET_WITHOUT_PEERS);
  });

  it('leaves the ledgers out of the root entry: they come with planviewer-rx/ledger, through its browser condition', () => {
    // Strings only the ledger code has: the storage ledger's key, the guard's unrecorded-answer message,
    // the lease keeper's operation.
    const ledgerCode = ['planviewer-rx:ledger', 'WAS placed', 'renew-lease'];
    for (const text of ledgerCode) {
      expect(sizes.withPeers.code).not.toContain(text);
      expect(withLedger.withPeers.code).toContain(text);
    }
    expect(withLedger.withPeers.inputs).toContain('node_modules/planviewer-rx/dist/ledger.browser.mjs');
    expect(withLedger.withPeers.commonJsInputs).toEqual([]);
    expect(withLedger.withPeers.gzipBytes).toBeGreaterThan(sizes.withPeers.gzipBytes);
  });

  it(`with planviewer-rx/ledger, stays within ${LEDGER_BUDGET_WITH_PEERS / 1000} and ${LEDGER_BUDGET_WITHOUT_PEERS / 1000} kB gzipped`, () => {
    expect(withLedger.withPeers.gzipBytes).toBeLessThanOrEqual(LEDGER_BUDGET_WITH_PEERS);
    expect(withLedger.withoutPeers.gzipBytes).toBeLessThanOrEqual(LEDGER_BUDGET_WITHOUT_PEERS);
  });

  it(`an app that orders (${ORDERING_APP.join(', ')}) stays within ${APP_BUDGET_WITH_PEERS / 1000} kB with the peers and ${APP_BUDGET_WITHOUT_PEERS / 1000} kB without`, () => {
    expect(orderingApp.withPeers.commonJsInputs).toEqual([]);
    expect(orderingApp.withPeers.gzipBytes).toBeLessThanOrEqual(APP_BUDGET_WITH_PEERS);
    expect(orderingApp.withoutPeers.gzipBytes).toBeLessThanOrEqual(APP_BUDGET_WITHOUT_PEERS);
    // Tree-shaken, yet the client itself is all there: the poller and the order stream.
    expect(orderingApp.withoutPeers.gzipBytes).toBeLessThan(sizes.withoutPeers.gzipBytes);
    expect(orderingApp.withPeers.code).toContain('completed without a result');
  });
});
