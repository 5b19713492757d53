/**
 * The lean-install check: packs the package, installs the tarball into an empty folder as a user would
 * (peer dependencies left out: the user's app brings rxjs, fp-ts and io-ts), and fails when the package
 * with its own dependencies takes more than the budget. Needs `npm run build` first; talks to the npm
 * registry only for dependencies missing from the local npm cache.
 *
 * Then it runs the installed CLI (`--help`) and the installed simulator, which must work without anything
 * the library itself does not need.
 *
 * Usage: `npm run check:size` (prints the tarball size, the installed size and the biggest packages).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The budget for the package and its own dependencies, installed (file sizes, not disk blocks). */
export const INSTALL_BUDGET_BYTES = 2_000_000;

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.tmp', 'install-size');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const sizeOf = (p: string): number => {
  const stat = fs.lstatSync(p);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
};

const packages = (modules: string): { name: string; bytes: number }[] =>
  fs.readdirSync(modules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const full = path.join(modules, name);
    if (name.startsWith('@'))
      return fs
        .readdirSync(full)
        .map((sub) => ({ name: `${name}/${sub}`, bytes: sizeOf(path.join(full, sub)) }));
    return [{ name, bytes: sizeOf(full) }];
  });

/**
 * The simulator and the CLI still work from the lean install. The app folder is inside the repository, so
 * the peers resolve from our node_modules, as an app's own copies would.
 */
const smokeTest = (app: string): void => {
  const help = execFileSync(
    process.execPath,
    [path.join(app, 'node_modules', 'planviewer-rx', 'dist', 'cli.js'), '--help'],
    {
      encoding: 'utf8',
    },
  );
  if (!help.includes('Usage: planviewer'))
    throw new Error(`planviewer --help from the install printed:\n${help}`);
  const script = `
    const { startSimulator, demoAccount } = require('planviewer-rx/simulator');
    const { createPlanviewer } = require('planviewer-rx');
    (async () => {
      const sim = await startSimulator();
      try {
        const pv = createPlanviewer({ baseUrl: sim.url, credentials: { key: demoAccount.key, secret: demoAccount.secret } });
        const products = await pv.products()();
        if (products._tag !== 'Right' || products.right.length === 0) throw new Error(JSON.stringify(products));
        console.log(products.right.length + ' products from the simulator of the installed package');
      } finally {
        await sim.close();
      }
    })().catch((e) => { console.error(e); process.exit(1); });`;
  console.log(execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' }).trim());
  console.log('planviewer --help from the installed package: ok');
};

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

if (require.main === module) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) {
    console.error('check:size needs the build: run `npm run build` first.');
    process.exit(1);
  }
  fs.rmSync(WORK, { recursive: true, force: true });
  const app = path.join(WORK, 'app');
  fs.mkdirSync(app, { recursive: true });
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', WORK], { cwd: ROOT, encoding: 'utf8' }),
  ) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  const tarball = packed[0]!;
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  execFileSync(
    npm,
    [
      'install',
      path.join(WORK, tarball.filename),
      '--omit=peer',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const modules = path.join(app, 'node_modules');
  const installed = packages(modules).sort((a, b) => b.bytes - a.bytes);
  const total = installed.reduce((sum, p) => sum + p.bytes, 0);
  console.log(
    `tarball ${tarball.filename}: ${kb(tarball.size)} packed, ${kb(tarball.unpackedSize)} unpacked, ${tarball.entryCount} files`,
  );
  console.log(
    `installed without peers: ${kb(total)} in ${installed.length} packages (budget ${kb(INSTALL_BUDGET_BYTES)})`,
  );
  for (const p of installed) console.log(`  ${kb(p.bytes).padStart(10)}  ${p.name}`);
  smokeTest(app);
  fs.rmSync(WORK, { recursive: true, force: true });
  if (total > INSTALL_BUDGET_BYTES) {
    console.error(
      `The install is over budget by ${kb(total - INSTALL_BUDGET_BYTES)}: see which package above grew.`,
    );
    process.exit(1);
  }
}
