import { defineConfig, type Options } from 'tsup';
import { browserBuild } from './build/browserBuild';

/**
 * The library's entries. package.json "exports" maps `planviewer-rx/<subpath>` to `dist/<name>.*`, and the
 * example checker (scripts/checkExamples.ts) reads this map to type-check docs against the sources.
 */
const libraryEntries = {
  index: 'src/index.ts',
  polling: 'src/pollingPolicy.ts',
  simulator: 'src/simulator/index.ts',
  testing: 'src/testing/index.ts',
  proxy: 'src/proxy/index.ts',
  postgres: 'src/postgres/index.ts',
  'file-ledger': 'src/ledger/file/index.ts',
  ledger: 'src/ledgerAdapters.ts',
};

// Dependencies and peers stay external: users' rxjs/fp-ts instances must be the ones we use.
const external = ['rxjs', 'fp-ts', 'io-ts', 'cross-fetch', 'pg'];

// No source maps and no declaration maps: the bundles are not minified (a stack trace reads as it is),
// tsup's bundled declarations have no maps to give, and maps that point at sources we do not ship only
// make bundlers warn. `npm run build` empties dist/ first (tsup's own `clean` would race between configs).
const shared: Options = { target: 'node20', sourcemap: false, external };

export default defineConfig([
  { ...shared, entry: libraryEntries, format: ['esm', 'cjs'], dts: true },
  // The `planviewer` command: one CommonJS file run by Node, no declarations (nothing imports it).
  { ...shared, entry: { cli: 'src/cli/main.ts' }, format: ['cjs'], dts: false },
  // The `browser` condition of the root entry: ES modules only, the platform's fetch.
  { ...browserBuild, sourcemap: false },
]);
