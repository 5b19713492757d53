/**
 * esbuild plugins for the browser build (`dist/index.browser.mjs`, the `browser` export condition).
 * The sources import `fp-ts/lib/*` (CommonJS), which Node's ESM loader and ts-jest need; browsers and
 * bundlers want ES modules, which fp-ts and io-ts ship under `es6/` (Node cannot load those: their
 * imports have no file extensions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';

const PEER_MODULE = 'peer-module';

/** Where a peer import of the sources goes in the browser build, or `undefined` for anything else. */
const esModulePath = (specifier: string): string | undefined => {
  if (specifier === 'rxjs') return 'rxjs';
  const [, pkg, rest] = /^(fp-ts|io-ts)(?:\/lib\/(.*))?$/.exec(specifier) ?? [];
  if (pkg === undefined) return undefined;
  return `${pkg}/es6/${rest === undefined ? 'index.js' : rest.endsWith('.js') ? rest : `${rest}.js`}`;
};

/** The CommonJS twin of an ES module path: it has the same names, and Node can load it here to list them. */
const commonJsTwin = (esPath: string): string =>
  esPath === 'rxjs' ? 'rxjs' : esPath.replace('/es6/index.js', '').replace('/es6/', '/lib/');

const IMPORT = /import\s+(type\s+)?(?:\{([^}]*)\}|\*\s+as\s+(\w+))\s+from\s+'([^']+)'/g;

/**
 * Every name the sources under `srcDir` use of each peer module, by ES module path: the named imports
 * (types too; they are left out later) and, for a namespace import `* as E`, every `E.name` of that file.
 */
const namesUsedBySources = (srcDir: string): ReadonlyMap<string, ReadonlySet<string>> => {
  const used = new Map<string, Set<string>>();
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(path.join(srcDir, file), 'utf8');
    for (const [, typeOnly, named, namespace, specifier] of text.matchAll(IMPORT)) {
      const esPath = esModulePath(specifier ?? '');
      if (esPath === undefined || typeOnly !== undefined) continue;
      const names = used.get(esPath) ?? new Set<string>();
      used.set(esPath, names);
      for (const name of named?.split(',') ?? []) names.add(name.trim().split(/\s+/)[0] ?? '');
      if (namespace !== undefined)
        for (const [, name] of text.matchAll(new RegExp(`\\b${namespace}\\.(\\w+)`, 'g')))
          names.add(name ?? '');
    }
  }
  return used;
};

/** A valid name for a named import or export: a string literal where the name is a reserved word (`null`). */
const exportName = (name: string): string => (/^(null|true|false)$/.test(name) ? JSON.stringify(name) : name);

/**
 * `fp-ts/lib/X.js` → `fp-ts/es6/X.js`, `io-ts` and `io-ts/lib/X` → `io-ts/es6/…`, `rxjs` as it is; kept
 * external (peers), and each imported once for the whole bundle.
 *
 * Once: every module of ours that imports a peer goes through one internal module per peer module, which
 * re-exports the names the sources use of it. Without it a bundle keeps one `import` statement of the peer
 * per importing module (some 60 in the root entry), and a namespace import (`import * as E`) of an external
 * module keeps every `E.left` a property access no minifier can shorten; with it the bundle carries one
 * named import per peer module and short names.
 */
export const esModulePeers = (): Plugin => ({
  name: 'es-module-peers',
  setup(build) {
    // The sources and the peers as the project has them (the directory esbuild works in).
    const root = build.initialOptions.absWorkingDir ?? process.cwd();
    const requireHere = createRequire(path.join(root, 'package.json'));
    let used: ReadonlyMap<string, ReadonlySet<string>> | undefined;
    // What the re-exporting modules import is the peer itself.
    build.onResolve({ filter: /.*/, namespace: PEER_MODULE }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onResolve({ filter: /^((fp-ts|io-ts)(\/lib\/.*)?|rxjs)$/ }, (args) => {
      const esPath = esModulePath(args.path);
      return esPath === undefined ? undefined : { path: esPath, namespace: PEER_MODULE };
    });
    build.onLoad({ filter: /.*/, namespace: PEER_MODULE }, (args) => {
      used ??= namesUsedBySources(path.join(root, 'src'));
      const wanted = used.get(args.path) ?? new Set<string>();
      // Only what the peer has at run time: type names are no exports of its module.
      const names = Object.keys(requireHere(commonJsTwin(args.path)) as object).filter((name) =>
        wanted.has(name),
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
