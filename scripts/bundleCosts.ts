/**
 * Where the root entry's browser bundle spends its gzipped bytes, module by module: the sources bundled
 * as the browser build bundles them (browser twins, every export kept, the peers left out), minified,
 * then each module's share of the gzipped total measured as the growth of the gzipped bundle when that
 * module's code is appended. Shared strings and names are counted where they first appear, so a module's
 * figure is what removing its unique code would save, near enough to choose where to cut.
 *
 * Usage: `node -r ts-node/register/transpile-only scripts/bundleCosts.ts [entry] [rows]`
 * (entry defaults to src/index.ts; the spec's exact figures come from spec/package/browserBundle.spec.ts).
 */
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { browserTwins, esModulePeers } from '../build/esbuildPlugins';

const ROOT = path.resolve(__dirname, '..');
const TWINS = [
  'src/config/defaultFetch',
  'src/http/prematureClose',
  'src/http/nodeBodyChunks',
  'src/http/networkFailure',
];

const gzipBytes = (text: string): number => gzipSync(text, { level: 9 }).byteLength;

const main = async (entry: string, rows: number): Promise<void> => {
  // Whitespace kept for now: esbuild marks each module's code with a `// src/…` line only then.
  const result = await build({
    stdin: {
      contents: `import * as e from './${entry}';\nglobalThis.e = e;\n`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minifySyntax: true,
    minifyIdentifiers: true,
    write: false,
    logLevel: 'silent',
    plugins: [
      esModulePeers(),
      {
        name: 'rxjs-external',
        setup: (b) => b.onResolve({ filter: /^rxjs/ }, (a) => ({ path: a.path, external: true })),
      },
      browserTwins(TWINS.map((twin) => path.join(ROOT, twin))),
    ],
  });
  const parts = (result.outputFiles[0]?.text ?? '').split(/^\/\/ (src\/\S+|peer-module:\S+)$/m);
  let bundle = parts[0] ?? '';
  const costs = new Map<string, { gzip: number; minified: number }>();
  for (let i = 1; i < parts.length; i += 2) {
    const file = parts[i] ?? '';
    const code = (await transform(parts[i + 1] ?? '', { minifyWhitespace: true, loader: 'js' })).code;
    const before = gzipBytes(bundle);
    bundle += code;
    const cost = costs.get(file) ?? { gzip: 0, minified: 0 };
    costs.set(file, { gzip: cost.gzip + gzipBytes(bundle) - before, minified: cost.minified + code.length });
  }
  console.log(`${entry}: about ${gzipBytes(bundle)} B gzipped without the peers (gzip, minified, module)`);
  for (const [file, cost] of [...costs].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, rows))
    console.log(`${String(cost.gzip).padStart(6)} ${String(cost.minified).padStart(7)}  ${file}`);
};

void main(process.argv[2] ?? 'src/index.ts', Number(process.argv[3] ?? 40));
