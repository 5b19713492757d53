/**
 * esbuild plugins for the browser build (`dist/index.browser.mjs`, the `browser` export condition).
 * The sources import `fp-ts/lib/*` (CommonJS), which Node's ESM loader and ts-jest need; browsers and
 * bundlers want ES modules, which fp-ts and io-ts ship under `es6/` (Node cannot load those: their
 * imports have no file extensions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { build as esbuild, type BuildOptions, type Plugin } from 'esbuild';

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
 * Every name one source file uses of each peer module, by ES module path: the named imports (types too;
 * they are left out later) and, for a namespace import `* as E`, every `E.name` of that file.
 */
const namesUsedByFile = (file: string): ReadonlyMap<string, ReadonlySet<string>> => {
  const used = new Map<string, Set<string>>();
  const text = readFileSync(file, 'utf8');
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
  return used;
};

/** The TypeScript sources under `srcDir`, as absolute paths. */
const sourceFiles = (srcDir: string): readonly string[] =>
  readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(srcDir, f));

interface EntryGroups {
  /** The name of the build's first entry (the root entry). */
  readonly first: string;
  /** For each source file reached, the first entry (in the build's order) that reaches it. */
  readonly groupOf: ReadonlyMap<string, string>;
}

/**
 * Which entry of a build is the first to reach each of its source files. Each entry is bundled alone
 * (peers external), seen through `graphPlugins` (those that change which file an import resolves to).
 */
const entryGroups = async (
  options: BuildOptions,
  root: string,
  graphPlugins: readonly Plugin[],
): Promise<EntryGroups> => {
  const { entryPoints } = options;
  const entries: ReadonlyArray<readonly [string, string]> = Array.isArray(entryPoints)
    ? entryPoints.map((e: string | { in: string; out: string }) =>
        typeof e === 'string' ? [e, e] : [e.out, e.in],
      )
    : Object.entries(entryPoints ?? {});
  const groupOf = new Map<string, string>();
  for (const [name, entry] of entries) {
    const { metafile } = await esbuild({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      platform: options.platform ?? 'browser',
      format: 'esm',
      logLevel: 'silent',
      external: ['rxjs', 'fp-ts', 'io-ts'],
      plugins: [...graphPlugins],
    });
    for (const input of Object.keys(metafile.inputs)) {
      const file = path.resolve(root, input);
      if (!groupOf.has(file)) groupOf.set(file, name);
    }
  }
  return { first: entries[0]?.[0] ?? '', groupOf };
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
 *
 * With several entries (and code splitting), one such module per peer module and per entry, for the files
 * that entry is the first to reach: the root entry's module imports what the root entry's files use, and
 * the ledger entry's what only the ledgers use (`ReplaySubject`, `tryCatch`…), in the ledger's own output
 * file. One module for all would land in the chunk every entry shares and import all of it there, and an
 * app's bundler keeps every name an included file imports from an external module, used or not (esbuild
 * does). `graphPlugins` are the build's plugins that change where an import resolves (the browser twins).
 */
export const esModulePeers = (graphPlugins: readonly Plugin[] = []): Plugin => ({
  name: 'es-module-peers',
  setup(build) {
    // The sources and the peers as the project has them (the directory esbuild works in).
    const root = build.initialOptions.absWorkingDir ?? process.cwd();
    const requireHere = createRequire(path.join(root, 'package.json'));
    const files = sourceFiles(path.join(root, 'src'));
    const namesOf = new Map(files.map((file) => [file, namesUsedByFile(file)]));
    let groups: Promise<EntryGroups> | undefined;
    const entryGroupsOnce = (): Promise<EntryGroups> =>
      (groups ??= entryGroups(build.initialOptions, root, graphPlugins));
    const groupOf = async (file: string): Promise<string> =>
      (await entryGroupsOnce()).groupOf.get(file) ?? '';
    /** What the files of a group use of a peer module (a file no entry was seen to reach: of every group). */
    const namesUsedByGroup = async (group: string, esPath: string): Promise<ReadonlySet<string>> => {
      const { groupOf } = await entryGroupsOnce();
      const inGroup = files.filter((f) => group === '' || groupOf.get(f) === group);
      return new Set(inGroup.flatMap((f) => [...(namesOf.get(f)?.get(esPath) ?? [])]));
    };
    // What a group's module imports is the peer itself, or another group's module (`path#group`).
    build.onResolve({ filter: /.*/, namespace: PEER_MODULE }, (args) => {
      const [esPath = '', group] = args.path.split('#');
      return group === undefined
        ? { path: esPath, external: true }
        : { path: esPath, namespace: PEER_MODULE, suffix: `#${group}` };
    });
    build.onResolve({ filter: /^((fp-ts|io-ts)(\/lib\/.*)?|rxjs)$/ }, async (args) => {
      const esPath = esModulePath(args.path);
      if (esPath === undefined) return undefined;
      return { path: esPath, namespace: PEER_MODULE, suffix: `#${await groupOf(args.importer)}` };
    });
    build.onLoad({ filter: /.*/, namespace: PEER_MODULE }, async (args) => {
      const group = args.suffix.slice(1);
      const { first } = await entryGroupsOnce();
      const wanted = await namesUsedByGroup(group, args.path);
      // Names the first entry's module imports already come from there: one import of each name in all.
      const shared =
        group === '' || group === first ? new Set<string>() : await namesUsedByGroup(first, args.path);
      // Only what the peer has at run time: type names are no exports of its module.
      const names = Object.keys(requireHere(commonJsTwin(args.path)) as object).filter((name) =>
        wanted.has(name),
      );
      const from = (list: readonly string[], source: string): string =>
        list.length === 0
          ? ''
          : `export { ${list.map(exportName).join(', ')} } from ${JSON.stringify(source)};\n`;
      return {
        contents:
          from(
            names.filter((name) => !shared.has(name)),
            args.path,
          ) +
          from(
            names.filter((name) => shared.has(name)),
            `${args.path}#${first}`,
          ),
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
