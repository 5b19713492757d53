/**
 * What a browser app gets when it bundles planviewer-rx: esbuild, the browser platform and its export
 * conditions, minified, the whole public surface kept (`import * as`), once with the peers (rxjs, fp-ts,
 * io-ts) bundled in and once with them left to the app. Used by the bundle-size spec and `npm run size`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

export interface BundleMeasure {
  /** Gzipped bytes of the minified bundle. */
  readonly gzipBytes: number;
  readonly minifiedBytes: number;
  /** Every input esbuild read as CommonJS, as `package/path`. */
  readonly commonJsInputs: readonly string[];
  /** Every input, to show where the package was resolved from. */
  readonly inputs: readonly string[];
  /** The minified bundle itself, to look for what must (not) be in it. */
  readonly code: string;
}

export interface BrowserBundleSizes {
  readonly withPeers: BundleMeasure;
  readonly withoutPeers: BundleMeasure;
}

const PEERS = /^(rxjs|fp-ts|io-ts)(\/|$)/;

const measure = async (appDir: string, entry: string, withPeers: boolean): Promise<BundleMeasure> => {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: appDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: withPeers
      ? []
      : [
          {
            name: 'peers-external',
            setup(b) {
              b.onResolve({ filter: PEERS }, (args) => ({ path: args.path, external: true }));
            },
          },
        ],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.entries((result.metafile as Metafile).inputs);
  return {
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    minifiedBytes: code.byteLength,
    commonJsInputs: inputs.filter(([, input]) => input.format === 'cjs').map(([file]) => file),
    inputs: inputs.map(([file]) => file),
    code: new TextDecoder().decode(code),
  };
};

/**
 * Bundles `import * as pv from 'planviewer-rx'` (and any other `entries`, each kept whole the same way)
 * from `appDir`, whose node_modules (or an ancestor's) must hold the built package and the peers.
 */
export const measureBrowserBundle = async (
  appDir: string,
  entries: readonly string[] = ['planviewer-rx'],
): Promise<BrowserBundleSizes> => {
  await mkdir(appDir, { recursive: true });
  // An app of its own: without a package.json here, `planviewer-rx` would resolve as a self-reference of
  // the repository (its package.json has that name) instead of from the app's node_modules.
  await writeFile(path.join(appDir, 'package.json'), '{ "name": "bundle-check", "private": true }\n');
  const entry = path.join(appDir, `app-${entries.length}.mjs`);
  // Keeping every export alive measures the whole public surface, the worst case for an app.
  await writeFile(
    entry,
    entries.map((e, i) => `import * as e${i} from '${e}';\nglobalThis['${e}'] = e${i};\n`).join(''),
  );
  return measureEntry(appDir, entry);
};

/**
 * What an app that imports only `names` from the root entry ships (esbuild tree-shakes the rest), e.g. an
 * app that orders: `createPlanviewer`, `addressSearch`, `describeError`, `results`.
 */
export const measureAppImports = async (
  appDir: string,
  names: readonly string[],
): Promise<BrowserBundleSizes> => {
  await mkdir(appDir, { recursive: true });
  await writeFile(path.join(appDir, 'package.json'), '{ "name": "bundle-check", "private": true }\n');
  const entry = path.join(appDir, 'app-named.mjs');
  await writeFile(
    entry,
    `import { ${names.join(', ')} } from 'planviewer-rx';\nglobalThis.used = [${names.join(', ')}];\n`,
  );
  return measureEntry(appDir, entry);
};

const measureEntry = async (appDir: string, entry: string): Promise<BrowserBundleSizes> => {
  return {
    withPeers: await measure(appDir, entry, true),
    withoutPeers: await measure(appDir, entry, false),
  };
};
