/**
 * esbuild plugins for the browser build (`dist/index.browser.mjs`, the `browser` export condition).
 * The sources import `fp-ts/lib/*` (CommonJS), which Node's ESM loader and ts-jest need; browsers and
 * bundlers want ES modules, which fp-ts and io-ts ship under `es6/` (Node cannot load those: their
 * imports have no file extensions).
 */
import * as path from 'node:path';
import type { Plugin } from 'esbuild';

/** `fp-ts/lib/X.js` → `fp-ts/es6/X.js`, `io-ts` and `io-ts/lib/X` → `io-ts/es6/…`; kept external (peers). */
export const esModulePeers = (): Plugin => ({
  name: 'es-module-peers',
  setup(build) {
    build.onResolve({ filter: /^(fp-ts|io-ts)(\/lib\/.*)?$/ }, (args) => {
      const [, pkg, rest] = /^(fp-ts|io-ts)(?:\/lib\/(.*))?$/.exec(args.path) ?? [];
      if (pkg === undefined) return undefined;
      const file = rest === undefined ? 'index.js' : rest.endsWith('.js') ? rest : `${rest}.js`;
      return { path: `${pkg}/es6/${file}`, external: true };
    });
  },
});

/** Swaps a module for its `.browser.ts` twin where one exists (the default fetch without cross-fetch). */
export const browserTwins = (twins: readonly string[]): Plugin => ({
  name: 'browser-twins',
  setup(build) {
    const names = twins.map((twin) => path.basename(twin));
    const filter = new RegExp(`/(${names.join('|')})$`);
    build.onResolve({ filter }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path);
      return twins.some((twin) => path.resolve(twin) === resolved)
        ? { path: `${resolved}.browser.ts` }
        : undefined;
    });
  },
});
