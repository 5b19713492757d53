/**
 * esbuild plugins for the browser build (`dist/index.browser.mjs`, the `browser` export condition).
 * The sources import `fp-ts/lib/*` (CommonJS), which Node's ESM loader and ts-jest need; browsers and
 * bundlers want ES modules, which fp-ts and io-ts ship under `es6/` (Node cannot load those: their
 * imports have no file extensions).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';

const PEER_MODULE = 'peer-module';

/** A valid name for a named import or export: a string literal where the name is a reserved word (`null`). */
const exportName = (name: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name) ? name : JSON.stringify(name);
const RESERVED = new Set(['null', 'true', 'false', 'default', 'delete', 'in', 'new', 'void', 'function']);

/**
 * `fp-ts/lib/X.js` → `fp-ts/es6/X.js`, `io-ts` and `io-ts/lib/X` → `io-ts/es6/…`, `rxjs` as it is; kept
 * external (peers), and each imported once for the whole bundle.
 *
 * Once: every module of ours that imports a peer goes through one internal module per peer module, which
 * re-exports the peer's names. Without it a bundle keeps one `import` statement of the peer per importing
 * module (some 60 in the root entry), and a namespace import (`import * as E`) of an external module keeps
 * every `E.left` a property access no minifier can shorten; with it the bundle carries one named import per
 * peer module and short names. Only the names a bundle uses stay in that import.
 */
export const esModulePeers = (): Plugin => ({
  name: 'es-module-peers',
  setup(build) {
    // The peers as the project resolves them (the directory esbuild works in, as for the bundle itself).
    const requireHere = createRequire(path.join(build.initialOptions.absWorkingDir ?? process.cwd(), 'x.js'));
    // What the re-exporting modules import is the peer itself.
    build.onResolve({ filter: /.*/, namespace: PEER_MODULE }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onResolve({ filter: /^((fp-ts|io-ts)(\/lib\/.*)?|rxjs)$/ }, (args) => {
      if (args.path === 'rxjs') return { path: 'rxjs', namespace: PEER_MODULE, pluginData: 'rxjs' };
      const [, pkg, rest] = /^(fp-ts|io-ts)(?:\/lib\/(.*))?$/.exec(args.path) ?? [];
      if (pkg === undefined) return undefined;
      const file = rest === undefined ? 'index.js' : rest.endsWith('.js') ? rest : `${rest}.js`;
      // The CommonJS twin has the same names, and Node can load it here to list them.
      const names = rest === undefined ? pkg : `${pkg}/lib/${file}`;
      return { path: `${pkg}/es6/${file}`, namespace: PEER_MODULE, pluginData: names };
    });
    build.onLoad({ filter: /.*/, namespace: PEER_MODULE }, (args) => {
      const names = Object.keys(requireHere(args.pluginData as string) as object).filter(
        (name) => name !== '__esModule' && name !== 'default',
      );
      return {
        contents: `export { ${names.map(exportName).join(', ')} } from ${JSON.stringify(args.path)};\n`,
        loader: 'js',
      };
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
