import type { Options } from 'tsup';
import { browserTwins, esModulePeers } from './esbuildPlugins';

/**
 * The `browser` export condition (`dist/index.browser.mjs`): ES modules only (fp-ts/es6, io-ts/es6), the
 * platform's fetch, no cross-fetch. Shared by tsup.config.ts and the bundle-size spec, which builds it alone.
 */
const twins = browserTwins([
  'src/config/defaultFetch',
  'src/http/prematureClose',
  'src/http/nodeBodyChunks',
  'src/http/networkFailure',
]);

export const browserBuild: Options = {
  // The polling policy too: an app scales it (docs/browser-and-angular.md) without pulling in CommonJS.
  // And the ledgers: a browser app records its orders in localStorage (docs/ledgers-and-workers.md).
  entry: {
    'index.browser': 'src/index.ts',
    'polling.browser': 'src/pollingPolicy.ts',
    'ledger.browser': 'src/ledgerAdapters.ts',
  },
  format: ['esm'],
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  // The peers: esModulePeers keeps them external (fp-ts and io-ts under their es6/ paths), each imported once.
  noExternal: [/^fp-ts(\/|$)/, /^io-ts(\/|$)/, /^rxjs$/],
  esbuildPlugins: [esModulePeers([twins]), twins],
};
